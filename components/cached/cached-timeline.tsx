// The timeline's two expensive parts rendered once per filter combination (and cursor) and kept in
// the "use cache" store until the timeline tag expires (lib/cache): a repeated view costs no
// query and no server-component render.
import type { TCursor, TTimelineFilters } from "@/lib/filters";
import { TIMELINE_TAG, cacheContent } from "@/lib/cache/content-tags";
import { TimelineResults } from "@/components/timeline/timeline-results";
import { TimelineSidebar } from "@/components/timeline/timeline-sidebar";

export async function CachedTimelineResults({ filters, cursor }: { filters: TTimelineFilters; cursor?: TCursor }) {
  "use cache";
  cacheContent([TIMELINE_TAG]);
  return <TimelineResults filters={filters} cursor={cursor} />;
}

export async function CachedTimelineSidebar({ filters }: { filters: TTimelineFilters }) {
  "use cache";
  cacheContent([TIMELINE_TAG]);
  return <TimelineSidebar filters={filters} />;
}
