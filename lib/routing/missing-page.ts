// Decides, before a page renders, whether a permalink path names something that exists. With
// cacheComponents each permalink route has a prerendered shell that starts streaming with status
// 200, so a notFound() in the page could only ever give a "soft" 404; the proxy asks this first
// and answers a real 404 (or the 308 of a merged speaker) while headers can still be set.
import { ZCountryFilter } from "@/lib/filters";
import { ZPathSlug, articleExists, speakerExists, storyExists } from "@/lib/queries/exists";
import { findSpeakerRedirect } from "@/lib/queries/speakers";

export type TPathVerdict = { kind: "missing" } | { kind: "moved"; to: string } | null;

// Only the page itself: /articles/x/opengraph-image and the like answer for themselves.
const PERMALINK = /^\/(articles|speakers|stories|countries)\/([^/]+)\/?$/;

export async function checkPermalinkPath(pathname: string): Promise<TPathVerdict> {
  const match = PERMALINK.exec(pathname);
  if (!match) return null;
  const [, section, raw = ""] = match;
  let key: string;
  try {
    key = decodeURIComponent(raw);
  } catch {
    return { kind: "missing" };
  }
  if (section === "countries") return ZCountryFilter.safeParse(key).success ? null : { kind: "missing" };
  if (section === "articles") return (await articleExists(key)) ? null : { kind: "missing" };
  if (section === "stories") return (await storyExists(key)) ? null : { kind: "missing" };
  if (await speakerExists(key)) return null;
  const moved = ZPathSlug.safeParse(key).success ? await findSpeakerRedirect(key) : null;
  return moved ? { kind: "moved", to: `/speakers/${moved}` } : { kind: "missing" };
}
