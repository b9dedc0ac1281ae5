import type { TTimelineFilters } from "@/lib/filters";
import { describeCountry } from "@/lib/countries-display";
import type { TFacet, TFacets } from "@/lib/queries/facets";
import { FilterBar } from "@/components/timeline/filter-bar";
import { FacetList } from "@/components/timeline/facet-list";

/** The filter form plus facet counts, both computed under the current filters. */
export function TimelineSidebar({ filters, facets }: { filters: TTimelineFilters; facets: TFacets }) {
  const countries = facets.countries.map((facet) => {
    const country = describeCountry(facet.value);
    return { ...facet, label: `${country.name} (${country.code})` };
  });
  const withCount = (facet: TFacet) => ({ value: facet.value, label: `${facet.label} (${facet.count})` });
  const { country, speaker, outlet, relation, from, to, q, review } = filters;
  return (
    <div className="space-y-6">
      <FilterBar
        values={{ country, speaker, outlet, relation, from, to, q, review }}
        countries={countries.map(withCount)}
        speakers={facets.speakers.map(withCount)}
        outlets={facets.outlets.map(withCount)}
      />
      {facets.countedArticles === null ? null : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="facet-counts-recent">
          Counts cover the latest {facets.countedArticles.toLocaleString("en")} matching articles.
        </p>
      )}
      {facets.complete ? null : (
        <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="facet-counts-unavailable">
          Some counts took too long and are left out; the filters above still work.
        </p>
      )}
      <FacetList title="Countries" param="country" facets={countries.map((f) => ({ ...f, label: f.value }))} filters={filters} />
      <FacetList title="Speakers" param="speaker" facets={facets.speakers} filters={filters} />
    </div>
  );
}
