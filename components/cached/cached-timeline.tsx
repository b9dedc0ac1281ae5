// The timeline's two expensive parts rendered once per filter combination (and cursor) and kept in
// the "use cache" store until the timeline tag expires (lib/cache): a repeated view costs no
// query and no server-component render. A view whose search or counts ran out of time says so and
// is kept only seconds: nothing may change to expire it, and it must not hide the stories for minutes.
import type { TCursor, TTimelineFilters } from "@/lib/filters";
import { TIMELINE_TAG, cacheContent } from "@/lib/cache/content-tags";
import { listFacets } from "@/lib/queries/facets";
import { listTimeline } from "@/lib/queries/timeline";
import { TimelineResults } from "@/components/timeline/timeline-results";
import { TimelineSidebar } from "@/components/timeline/timeline-sidebar";

export async function CachedTimelineResults({ filters, cursor }: { filters: TTimelineFilters; cursor?: TCursor }) {
  "use cache";
  const page = await listTimeline(filters, cursor);
  cacheContent([TIMELINE_TAG], { cutShort: page.timedOut === true });
  return <TimelineResults page={page} filters={filters} cursor={cursor} />;
}

export async function CachedTimelineSidebar({ filters }: { filters: TTimelineFilters }) {
  "use cache";
  const facets = await listFacets(filters);
  cacheContent([TIMELINE_TAG], { cutShort: !facets.complete });
  return <TimelineSidebar filters={filters} facets={facets} />;
}
