// `npm run bench:corpus -- --articles N [--database-url U] [--via pipeline|bulk] [--batch N] [--warm-up]`: writes
// the benchmark corpus (bench/corpus-articles.ts). Small corpora go through the real ingestion path
// (storeArticleTexts, --batch articles per transaction); large ones are bulk-loaded with the same
// extraction output. Without --database-url it uses DATABASE_URL, else the embedded database.
// --warm-up (the bench's workers): warm up first, print "ready", and start on a line from stdin.
import { readFileSync } from "node:fs";
import { createPrismaClient } from "@/lib/db/client";
import { openDatabaseForScript } from "@/lib/db/prepare-database";
import { parseEnv } from "@/lib/env";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { warmUpHeavyWork } from "@/lib/ingest/heavy-work";
import { extractArticles, storeExtractedArticles, type TArticleText } from "@/lib/ingest/pipeline";
import { runScript } from "@/scripts/run-script";
import { corpusArticle } from "./corpus-articles";
import { bulkLoadCorpus } from "./corpus-bulk";

/** At or below this many articles the corpus goes through the real ingestion path. */
export const PIPELINE_MAX_ARTICLES = 2000;

export type TIngestTally = { new: number; duplicate: number; updated: number; failed: number; elapsedMs: number; msPerArticle: number[]; cpuMs: number };

/** Articles per transaction when ingesting through the pipeline (1: one transaction per article, the old path). */
export const DEFAULT_BATCH = 25;

/** Warm-up articles come from far above any measured range, so they never meet a measured one. */
const WARM_UP_FROM = 10_000_000;

/**
 * What a long-running worker pays once, before its first job: the heavy-work threads started and
 * one batch written (the query plans, the JIT, PostgreSQL's caches). Not counted in the figures.
 */
export async function warmUpIngestion(db: PrismaClient, slot: number, batch: number): Promise<number> {
  const started = performance.now();
  await warmUpHeavyWork();
  if (batch > 0) await ingestCorpus(db, { from: WARM_UP_FROM + slot * batch, count: batch, batch });
  return performance.now() - started;
}

function articleTexts(indexes: number[]): TArticleText[] {
  return indexes.map((index) => {
    const article = corpusArticle(index);
    return { text: article.text, meta: { url: article.url, title: article.title, outlet: article.outlet, publishedAt: article.publishedAt } };
  });
}

/**
 * Ingests corpus articles from, from + step, … below from + count through the pipeline, `batch`
 * articles per transaction; the next batch is extracted (on the heavy-work threads) while this one
 * is written. `msPerArticle` is each batch's wall time shared among its articles; `cpuMs` is this
 * process's CPU time, all threads included.
 */
export async function ingestCorpus(db: PrismaClient, range: { from: number; count: number; step?: number; offset?: number; batch?: number }): Promise<TIngestTally> {
  const tally: TIngestTally = { new: 0, duplicate: 0, updated: 0, failed: 0, elapsedMs: 0, msPerArticle: [], cpuMs: 0 };
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const step = range.step ?? 1;
  const size = Math.max(1, range.batch ?? DEFAULT_BATCH);
  const indexes: number[] = [];
  for (let index = range.from + (range.offset ?? 0); index < range.from + range.count; index += step) indexes.push(index);
  const batches = Array.from({ length: Math.ceil(indexes.length / size) }, (_unused, k) => indexes.slice(k * size, (k + 1) * size));
  let extracting = batches.length ? extractArticles(articleTexts(batches[0]!)) : null;
  for (let k = 0; k < batches.length && extracting; k += 1) {
    const t0 = performance.now();
    const extracted = await extracting;
    extracting = k + 1 < batches.length ? extractArticles(articleTexts(batches[k + 1]!)) : null;
    const outcomes = await storeExtractedArticles(db, extracted);
    for (const outcome of outcomes) tally[outcome.ok ? outcome.stored.outcome : "failed"] += 1;
    const share = (performance.now() - t0) / outcomes.length;
    tally.msPerArticle.push(...outcomes.map(() => share));
  }
  tally.elapsedMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  tally.cpuMs = (cpu.user + cpu.system) / 1000;
  return tally;
}

/** Linux's clock ticks per second for /proc/<pid>/stat CPU times (USER_HZ, 100 on every mainstream build). */
const CLOCK_TICKS_PER_S = 100;

/**
 * CPU time (ms) of this client's PostgreSQL backends, by pid, read from /proc: the database's share
 * of ingesting. Null when the server is not on this machine (its processes cannot be read).
 */
async function backendCpuMs(db: PrismaClient, applicationName: string): Promise<Map<number, number> | null> {
  const rows = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE application_name = ${applicationName}`;
  const times = new Map<number, number>();
  try {
    for (const { pid } of rows) {
      // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      times.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S);
    }
  } catch {
    return null;
  }
  return times.size ? times : null;
}

function cpuSpent(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let spent = 0;
  for (const [pid, ms] of after) spent += ms - (before.get(pid) ?? 0);
  return spent;
}

function waitForLine(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once("data", () => resolve());
    process.stdin.once("end", () => resolve());
  });
}

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  if (at !== -1) return args[at + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

function integerOption(args: string[], name: string, fallback: number): number {
  const raw = option(args, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a non-negative integer, got "${raw}"`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const count = integerOption(args, "articles", 1000);
  const from = integerOption(args, "from", 0);
  const step = Math.max(1, integerOption(args, "step", 1));
  const offset = integerOption(args, "offset", 0);
  const via = option(args, "via") ?? (count <= PIPELINE_MAX_ARTICLES ? "pipeline" : "bulk");
  if (via !== "pipeline" && via !== "bulk") throw new Error(`--via must be pipeline or bulk, got "${via}"`);
  const asJson = args.includes("--json");
  const env = parseEnv();
  const database = await openDatabaseForScript({ url: option(args, "database-url") ?? env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  try {
    if (via === "bulk") {
      const result = await bulkLoadCorpus(database.url, {
        from,
        count,
        workers: integerOption(args, "workers", 2),
        onProgress: asJson
          ? undefined
          : ({ loaded, total, elapsedMs }) => {
              if (loaded % 5000 < 250 || loaded === total) console.log(`  ${loaded}/${total} articles, ${Math.round(loaded / (elapsedMs / 1000))}/s`);
            },
      });
      const summary = { via, articles: result.articles, statements: result.statements, seconds: Number((result.elapsedMs / 1000).toFixed(1)) };
      console.log(asJson ? JSON.stringify(summary) : `bulk-loaded ${summary.articles} articles (${summary.statements} statements) in ${summary.seconds} s`);
      return;
    }
    // Named, so the PostgreSQL backends this process uses can be found (and their CPU time read).
    const applicationName = `counterpoint-bench-${process.pid}`;
    const url = new URL(database.url);
    url.searchParams.set("application_name", applicationName);
    const db = createPrismaClient(url.toString(), 2);
    try {
      const batch = integerOption(args, "batch", DEFAULT_BATCH);
      let warmUpMs = 0;
      if (args.includes("--warm-up")) {
        warmUpMs = await warmUpIngestion(db, offset, batch);
        // The bench starts its workers' clocks together: "ready", then wait for its line on stdin.
        console.log("ready");
        await waitForLine();
      }
      const dbCpuBefore = await backendCpuMs(db, applicationName);
      const tally = await ingestCorpus(db, { from, count, step, offset, batch });
      // Backends that closed during the run are missed: a lower bound (the pool keeps its 2 busy).
      const dbCpuMs = cpuSpent(dbCpuBefore, await backendCpuMs(db, applicationName));
      const summary = {
        via, warmUpMs: Math.round(warmUpMs), new: tally.new, duplicate: tally.duplicate, updated: tally.updated, failed: tally.failed, ms: Math.round(tally.elapsedMs),
        cpuMs: Math.round(tally.cpuMs), dbCpuMs: dbCpuMs === null ? null : Math.round(dbCpuMs), msPerArticle: tally.msPerArticle.map((ms) => Number(ms.toFixed(2))),
      };
      if (asJson) console.log(JSON.stringify(summary));
      else {
        const n = summary.new + summary.duplicate + summary.updated + summary.failed;
        console.log(`ingested ${n} articles in ${(tally.elapsedMs / 1000).toFixed(1)} s (${Math.round(n / (tally.elapsedMs / 1000))}/s, ${(tally.cpuMs / Math.max(1, n)).toFixed(1)} ms CPU each): ${summary.new} new, ${summary.duplicate} duplicate, ${summary.failed} failed`);
      }
    } finally {
      await db.$disconnect();
    }
  } finally {
    await database.embedded?.stop();
  }
}

if (process.argv[1] && import.meta.filename === process.argv[1]) runScript(main);
