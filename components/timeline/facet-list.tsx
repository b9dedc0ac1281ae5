import Link from "next/link";
import { filtersToParams, toQueryString, type TTimelineFilters } from "@/lib/filters";
import type { TFacet } from "@/lib/queries/facets";

/** Counts per value under the current filters; each value is a link that applies it. */
export function FacetList({
  title,
  param,
  facets,
  filters,
}: {
  title: string;
  param: "country" | "speaker" | "outlet";
  facets: TFacet[];
  filters: TTimelineFilters;
}) {
  if (facets.length === 0) return null;
  const base = filtersToParams(filters);
  const headingId = `facet-${param}`;
  return (
    <nav aria-labelledby={headingId}>
      <h2 id={headingId} className="text-sm font-semibold text-zinc-800 dark:text-zinc-200">
        {title}
      </h2>
      <ul className="mt-2 flex flex-wrap gap-1.5">
        {facets.map((facet) => {
          const active = base[param] === facet.value;
          return (
            <li key={facet.value}>
              <Link
                href={`/${toQueryString({ ...base, [param]: facet.value })}`}
                aria-current={active ? "true" : undefined}
                className="facet"
              >
                {facet.label}
                <span className="text-xs tabular-nums opacity-90">
                  <span className="sr-only">, </span>
                  {facet.count}
                  <span className="sr-only"> articles</span>
                </span>
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
