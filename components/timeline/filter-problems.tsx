import Link from "next/link";
import { filtersToParams, labelOf, toQueryString, type TFilterProblem, type TTimelineFilters } from "@/lib/filters";

/** Explains each filter value that could not be used; the page still shows results without it. */
export function FilterProblems({ problems, filters }: { problems: TFilterProblem[]; filters: TTimelineFilters }) {
  if (problems.length === 0) return null;
  return (
    <div role="alert" className="rounded-lg border-2 border-amber-700 bg-amber-50 p-4 text-amber-950 dark:border-amber-400 dark:bg-amber-950 dark:text-amber-50" data-testid="filter-problems">
      <h2 className="font-semibold">Some filters could not be used</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
        {problems.map((problem) => (
          <li key={problem.key}>
            {labelOf(problem.key)} “{problem.value.slice(0, 80)}” {problem.message}.
          </li>
        ))}
      </ul>
      <p className="mt-2 text-sm">
        Showing results without {problems.length === 1 ? "it" : "them"}.{" "}
        <Link href={`/${toQueryString(filtersToParams(filters))}`} className="font-medium underline underline-offset-2">
          Fix the link
        </Link>
      </p>
    </div>
  );
}
