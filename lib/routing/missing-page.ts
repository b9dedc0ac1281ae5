// Decides, before a page renders, whether a permalink path names something a reader may see: the
// one place that does. With cacheComponents each permalink route has a prerendered shell that
// starts streaming with status 200, so a notFound() in the page could only ever give a "soft" 404;
// proxy.ts asks this first and answers a real 404 (or the 308 of a merged speaker) while headers
// can still be set. An article's share image follows its permalink.
import { ZCountryFilter } from "@/lib/filters";
import { ZPathSlug, findArticleVisibility, speakerExists, storyExists } from "@/lib/queries/exists";
import { findSpeakerRedirect } from "@/lib/queries/speakers";

export type TPathVerdict = { kind: "missing" } | { kind: "moved"; to: string } | null;

/** Who is asking: only a signed-in admin sees a hidden article (asked only when one is hidden). */
export type TViewer = { isAdmin(): Promise<boolean> };

// The page itself, or an article's share image (`opengraph-image`, with the suffix Next may add).
const PERMALINK = /^\/(articles|speakers|stories|countries)\/([^/]+)\/?$/;
const SHARE_IMAGE = /^\/articles\/([^/]+)\/(?:opengraph|twitter)-image(?:-[\w-]+)?\/?$/;

function decodeSegment(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

async function checkArticle(slug: string, viewer: TViewer): Promise<TPathVerdict> {
  const visibility = await findArticleVisibility(slug);
  if (visibility === "shown") return null;
  if (visibility === "hidden" && (await viewer.isAdmin())) return null;
  return { kind: "missing" };
}

async function checkSpeaker(slug: string): Promise<TPathVerdict> {
  if (await speakerExists(slug)) return null;
  const moved = ZPathSlug.safeParse(slug).success ? await findSpeakerRedirect(slug) : null;
  return moved ? { kind: "moved", to: `/speakers/${moved}` } : { kind: "missing" };
}

export async function checkPermalinkPath(pathname: string, viewer: TViewer): Promise<TPathVerdict> {
  const image = SHARE_IMAGE.exec(pathname);
  if (image) {
    const slug = decodeSegment(image[1] ?? "");
    return slug === null ? { kind: "missing" } : checkArticle(slug, viewer);
  }
  const match = PERMALINK.exec(pathname);
  if (!match) return null;
  const [, section, raw = ""] = match;
  const key = decodeSegment(raw);
  if (key === null) return { kind: "missing" };
  if (section === "countries") return ZCountryFilter.safeParse(key).success ? null : { kind: "missing" };
  if (section === "articles") return checkArticle(key, viewer);
  if (section === "stories") return (await storyExists(key)) ? null : { kind: "missing" };
  return checkSpeaker(key);
}
