// "Seen in N articles" stops counting at a cap: a stock phrase can recur in tens of thousands of
// articles, and counting them all costs seconds per page at 100k articles for a figure no reader
// needs exactly. Shared by the queries (which count up to the cap) and the views (which say "100+").
export const SEEN_IN_CAP = 100;

/** The figure to print: the count, or "100+" past the cap. */
export function formatSeenIn(count: number): string {
  return count > SEEN_IN_CAP ? `${SEEN_IN_CAP}+` : String(count);
}
