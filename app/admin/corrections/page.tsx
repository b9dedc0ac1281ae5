// /admin/corrections — the audit log: every correction (who, when, what, before → after, status),
// filterable in the URL, each undoable; an undo is listed as a correction of its own.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { isAdmin } from "@/lib/auth/require-admin";
import { getDb } from "@/lib/db";
import { CORRECTION_LABELS } from "@/lib/review/correction-types";
import { ZCorrectionFilters, listCorrections } from "@/lib/review/list-corrections";
import { UndoButton } from "@/components/review/review-panel";
import { Time } from "@/components/ui/format-time";

export const metadata: Metadata = { title: "Corrections", robots: { index: false } };

const field = "mt-1 block w-full rounded-md border border-zinc-400 bg-white px-2 py-1 text-sm text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
const ZMessages = z.object({ error: z.string().max(500).optional().catch(undefined), notice: z.string().max(500).optional().catch(undefined) });
const blankless = (params: Record<string, string | string[] | undefined>) =>
  Object.fromEntries(Object.entries(params).flatMap(([key, value]) => (typeof value === "string" && value.trim() !== "" ? [[key, value]] : [])));

export default async function CorrectionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = blankless(await searchParams);
  if (!(await isAdmin())) {
    return (
      <div className="space-y-3">
        <h1 className="text-2xl font-bold">Corrections</h1>
        <p>The corrections log is for editors. <Link href="/admin" className="underline underline-offset-2">Sign in</Link> first.</p>
      </div>
    );
  }
  const messages = ZMessages.parse(raw);
  const parsed = ZCorrectionFilters.safeParse(raw);
  const filters = parsed.success ? parsed.data : {};
  const { corrections, nextBefore } = await listCorrections(getDb(), filters);
  const keep = new URLSearchParams(Object.entries(filters).flatMap(([key, value]) => (value === undefined || key === "before" ? [] : [[key, String(value)]])));
  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-bold">Corrections</h1>
      {messages.notice ? <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{messages.notice}</p> : null}
      {messages.error ? <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">{messages.error}</p> : null}
      {!parsed.success ? <p role="alert">Some filters were not understood and are ignored: {parsed.error.issues.map((issue) => issue.path.join(".")).join(", ")}.</p> : null}
      <form method="get" className="grid gap-3 sm:grid-cols-5" aria-label="Filter corrections">
        <label className="text-sm font-medium">Kind
          <select name="kind" defaultValue={filters.kind ?? ""} className={field}>
            <option value="">Any</option>
            {Object.entries(CORRECTION_LABELS).map(([kind, label]) => <option key={kind} value={kind}>{label}</option>)}
          </select>
        </label>
        <label className="text-sm font-medium">Status
          <select name="status" defaultValue={filters.status ?? ""} className={field}>
            <option value="">Any</option>
            <option value="applied">applied</option>
            <option value="orphaned">orphaned (words gone)</option>
            <option value="undone">undone</option>
          </select>
        </label>
        <label className="text-sm font-medium">Author<input name="author" defaultValue={filters.author ?? ""} className={field} /></label>
        <label className="text-sm font-medium">Article id<input name="article" inputMode="numeric" defaultValue={filters.article ?? ""} className={field} /></label>
        <div className="flex items-end"><button type="submit" className="rounded-md bg-sky-800 px-3 py-1.5 text-sm font-semibold text-white">Filter</button></div>
      </form>
      {corrections.length === 0 ? <p>No corrections match.</p> : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Corrections, newest first</caption>
          <thead>
            <tr><th scope="col">#</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Status</th><th scope="col"><span className="sr-only">Undo</span></th></tr>
          </thead>
          <tbody>
            {corrections.map((row) => (
              <tr key={row.id} className="border-t border-zinc-300 align-top dark:border-zinc-700" data-testid="correction-row">
                <td className="py-2 pr-2">{row.id}</td>
                <td className="py-2 pr-2"><Time date={row.createdAt} /></td>
                <td className="py-2 pr-2">{row.author}</td>
                <td className="py-2 pr-2">
                  <p className="font-medium">{row.label}</p>
                  <p>{row.summary}</p>
                  {row.article ? <Link href={`/articles/${row.article.slug}`} className="underline underline-offset-2">{row.article.title}</Link> : null}
                </td>
                <td className="py-2 pr-2">{row.status}{row.statusNote ? `: ${row.statusNote}` : ""}{row.undoneAt ? <> (<Time date={row.undoneAt} />)</> : null}</td>
                <td className="py-2">{row.status !== "undone" && row.kind !== "undo" && row.kind !== "speaker_merge" && row.kind !== "speaker_split" ? <UndoButton correctionId={row.id} /> : null}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextBefore ? <Link href={`/admin/corrections?${keep.toString()}${keep.size ? "&" : ""}before=${nextBefore}`} className="underline underline-offset-2">Older corrections</Link> : null}
    </div>
  );
}
