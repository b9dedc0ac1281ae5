import { formatShortDay } from "@/lib/article-dates";

// Dates shown in UTC so server-rendered text is the same for every reader and every render.
const dateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "UTC",
});
const dayOnly = new Intl.DateTimeFormat("en-GB", {
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function formatDateTime(date: Date): string {
  return `${dateTime.format(date)} UTC`;
}

export function formatDay(date: Date): string {
  return dayOnly.format(date);
}

export function Time({ date, withTime = true }: { date: Date; withTime?: boolean }) {
  return <time dateTime={date.toISOString()}>{withTime ? formatDateTime(date) : formatDay(date)}</time>;
}

/** The article's publication time, or "date unknown · added 1 Dec 2026" when the source stated none. */
export function ArticleDate({ publishedAt, ingestedAt }: { publishedAt: Date | null; ingestedAt: Date }) {
  if (publishedAt) return <Time date={publishedAt} />;
  return (
    <span data-testid="date-unknown">
      date unknown · added <time dateTime={ingestedAt.toISOString()}>{formatShortDay(ingestedAt)}</time>
    </span>
  );
}
