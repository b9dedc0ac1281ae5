// Recent ingest runs, each with its items' outcomes (new, duplicate, updated, failed + reason; a stored
// item may carry a note, e.g. the date dropped from it).
import Link from "next/link";
import type { listRecentRuns } from "@/lib/queries/feeds";

type TRun = Awaited<ReturnType<typeof listRecentRuns>>[number];

const STATUS_STYLE: Record<TRun["status"], string> = {
  running: "text-zinc-800 dark:text-zinc-200",
  succeeded: "text-emerald-800 dark:text-emerald-300",
  partial: "text-amber-800 dark:text-amber-300",
  failed: "text-red-800 dark:text-red-300",
  interrupted: "text-amber-800 dark:text-amber-300",
};

export function RunList({ runs, highlight }: { runs: TRun[]; highlight?: number }) {
  if (runs.length === 0) return <p>Nothing ingested yet.</p>;
  return (
    <ol className="space-y-3">
      {runs.map((run) => (
        <li
          key={run.id}
          id={`run-${run.id}`}
          data-testid="ingest-run"
          className={`rounded-md border p-3 ${run.id === highlight ? "border-indigo-700 ring-2 ring-indigo-700" : "border-zinc-200 dark:border-zinc-800"}`}
        >
          <div className="flex flex-wrap items-baseline gap-x-3">
            <span className="font-semibold">Run #{run.id}</span>
            <span className={`font-medium ${STATUS_STYLE[run.status]}`}>{run.status}</span>
            <span className="text-sm">{run.source}: <span className="break-all">{run.input}</span></span>
            <span className="text-sm text-zinc-700 dark:text-zinc-300">{run.startedAt.toISOString().replace("T", " ").slice(0, 19)} UTC</span>
          </div>
          {run.error && <p className="text-sm text-red-800 dark:text-red-300">{run.error}</p>}
          {run.items.length > 0 && (
            <ul className="mt-2 space-y-1 text-sm">
              {run.items.map((item) => (
                <li key={item.id}>
                  <span className="inline-block w-20 font-mono">{item.outcome}</span>{" "}
                  {item.article ? <Link href={`/articles/${item.article.slug}`} className="underline">{item.title ?? item.url}</Link> : <span>{item.title ?? item.url ?? "(untitled)"}</span>}
                  {/* A stored item's reason is a note (a dropped date), not a failure. */}
                  {item.reason && (
                    <span className={item.outcome === "failed" ? "text-red-800 dark:text-red-300" : "text-zinc-700 dark:text-zinc-300"}> — {item.reason}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
