// `npm run ingest -- <feed-url|article-url|file|->` and `npm run ingest:poll`: the command-line
// door to the ingestion pipeline. Prints one line per item; exits 0 only when every item was stored
// or deliberately skipped (duplicate, unchanged), otherwise non-zero with each failure's reason on stderr.
import { readFile } from "node:fs/promises";
import { parseEnv } from "@/lib/env";
import { openDatabaseForScript } from "@/lib/db/prepare-database";
import { createPrismaClient } from "@/lib/db/client";
import { ingestFile } from "@/lib/ingest/ingest-file";
import { ingestUrl, type TIngestOptions } from "@/lib/ingest/pipeline";
import { pollDueFeeds } from "@/lib/ingest/poll-feed";
import { markInterruptedRuns, type TRunSummary } from "@/lib/ingest/runs";
import { runScript } from "./run-script";

const USAGE = "usage: npm run ingest -- <feed-url|article-url|file|->... | npm run ingest:poll [-- --all]";
const OPTIONS = new Set(["--poll", "--all"]);

async function readInput(target: string): Promise<Uint8Array> {
  return target === "-" ? readStdin() : readFile(target).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${target}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Shutdown grace: the runs in flight get this long to be recorded as failed before the process exits anyway. */
const INTERRUPT_GRACE_MS = 10_000;

/**
 * SIGINT/SIGTERM abort the fetches in flight, so the runs end as failed ("interrupted by …") and
 * the command exits; a second signal, or the grace period running out, exits at once.
 */
function interruptOnSignals(): AbortSignal {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    console.error(`${name}: stopping; the runs in flight are recorded as interrupted`);
    controller.abort(new Error(`${name} received`));
    setTimeout(() => process.exit(130), INTERRUPT_GRACE_MS).unref();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return controller.signal;
}

function report(summary: TRunSummary): void {
  for (const item of summary.items) {
    const what = item.title ?? item.url ?? "(untitled)";
    console.log(`${item.outcome.padEnd(9)} ${what}${item.reason ? ` — ${item.reason}` : ""}`);
  }
  const counts = summary.items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [item.outcome]: (acc[item.outcome] ?? 0) + 1 }), {});
  const tally = Object.entries(counts).map(([outcome, count]) => `${count} ${outcome}`).join(", ") || "no items";
  console.log(`run #${summary.runId} ${summary.status}: ${tally}${summary.error ? ` — ${summary.error}` : ""}`);
}

/** One stderr line per failed item (and per run that failed as a whole); returns how many there were. */
function reportFailures(summaries: TRunSummary[]): number {
  let failures = 0;
  for (const summary of summaries) {
    const failed = summary.items.filter((entry) => entry.outcome === "failed");
    // A URL that cannot be fetched fails its one item and its run with the same reason: one line.
    if (summary.error && !failed.some((item) => item.reason === summary.error)) {
      failures += 1;
      console.error(`failed: run #${summary.runId}: ${summary.error}`);
    }
    for (const item of failed) {
      failures += 1;
      console.error(`failed: ${item.title ?? item.url ?? `item ${item.position + 1}`} — ${item.reason ?? "no reason recorded"}`);
    }
  }
  return failures;
}

runScript(async () => {
  const args = process.argv.slice(2);
  const poll = args.includes("--poll");
  // Every target is ingested in turn: a second URL or file must never be dropped without a word.
  const targets = args.filter((arg) => !arg.startsWith("--"));
  const unknown = args.filter((arg) => arg.startsWith("--") && !OPTIONS.has(arg));
  if (unknown.length > 0) throw new Error(`unknown option ${unknown.join(", ")}; ${USAGE}`);
  if (poll === (targets.length > 0)) throw new Error(USAGE);
  if (targets.filter((target) => target === "-").length > 1) throw new Error(`standard input ("-") can be read once; ${USAGE}`);
  const signal = interruptOnSignals();
  const env = parseEnv();
  const database = await openDatabaseForScript({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  const db = createPrismaClient(database.url, 4);
  await markInterruptedRuns(db);
  const options: TIngestOptions = { allowPrivateHosts: env.INGEST_ALLOW_PRIVATE_HOSTS, pollIntervalMs: (env.POLL_INTERVAL_MINUTES || 15) * 60_000, fetch: { signal } };
  let failures = 0;
  try {
    const summaries: TRunSummary[] = [];
    if (poll) {
      summaries.push(...(await pollDueFeeds(db, options, args.includes("--all"))));
      if (summaries.length === 0) console.log("no feeds are due (use --all to poll every feed now)");
      summaries.forEach(report);
    }
    let refused = 0;
    for (const target of targets) {
      if (signal.aborted) break;
      try {
        const summary = /^https?:\/\//i.test(target)
          ? await ingestUrl(db, target, options)
          : await ingestFile(db, await readInput(target), target === "-" ? "standard input" : target, options);
        report(summary);
        summaries.push(summary);
      } catch (error) {
        // A file refused before any run (not a feed, not an article, unreadable) must not cost the others.
        if (targets.length === 1) throw error;
        refused += 1;
        const message = error instanceof Error ? error.message : String(error);
        console.error(`failed: ${message.includes(target) ? message : `${target} — ${message}`}`);
      }
    }
    failures = refused + reportFailures(summaries);
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
  if (failures > 0) throw new Error(`${failures} item(s) could not be ingested (see above)`);
});
