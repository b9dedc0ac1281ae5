// `?speaker=<slug>` on the timeline and its feeds, when that speaker was merged into another: the
// answer is a 308 to the same view under the canonical slug (as /speakers/<old slug> is), rather
// than quietly filtering by the canonical speaker. The URL is the state: after the redirect the
// filter bar, the chips, the feed links and the cache all see one slug per speaker, and a link
// saved before the merge keeps working.
import { ZPathSlug, speakerExists } from "@/lib/queries/exists";
import { findSpeakerRedirect } from "@/lib/queries/speakers";

/** The pages that read the timeline's filters from the query string. */
const FILTERED_PATHS = new Set(["/", "/feed.xml", "/feed.atom", "/feed.json"]);

/** The path and query to move to, or null when the URL's speaker filter is fine as it is. */
export async function followMergedSpeakerFilter(url: URL): Promise<string | null> {
  if (!FILTERED_PATHS.has(url.pathname)) return null;
  const speakers = url.searchParams.getAll("speaker");
  const slug = speakers.length === 1 ? speakers[0]!.trim() : null;
  if (!slug || !ZPathSlug.safeParse(slug).success || (await speakerExists(slug))) return null;
  const canonical = await findSpeakerRedirect(slug);
  if (!canonical) return null;
  const params = new URLSearchParams(url.searchParams);
  params.set("speaker", canonical);
  return `${url.pathname}?${params.toString()}`;
}
