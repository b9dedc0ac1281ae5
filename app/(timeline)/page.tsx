// The timeline: stories newest first, filtered by the URL's query string.
import type { Metadata } from "next";
import { Suspense } from "react";
import { filtersToParams, parseTimelineFilters, toQueryString } from "@/lib/filters";
import { describeCountry } from "@/lib/countries-display";
import { getFilterLabels } from "@/lib/queries/facets";
import { CopyLinkButton } from "@/components/ui/copy-link-button";
import { CollapsibleOnSmallScreens } from "@/components/ui/collapsible-on-small-screens";
import { FilterChips } from "@/components/timeline/filter-chips";
import { FilterProblems } from "@/components/timeline/filter-problems";
import { CachedTimelineResults, CachedTimelineSidebar } from "@/components/cached/cached-timeline";
import { TimelineSkeleton } from "@/components/timeline/timeline-skeleton";
import { Skeleton } from "@/components/ui/skeleton";

type TSearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ searchParams }: { searchParams: TSearchParams }): Promise<Metadata> {
  const { filters } = parseTimelineFilters(await searchParams);
  const query = toQueryString(filtersToParams(filters));
  return {
    title: "Timeline",
    alternates: {
      canonical: `/${query}`,
      types: {
        "application/rss+xml": `/feed.xml${query}`,
        "application/atom+xml": `/feed.atom${query}`,
        "application/feed+json": `/feed.json${query}`,
      },
    },
  };
}

export default async function TimelinePage({ searchParams }: { searchParams: TSearchParams }) {
  const { filters, problems } = parseTimelineFilters(await searchParams);
  const { cursor, ...base } = filters;
  const labels = await getFilterLabels(base);
  const query = toQueryString(filtersToParams(filters));
  const activeFilters = Object.values(base).filter((value) => value !== undefined).length;
  return (
    <div className="grid gap-8 lg:grid-cols-[17rem_minmax(0,1fr)]">
      <aside aria-label="Filters" className="lg:sticky lg:top-4 lg:self-start">
        <CollapsibleOnSmallScreens key={query} id="timeline-filters" label={activeFilters > 0 ? `Filters (${activeFilters} active)` : "Filters and facets"}>
          <Suspense key={`side${query}`} fallback={<Skeleton className="h-96 w-full" />}>
            <CachedTimelineSidebar filters={base} />
          </Suspense>
        </CollapsibleOnSmallScreens>
      </aside>
      <div className="min-w-0 space-y-5">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <h1 className="text-2xl font-bold tracking-tight">Claims and responses</h1>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <CopyLinkButton label="Copy link to this view" />
            <a href={`/feed.xml${query}`} className="underline underline-offset-2">RSS</a>
            <a href={`/feed.atom${query}`} className="underline underline-offset-2">Atom</a>
            <a href={`/feed.json${query}`} className="underline underline-offset-2">JSON Feed</a>
          </div>
        </div>
        <FilterProblems problems={problems} filters={filters} />
        <FilterChips
          filters={base}
          labels={{
            country: base.country ? describeCountry(base.country).name : undefined,
            speaker: labels.speaker,
            outlet: labels.outlet,
          }}
        />
        <Suspense key={`${query}|${cursor?.id ?? ""}`} fallback={<TimelineSkeleton />}>
          <CachedTimelineResults filters={base} cursor={cursor} />
        </Suspense>
      </div>
    </div>
  );
}
