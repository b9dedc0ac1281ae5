// How an article's date reads wherever it is shown (timeline, permalink, story, feeds out). An
// article whose source stated no date says so with the day it was added here: the ingest time is
// never presented as its publication time.
const shortDay = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "1 Dec 2026", in UTC like every date the app shows. */
export function formatShortDay(date: Date): string {
  return shortDay.format(date);
}

/** "date unknown · added 1 Dec 2026" */
export function describeUndated(ingestedAt: Date): string {
  return `date unknown · added ${formatShortDay(ingestedAt)}`;
}

type TDated = { publishedAt: Date | null };

/** The publication span of some articles, from the dated ones only, and how many have no date. */
export function publicationSpan(articles: readonly TDated[]): { first: Date | null; last: Date | null; undated: number } {
  const times = articles.flatMap((article) => (article.publishedAt ? [article.publishedAt.getTime()] : []));
  return {
    first: times.length ? new Date(Math.min(...times)) : null,
    last: times.length ? new Date(Math.max(...times)) : null,
    undated: articles.length - times.length,
  };
}
