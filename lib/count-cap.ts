// Page counts that stop at a cap: a speaker quoted in tens of thousands of articles, or a country
// mentioned in as many, would cost a scan proportional to the archive for a figure no reader needs
// exactly. Queries count up to the cap + 1; views print "10,000+" past it.
export const PAGE_COUNT_CAP = 10_000;
/** A count beside each name of a list (a country's speakers): enough to rank them, 1,001 index entries each at most. */
export const LIST_COUNT_CAP = 1_000;

/** The figure to print: the count, or "<cap>+" past the cap. */
export function formatCountUpTo(count: number, cap: number = PAGE_COUNT_CAP): string {
  return count > cap ? `${cap.toLocaleString("en")}+` : count.toLocaleString("en");
}
