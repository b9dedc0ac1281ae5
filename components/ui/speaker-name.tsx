import Link from "next/link";
import type { TSpeakerRef } from "@/lib/queries/article-cards";
import { CountryTag } from "@/components/ui/country-tag";

/** Name (linked to the speaker page), role and country, or "Unattributed". */
export function SpeakerName({ speaker }: { speaker: TSpeakerRef | null }) {
  if (!speaker) return <span className="muted font-semibold italic">Unattributed</span>;
  return (
    <span className="speaker">
      <Link href={`/speakers/${speaker.slug}`} className="speaker-link">
        {speaker.name}
      </Link>
      {speaker.role ? <span className="muted text-sm">{speaker.role}</span> : null}
      {speaker.country ? <CountryTag code={speaker.country} /> : null}
    </span>
  );
}
