import Link from "next/link";
import { filtersToParams, labelOf, toQueryString, type TFilterKey, type TTimelineFilters } from "@/lib/filters";

type TChipKey = Exclude<TFilterKey, "cursor">;

/** One removable chip per active filter; removing one keeps the others and returns to the latest page. */
export function FilterChips({ filters, labels }: { filters: TTimelineFilters; labels: Partial<Record<TChipKey, string>> }) {
  const params = filtersToParams(filters);
  const keys = Object.keys(params) as TChipKey[];
  if (keys.length === 0) return null;
  return (
    <div className="flex flex-wrap items-center gap-2" aria-label="Active filters" role="group">
      {keys.map((key) => {
        const rest = Object.fromEntries(Object.entries(params).filter(([other]) => other !== key));
        const shown = labels[key] ?? params[key];
        return (
          <Link
            key={key}
            href={`/${toQueryString(rest)}`}
            aria-label={`Remove filter ${labelOf(key)}: ${shown}`}
            className="inline-flex items-center gap-1 rounded-full border border-zinc-400 bg-white px-3 py-1 text-sm text-zinc-800 hover:bg-zinc-100 dark:border-zinc-500 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800"
            data-testid={`chip-${key}`}
          >
            <span className="font-medium">{labelOf(key)}:</span> {shown}
            <span aria-hidden="true" className="ml-1">✕</span>
          </Link>
        );
      })}
      {keys.length > 1 ? (
        <Link href="/" className="text-sm underline underline-offset-2">
          Clear all
        </Link>
      ) : null}
    </div>
  );
}
