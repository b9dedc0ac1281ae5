// Unknown slugs get their real 404 from proxy.ts (lib/routing/missing-page.ts); this check catches what vanished since.
// A speaker merged into another keeps its URLs: they lead (308) to the speaker it became part of.
import { notFound, permanentRedirect } from "next/navigation";
import type { ReactNode } from "react";
import { ZPathSlug, speakerExists } from "@/lib/queries/exists";
import { findSpeakerRedirect } from "@/lib/queries/speakers";

export default async function SpeakerLayout({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  if (await speakerExists(slug)) return children;
  const parsed = ZPathSlug.safeParse(slug);
  const moved = parsed.success ? await findSpeakerRedirect(parsed.data) : null;
  if (moved) permanentRedirect(`/speakers/${moved}`);
  notFound();
}
