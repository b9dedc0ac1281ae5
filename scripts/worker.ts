// `npm run worker -- [--concurrency N] [--no-scheduler]`: an ingestion worker on the job queue.
// Run as many as you like against one database: each job goes to one of them. Every worker also
// runs the scheduler tick (queueing due feeds); singleton keys make the duplicates harmless.
import { createPrismaClient } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { parseEnv } from "@/lib/env";
import { describeError, markInterruptedRuns } from "@/lib/ingest/runs";
import { enqueueDueFeeds } from "@/lib/jobs/enqueue";
import { createBoss } from "@/lib/jobs/queues";
import { startWorker } from "@/lib/jobs/worker";
import { runScript } from "./run-script";

const SCHEDULER_TICK_MS = 30_000;

function readConcurrency(args: string[]): number {
  const at = args.indexOf("--concurrency");
  const raw = at !== -1 ? args[at + 1] : args.find((arg) => arg.startsWith("--concurrency="))?.split("=")[1];
  if (raw === undefined) return 2;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64) throw new Error(`--concurrency must be an integer from 1 to 64, got "${raw}"`);
  return value;
}

runScript(async () => {
  const args = process.argv.slice(2);
  const concurrency = readConcurrency(args);
  const env = parseEnv();
  // Long-lived like `npm start`: it waits for a one-off command that has the embedded database open rather than join it.
  const database = await prepareDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, role: "server" });
  const db = createPrismaClient(database.url, concurrency * 3 + 2);
  const interrupted = await markInterruptedRuns(db);
  if (interrupted > 0) console.log(`counterpoint worker: marked ${interrupted} ingest run(s) left running by a stopped process as interrupted`);
  const boss = createBoss(database.url, { maxConnections: concurrency * 3 + 2 });
  boss.on("error", (error) => console.error(`counterpoint worker: queue error: ${describeError(error)}`));
  await boss.start();
  const interval = env.POLL_INTERVAL_MINUTES * 60_000;
  const stopWorker = await startWorker(db, boss, {
    concurrency,
    ingest: { allowPrivateHosts: env.INGEST_ALLOW_PRIVATE_HOSTS, ...(interval > 0 ? { pollIntervalMs: interval } : {}) },
    onJobDone: ({ queue, summary }) => console.log(`counterpoint worker: ${queue} run ${summary.runId} ${summary.status} (${summary.items.length} items)`),
  });
  const schedule = !args.includes("--no-scheduler") && env.POLL_INTERVAL_MINUTES > 0;
  const tick = () =>
    enqueueDueFeeds(db, boss).catch((error: unknown) => console.error(`counterpoint worker: scheduling failed: ${describeError(error)}`));
  const timer = schedule ? setInterval(tick, SCHEDULER_TICK_MS) : null;
  if (schedule) await tick();
  console.log(`counterpoint worker: ${concurrency} job(s) at a time per queue${schedule ? ", scheduling due feeds" : ""}; Ctrl-C to stop`);

  await new Promise<void>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  if (timer) clearInterval(timer);
  await stopWorker();
  await boss.stop({ graceful: true, wait: true, timeout: 30_000 });
  await db.$disconnect();
  await database.embedded?.stop();
});
