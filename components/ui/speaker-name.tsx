import Link from "next/link";
import type { TSpeakerRef } from "@/lib/queries/article-cards";
import { CountryTag } from "@/components/ui/country-tag";

/** Name (linked to the speaker page), role and country, or "Unattributed". */
export function SpeakerName({ speaker }: { speaker: TSpeakerRef | null }) {
  if (!speaker) return <span className="font-semibold italic text-zinc-700 dark:text-zinc-300">Unattributed</span>;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
      <Link href={`/speakers/${speaker.slug}`} className="font-semibold text-zinc-900 underline-offset-2 hover:underline dark:text-zinc-50">
        {speaker.name}
      </Link>
      {speaker.role ? <span className="text-sm text-zinc-700 dark:text-zinc-300">{speaker.role}</span> : null}
      {speaker.country ? <CountryTag code={speaker.country} /> : null}
    </span>
  );
}
