// The names of the cache tags: a cached view carries the tag of every article, story, speaker and
// country it shows, and the database's change feed (the ContentChange triggers) uses the same
// names for what a transaction touched. Keep the two in step.
import { cacheLife, cacheTag } from "next/cache";

/** Every timeline view (any filter, any page, the facets) shares one tag: a few seconds stale is fine there. */
export const TIMELINE_TAG = "timeline";
export const articleTag = (id: number) => `article:${id}`;
export const storyTag = (id: number) => `story:${id}`;
export const speakerTag = (id: number) => `speaker:${id}`;
export const countryTag = (code: string) => `country:${code.toUpperCase()}`;

/**
 * How long a cached view lives when no change expires it: re-rendered after 5 minutes (what no
 * tag follows, such as "seen in N articles" on an older permalink, lags at most that long),
 * never kept past an hour.
 */
const CONTENT_LIFE = { stale: 30, revalidate: 300, expire: 3600 } as const;
/**
 * A view some read of which was cut short by its time limit (a search that took too long, counts
 * left out) is read again within seconds, changed or not: no change may come to expire it, and a
 * page reflects the archive within 5 s (issue 12).
 */
const CUT_SHORT_LIFE = { stale: 5, revalidate: 5, expire: 30 } as const;

/**
 * Inside a "use cache" scope: the content lifetime (short when `cutShort`: part of the view is
 * missing because a read ran out of time), and the tags of what the view shows.
 */
export function cacheContent(tags: Iterable<string>, options: { cutShort?: boolean } = {}): void {
  cacheLife(options.cutShort ? CUT_SHORT_LIFE : CONTENT_LIFE);
  const unique = [...new Set(tags)];
  // One cacheTag call takes at most 128 tags; a story or speaker page can show more.
  for (let at = 0; at < unique.length; at += 128) cacheTag(...unique.slice(at, at + 128));
}
