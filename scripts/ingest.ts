// `npm run ingest -- <feed-url|article-url|file|->` and `npm run ingest:poll`: the command-line
// door to the ingestion pipeline. Prints one line per item and exits non-zero if the run failed.
import { readFile } from "node:fs/promises";
import { parseEnv } from "@/lib/env";
import { openDatabaseForScript } from "@/lib/db/prepare-database";
import { createPrismaClient } from "@/lib/db/client";
import { ingestBody } from "@/lib/ingest/ingest-body";
import { ingestUrl, type TIngestOptions } from "@/lib/ingest/pipeline";
import { pollDueFeeds } from "@/lib/ingest/poll-feed";
import { markInterruptedRuns, type TRunSummary } from "@/lib/ingest/runs";
import { runScript } from "./run-script";

const USAGE = "usage: npm run ingest -- <feed-url|article-url|file|-> | npm run ingest:poll [-- --all]";

async function readInput(target: string): Promise<string> {
  const bytes = target === "-" ? await readStdin() : await readFile(target).catch((error: NodeJS.ErrnoException) => {
    throw new Error(`cannot read ${target}: ${error.code === "ENOENT" ? "no such file" : error.message}`);
  });
  return new TextDecoder("utf-8").decode(bytes);
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

runScript(async () => {
  const args = process.argv.slice(2);
  const poll = args.includes("--poll");
  const target = args.find((arg) => !arg.startsWith("--"));
  if (!poll && !target) throw new Error(USAGE);
  const signal = interruptOnSignals();
  const env = parseEnv();
  const database = await openDatabaseForScript({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  const db = createPrismaClient(database.url, 4);
  await markInterruptedRuns(db);
  const options: TIngestOptions = { allowPrivateHosts: env.INGEST_ALLOW_PRIVATE_HOSTS, pollIntervalMs: (env.POLL_INTERVAL_MINUTES || 15) * 60_000, fetch: { signal } };
  let failed = false;
  try {
    const summaries: TRunSummary[] = [];
    if (poll) {
      summaries.push(...(await pollDueFeeds(db, options, args.includes("--all"))));
      if (summaries.length === 0) console.log("no feeds are due (use --all to poll every feed now)");
    } else if (/^https?:\/\//i.test(target!)) {
      summaries.push(await ingestUrl(db, target!, options));
    } else {
      const text = await readInput(target!);
      const label = target === "-" ? "standard input" : target!;
      summaries.push(await ingestBody(db, { text, label }, options));
    }
    summaries.forEach(report);
    failed = summaries.some((summary) => summary.status === "failed");
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
  if (failed) throw new Error("the ingest run failed (see above)");
});
