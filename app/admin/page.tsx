// /admin — paste text, add URLs and feeds, see feed health and every run's per-item outcome.
import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ZRowId } from "@/lib/api/row-id";
import { isAdmin } from "@/lib/auth/require-admin";
import { WRITES_DISABLED_MESSAGE } from "@/lib/auth/admin-token";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { listFeedsWithHealth, listRecentRuns } from "@/lib/queries/feeds";
import { countArticlesFromOlderEngines, olderEngineNotice } from "@/lib/queries/engine-status";
import { addFeedAction, importOpmlAction, ingestPasteAction, ingestUrlAction, logIn, logOut, pollFeedAction, removeFeedAction } from "./actions";
import { FeedTable } from "@/components/admin/feed-table";
import { RunList } from "@/components/admin/run-list";
import { TextFileInput } from "@/components/admin/text-file-input";
import { MAX_UPLOAD_BYTES, PASTE_CHARS_LIMIT, formatMegabytes } from "@/lib/admin-upload-limits";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

const ZAdminParams = z.object({
  run: ZRowId.optional().catch(undefined),
  error: z.string().max(500).optional().catch(undefined),
  notice: z.string().max(500).optional().catch(undefined),
});

const field = "mt-1 block w-full rounded-md border border-zinc-400 bg-white px-3 py-2 text-zinc-900 dark:border-zinc-600 dark:bg-zinc-900 dark:text-zinc-100";
const button = "rounded-md bg-indigo-700 px-4 py-2 font-medium text-white hover:bg-indigo-800 focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-700";
const section = "rounded-lg border border-zinc-300 p-4 dark:border-zinc-700";

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = ZAdminParams.parse(await searchParams);
  const writesEnabled = Boolean(getEnv().ADMIN_TOKEN);
  const admin = writesEnabled && (await isAdmin());

  return (
    <div className="mx-auto max-w-5xl space-y-6 px-4 py-6">
      <h1 className="text-2xl font-bold">Admin</h1>
      {params.error && <p role="alert" className="rounded-md border border-red-700 bg-red-50 p-3 text-red-900 dark:bg-red-950 dark:text-red-100">{params.error}</p>}
      {params.notice && <p role="status" className="rounded-md border border-emerald-700 bg-emerald-50 p-3 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">{params.notice}</p>}
      {!writesEnabled && <p role="alert" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-100">{WRITES_DISABLED_MESSAGE}</p>}
      {writesEnabled && !admin && (
        <form action={logIn} className={`${section} max-w-md space-y-3`}>
          <h2 className="text-lg font-semibold">Sign in</h2>
          <label className="block">
            Admin token
            <input name="token" type="password" required autoComplete="current-password" className={field} />
          </label>
          <label className="block">
            Your name <span className="text-sm text-gray-600 dark:text-gray-400">(signs your corrections; optional)</span>
            <input name="name" type="text" maxLength={80} autoComplete="name" className={field} />
          </label>
          <button type="submit" className={button}>Sign in</button>
        </form>
      )}
      {admin && (
        <p>
          <Link href="/admin/corrections" className="underline underline-offset-2">Corrections log</Link>: every editorial correction, filterable and undoable.
        </p>
      )}
      {admin && <AdminTools highlightRun={params.run} />}
    </div>
  );
}

async function AdminTools({ highlightRun }: { highlightRun?: number }) {
  const db = getDb();
  const [feeds, runs, stale] = await Promise.all([listFeedsWithHealth(db), listRecentRuns(db), countArticlesFromOlderEngines(db)]);
  const staleNotice = olderEngineNotice(stale);
  return (
    <>
      <form action={logOut} className="text-right">
        <button type="submit" className="text-sm underline">Sign out</button>
      </form>
      {staleNotice && <p role="status" className="rounded-md border border-amber-700 bg-amber-50 p-3 text-amber-900 dark:bg-amber-950 dark:text-amber-100">{staleNotice}</p>}
      <div className="grid gap-6 md:grid-cols-2">
        <form action={ingestPasteAction} className={`${section} space-y-3`}>
          <h2 className="text-lg font-semibold">Paste text</h2>
          <p className="text-sm text-zinc-700 dark:text-zinc-300">A copy of a news page or a forum thread: each article and comment found becomes its own entry.</p>
          <label className="block">
            Text
            <textarea name="text" rows={8} maxLength={PASTE_CHARS_LIMIT} className={field} />
          </label>
          <label className="block">
            …or a .txt file, or a feed file (.xml, .json, also .gz), up to {formatMegabytes(MAX_UPLOAD_BYTES)}
            <TextFileInput maxBytes={MAX_UPLOAD_BYTES} className={field} />
          </label>
          <label className="block">
            Label (optional)
            <input name="label" maxLength={200} className={field} />
          </label>
          <button type="submit" className={button}>Ingest text</button>
        </form>
        <div className="space-y-6">
          <form action={ingestUrlAction} className={`${section} space-y-3`}>
            <h2 className="text-lg font-semibold">Add an article URL</h2>
            <label className="block">
              URL
              <input name="url" type="url" required placeholder="https://…" className={field} />
            </label>
            <input type="hidden" name="kind" value="url" />
            <button type="submit" className={button}>Fetch article</button>
          </form>
          <form action={addFeedAction} className={`${section} space-y-3`}>
            <h2 className="text-lg font-semibold">Subscribe to a feed</h2>
            <label className="block">
              RSS, Atom or JSON Feed URL
              <input name="url" type="url" required placeholder="https://…/feed.xml" className={field} />
            </label>
            <button type="submit" className={button}>Add feed</button>
          </form>
          <form action={importOpmlAction} className={`${section} space-y-3`}>
            <h2 className="text-lg font-semibold">Import OPML</h2>
            <input name="file" type="file" required accept=".opml,.xml,text/xml,text/x-opml" aria-label="OPML file" className={field} />
            <div className="flex items-center gap-4">
              <button type="submit" className={button}>Import</button>
              <Link href="/api/feeds/opml" className="underline">Export subscriptions (OPML)</Link>
            </div>
          </form>
        </div>
      </div>
      <section aria-labelledby="feeds-heading" className={section}>
        <h2 id="feeds-heading" className="mb-3 text-lg font-semibold">Feeds</h2>
        <FeedTable feeds={feeds} pollAction={pollFeedAction} removeAction={removeFeedAction} />
      </section>
      <section aria-labelledby="runs-heading" className={section}>
        <h2 id="runs-heading" className="mb-3 text-lg font-semibold">Recent ingest runs</h2>
        <RunList runs={runs} highlight={highlightRun} />
      </section>
    </>
  );
}
