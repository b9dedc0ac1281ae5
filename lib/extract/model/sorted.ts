// Binary search over items kept in text order: the tagger's lookups in a paragraph of thousands of
// quotes stay a search each, not a scan.

/** The index of the first item whose start is at or after `at` (items sorted by start). */
export function firstStartingAt<T>(items: readonly T[], at: number, startOf: (item: T) => number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (startOf(items[mid] as T) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
