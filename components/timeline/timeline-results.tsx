import Link from "next/link";
import { filtersToParams, toQueryString, type TCursor, type TTimelineFilters } from "@/lib/filters";
import type { TTimelinePage, TTimelineStory } from "@/lib/queries/timeline";
import { formatDay } from "@/components/ui/format-time";
import { StorySection } from "@/components/timeline/story-section";

type TDayGroup = { key: string; day: string; label: string; undated: boolean; stories: TTimelineStory[] };

/**
 * Stories under a heading per day. A story placed by an undated article (its newest shown card has
 * no publication date, so it sorts by when it was added) goes under "Date unknown · added <day>",
 * never under that day as if published then.
 */
export function groupByDay(stories: TTimelineStory[]): TDayGroup[] {
  const groups: TDayGroup[] = [];
  for (const story of stories) {
    const day = story.latestAt.toISOString().slice(0, 10);
    const undated = story.articles[0] !== undefined && story.articles[0].publishedAt === null;
    const key = undated ? `undated-${day}` : day;
    const last = groups.at(-1);
    if (last?.key === key) last.stories.push(story);
    else groups.push({ key, day, label: formatDay(story.latestAt), undated, stories: [story] });
  }
  return groups;
}

export function TimelineResults({ page, filters, cursor }: { page: TTimelinePage; filters: TTimelineFilters; cursor?: TCursor }) {
  const params = filtersToParams(filters);
  if (page.timedOut) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-400 p-6 text-center dark:border-zinc-600" data-testid="timeline-timed-out">
        <h2 className="font-semibold">This view took too long to search</h2>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          Few or no articles match all these filters. Try a date range, or remove a filter.
        </p>
      </div>
    );
  }
  if (page.stories.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-zinc-400 p-6 text-center dark:border-zinc-600" data-testid="timeline-empty">
        <h2 className="font-semibold">{cursor ? "No older stories" : "Nothing matches these filters"}</h2>
        <p className="mt-1 text-sm text-zinc-700 dark:text-zinc-300">
          {Object.keys(params).length ? "Try removing a filter." : "Articles appear here once they are ingested."}
        </p>
        {cursor || Object.keys(params).length ? (
          <p className="mt-3 text-sm">
            <Link href={cursor ? `/${toQueryString(params)}` : "/"} className="underline underline-offset-2">
              {cursor ? "Back to the latest" : "Show everything"}
            </Link>
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <div className="space-y-8">
      {groupByDay(page.stories).map((group) => (
        <section key={group.key} aria-labelledby={`day-${group.key}`} className="space-y-4">
          <h2 id={`day-${group.key}`} className="sticky top-0 z-10 -mx-1 bg-zinc-50/95 px-1 py-1 text-sm font-bold uppercase tracking-wide text-zinc-700 backdrop-blur dark:bg-zinc-950/95 dark:text-zinc-300">
            {group.undated ? "Date unknown · added " : null}
            <time dateTime={group.day}>{group.label}</time>
          </h2>
          {group.stories.map((story) => (
            <StorySection key={story.id} story={story} />
          ))}
        </section>
      ))}
      <nav aria-label="Pages" className="flex flex-wrap justify-between gap-3 text-sm">
        {cursor ? (
          <Link href={`/${toQueryString(params)}`} className="underline underline-offset-2">
            ← Back to the latest
          </Link>
        ) : (
          <span />
        )}
        {page.nextCursor ? (
          <Link href={`/${toQueryString({ ...params, cursor: page.nextCursor })}`} rel="next" className="font-medium underline underline-offset-2">
            Older stories →
          </Link>
        ) : null}
      </nav>
    </div>
  );
}
