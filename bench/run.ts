// `npm run bench [-- --json] [--quick] [--articles N] [--keep] [--reuse-database NAME] [--port P]`:
// extraction, ingestion and page load on this machine, from nothing: it creates its own databases
// on the local PostgreSQL server (counterpoint_bench_*), loads the corpus, drives the built app
// with autocannon over loopback (each page warm and cold, see page-load.ts), and drops everything
// at the end. Progress goes to stderr; the table (or the JSON object with --json) to stdout.
// `npm run bench -- --ingest-only [--runs N] [--articles N] [--json]` measures only ingestion with
// 2 workers on PostgreSQL, each run on a fresh database, and reports every run and their median.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { withClient } from "@/lib/db/prepare-database";
import { extract } from "@/lib/extract";
import { runScript } from "@/scripts/run-script";
import { corpusArticle } from "./corpus-articles";
import { bulkLoadCorpus } from "./corpus-bulk";
import { CONCURRENCY, measurePage, percentile, startServer, type TPageResult } from "./page-load";
import { chooseScenarios } from "./page-scenarios";
import { measurePageWeight, type TPageWeight } from "./page-weight";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const tsxImport = ["--import", "tsx"];

const EXTRACT_ARTICLES = 1000;
const INGEST_ARTICLES = 240;
const PGLITE_INGEST_ARTICLES = 120;

/** cpuMsPerArticle: the workers' own CPU time (every thread) per article, PostgreSQL's excluded: the figure load on a shared machine barely moves. */
/** dbCpuMsPerArticle: their PostgreSQL backends' CPU time (null when the server's processes cannot be read). */
type TIngestResult = { articlesPerS: number; p50Ms: number; p95Ms: number; cpuMsPerArticle: number; dbCpuMsPerArticle: number | null; articles: number; duplicates: number; failed: number };
type TBenchResult = {
  extract_ms_p50: number;
  extract_ms_p95: number;
  extract_articles_per_s: number;
  extract_words_per_article: number;
  ingest_articles_per_s: { "1": number; "2": number };
  ingest_ms_p50: { "1": number; "2": number };
  ingest_pglite_articles_per_s: { "1": number };
  corpus: { articles: number; statements: number; speakers: number; stories: number; load_s: number }[];
  pages: TPageResult[];
  /** Per page name: the first warm URL's HTML and RSC payload sizes, on the largest corpus. */
  page_weight: Record<string, TPageWeight>;
  js_kb_gz: { timeline: number; permalink: number };
  server_peak_mb: number;
  machine: { cpus: number; model: string; node: string; load_avg_start: number; load_avg_end: number };
};

function log(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

function option(args: string[], name: string): string | undefined {
  const at = args.indexOf(`--${name}`);
  if (at !== -1) return args[at + 1];
  return args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

// ---------- databases ----------

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://root@127.0.0.1:5432/postgres";

function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function createDatabase(name: string): Promise<string> {
  await withClient(serverUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await client.query(`CREATE DATABASE "${name}"`);
  }, "BENCH_DATABASE_URL");
  const url = databaseUrl(name);
  await withClient(url, (client) => applyMigrations(client));
  return url;
}

async function dropDatabase(name: string): Promise<void> {
  await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), "BENCH_DATABASE_URL");
}

// ---------- extraction ----------

function measureExtraction(): { p50: number; p95: number; perSecond: number; words: number } {
  const articles = Array.from({ length: EXTRACT_ARTICLES }, (_unused, i) => corpusArticle(500_000 + i));
  for (const article of articles.slice(0, 200)) extract(article.text); // warm the JIT
  const times: number[] = [];
  const started = performance.now();
  for (const article of articles) {
    const t0 = performance.now();
    extract(article.text, { url: article.url, outlet: article.outlet, publishedAt: article.publishedAt.toISOString() });
    times.push(performance.now() - t0);
  }
  const elapsed = (performance.now() - started) / 1000;
  const words = articles.reduce((sum, article) => sum + article.text.split(/\s+/).filter(Boolean).length, 0) / articles.length;
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), perSecond: articles.length / elapsed, words };
}

// ---------- ingestion ----------

/**
 * Starts the ingesting children, waits until each has warmed up (it prints "ready"), then lets them
 * all go at once (a line on their stdin), so no child's warm-up overlaps another's measured run.
 */
function runIngestChildren(argsOf: string[][]): Promise<string[]> {
  const children = argsOf.map((args) => spawn(process.execPath, [...tsxImport, ...args], { cwd: root, stdio: ["pipe", "pipe", "inherit"] }));
  let ready = 0;
  return Promise.all(
    children.map(
      (child, index) =>
        new Promise<string>((resolve, reject) => {
          let out = "";
          let waiting = true;
          child.stdout.on("data", (chunk: Buffer) => {
            out += chunk.toString("utf8");
            if (waiting && out.includes("ready\n")) {
              waiting = false;
              ready += 1;
              if (ready === children.length) for (const other of children) other.stdin.end("go\n");
            }
          });
          child.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${argsOf[index]![0]} exited with code ${code}`))));
        }),
    ),
  );
}

type TChildTally = { new: number; duplicate: number; failed: number; ms: number; cpuMs: number; dbCpuMs: number | null; msPerArticle: number[] };

/**
 * `workers` processes ingest interleaved articles of one range through the pipeline (extraction on
 * the heavy-work threads, batched stores), each timed after its warm-up (threads started, one batch
 * of other articles written), as a long-running queue worker runs.
 */
async function measureIngestion(url: string, workers: number, from: number, count: number): Promise<TIngestResult> {
  const outputs = await runIngestChildren(
    Array.from({ length: workers }, (_unused, offset) =>
      [path.join("bench", "corpus.ts"), "--via", "pipeline", "--json", "--warm-up", "--database-url", url, "--from", String(from), "--articles", String(count), "--step", String(workers), "--offset", String(offset)],
    ),
  );
  const tallies = outputs.map((out) => JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as TChildTally);
  const slowest = Math.max(...tallies.map((tally) => tally.ms));
  const latencies = tallies.flatMap((tally) => tally.msPerArticle);
  return {
    articlesPerS: count / (slowest / 1000),
    p50Ms: percentile(latencies, 0.5),
    p95Ms: percentile(latencies, 0.95),
    cpuMsPerArticle: tallies.reduce((sum, tally) => sum + tally.cpuMs, 0) / count,
    dbCpuMsPerArticle: tallies.some((tally) => tally.dbCpuMs === null) ? null : tallies.reduce((sum, tally) => sum + (tally.dbCpuMs ?? 0), 0) / count,
    articles: count,
    duplicates: tallies.reduce((sum, tally) => sum + tally.duplicate, 0),
    failed: tallies.reduce((sum, tally) => sum + tally.failed, 0),
  };
}

/** Median of `values` (the middle run; for an even count, the mean of the two middle ones). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/**
 * What the machine could do with nothing else running: its cores divided by the CPU time one
 * article costs (the workers' threads plus their PostgreSQL backends). On a shared machine the
 * measured rate depends on everyone else's load; this figure barely does.
 */
function cpuBoundArticlesPerS(result: TIngestResult): number | null {
  return result.dbCpuMsPerArticle === null ? null : (os.cpus().length * 1000) / (result.cpuMsPerArticle + result.dbCpuMsPerArticle);
}

/** Ingestion alone: `runs` runs of `count` articles with 2 workers, each on a database of its own. */
async function measureIngestionOnly(tag: string, runs: number, count: number, asJson: boolean): Promise<void> {
  const results: (TIngestResult & { loadAvg: number })[] = [];
  for (let run = 1; run <= runs; run += 1) {
    const name = `counterpoint_bench_ingest_${tag}_${run}`;
    const url = await createDatabase(name);
    try {
      const loadAvg = os.loadavg()[0] ?? 0;
      const result = await measureIngestion(url, 2, 0, count);
      results.push({ ...result, loadAvg: round(Math.max(loadAvg, os.loadavg()[0] ?? 0), 2) });
      log(`run ${run}: ${round(result.articlesPerS)} articles/s, p50 ${round(result.p50Ms)} ms, p95 ${round(result.p95Ms)} ms, load ${results.at(-1)!.loadAvg}`);
    } finally {
      await dropDatabase(name);
    }
  }
  const orNull = (value: number | null) => (value === null ? null : round(value));
  const mid = (pick: (r: TIngestResult) => number | null) => {
    const values = results.map(pick).filter((value): value is number => value !== null);
    return values.length === results.length ? round(median(values)) : null;
  };
  const summary = {
    workers: 2,
    articles: count,
    runs: results.map((r) => ({
      articles_per_s: round(r.articlesPerS), p50_ms: round(r.p50Ms), p95_ms: round(r.p95Ms), cpu_ms_per_article: round(r.cpuMsPerArticle),
      db_cpu_ms_per_article: orNull(r.dbCpuMsPerArticle), cpu_bound_articles_per_s: orNull(cpuBoundArticlesPerS(r)), duplicates: r.duplicates, failed: r.failed, load_avg: r.loadAvg,
    })),
    median: {
      articles_per_s: mid((r) => r.articlesPerS), p50_ms: mid((r) => r.p50Ms), p95_ms: mid((r) => r.p95Ms), cpu_ms_per_article: mid((r) => r.cpuMsPerArticle),
      db_cpu_ms_per_article: mid((r) => r.dbCpuMsPerArticle), cpu_bound_articles_per_s: mid(cpuBoundArticlesPerS),
    },
    machine: { cpus: os.cpus().length, node: process.version, load_avg_end: round(os.loadavg()[0] ?? 0, 2) },
  };
  const cpu = (r: { cpu_ms_per_article: number | null; db_cpu_ms_per_article: number | null; cpu_bound_articles_per_s: number | null }) =>
    `CPU per article ${r.cpu_ms_per_article} ms workers + ${r.db_cpu_ms_per_article ?? "?"} ms PostgreSQL (at most ${r.cpu_bound_articles_per_s ?? "?"}/s on ${os.cpus().length} idle cores)`;
  const text = [
    `ingestion end to end (PostgreSQL, 2 workers, ${count} articles per run):`,
    ...summary.runs.map((r, i) => `  run ${i + 1}: ${r.articles_per_s} articles/s, p50 ${r.p50_ms} ms, p95 ${r.p95_ms} ms per article, ${r.failed} failed, load average ${r.load_avg}; ${cpu(r)}`),
    `  median: ${summary.median.articles_per_s} articles/s, p50 ${summary.median.p50_ms} ms, p95 ${summary.median.p95_ms} ms; ${cpu(summary.median)}`,
  ].join("\n");
  process.stdout.write(`${asJson ? JSON.stringify(summary) : text}\n`);
}

// ---------- the app under load ----------

async function ensureBuild(): Promise<void> {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  log("no build found, running `next build` once");
  // Build output goes to stderr: stdout carries only the table or the JSON.
  const child = spawn(process.execPath, [nextBin, "build"], { cwd: root, stdio: ["ignore", process.stderr, "inherit"], env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const code = await new Promise<number>((resolve) => child.on("exit", (exit) => resolve(exit ?? 1)));
  if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
}

/**
 * Gzipped size of the JavaScript a page's HTML makes a current browser load: every <script src>,
 * except noModule ones (polyfills that only pre-2018 browsers fetch).
 */
async function javascriptKbGz(base: string, pagePath: string): Promise<number> {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  const tags = [...html.matchAll(/<script([^>]*)\ssrc="([^"]+)"([^>]*)>/g)].filter((match) => !/nomodule/i.test(`${match[1]}${match[3]}`));
  const sources = new Set(tags.map((match) => match[2]!.replace(/&amp;/g, "&")));
  let bytes = 0;
  for (const source of sources) {
    const body = Buffer.from(await (await fetch(new URL(source, base))).arrayBuffer());
    bytes += gzipSync(body, { level: 9 }).length;
  }
  return round(bytes / 1024);
}

async function corpusStats(url: string, loadSeconds: number): Promise<TBenchResult["corpus"][number]> {
  return withClient(url, async (client) => {
    const { rows: [row] } = await client.query<{ articles: number; statements: number; speakers: number; stories: number }>(
      `SELECT (SELECT count(*)::int FROM "Article") AS articles, (SELECT count(*)::int FROM "Statement") AS statements,
              (SELECT count(*)::int FROM "Speaker") AS speakers, (SELECT count(*)::int FROM "Story") AS stories`,
    );
    return { articles: row?.articles ?? 0, statements: row?.statements ?? 0, speakers: row?.speakers ?? 0, stories: row?.stories ?? 0, load_s: round(loadSeconds) };
  });
}

// ---------- report ----------

function table(result: TBenchResult): string {
  const lines: string[] = [];
  const m = result.machine;
  lines.push(`Counterpoint benchmark — ${m.cpus} × ${m.model}, Node ${m.node}, load average ${m.load_avg_start} → ${m.load_avg_end}`);
  lines.push("");
  lines.push(`extraction (one core, ~${result.extract_words_per_article} words): p50 ${result.extract_ms_p50} ms, p95 ${result.extract_ms_p95} ms, ${result.extract_articles_per_s} articles/s`);
  lines.push(`ingestion end to end (PostgreSQL): 1 worker ${result.ingest_articles_per_s["1"]} articles/s (p50 ${result.ingest_ms_p50["1"]} ms), 2 workers ${result.ingest_articles_per_s["2"]} articles/s (p50 ${result.ingest_ms_p50["2"]} ms)`);
  lines.push(`ingestion end to end (PGlite, embedded): 1 worker ${result.ingest_pglite_articles_per_s["1"]} articles/s`);
  for (const corpus of result.corpus) {
    lines.push(`corpus: ${corpus.articles} articles, ${corpus.statements} statements, ${corpus.speakers} speakers, ${corpus.stories} stories (bulk load ${corpus.load_s} s)`);
  }
  lines.push("");
  lines.push(
    ...columns(
      ["page", "articles", "cache", "conc.", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"],
      result.pages.map((p) => [p.name, String(p.articles), p.cache, String(p.concurrency), String(p.rps), String(p.p50_ms), String(p.p95_ms), String(p.p99_ms), String(p.errors)]),
    ),
  );
  lines.push("");
  lines.push(
    ...columns(
      ["page weight (KB)", "HTML", "of it RSC", "HTML gz", "RSC nav.", "RSC gz"],
      Object.entries(result.page_weight).map(([name, w]) => [name, String(w.html_kb), String(w.html_rsc_kb), String(w.html_kb_gz), String(w.rsc_kb), String(w.rsc_kb_gz)]),
    ),
  );
  lines.push("");
  lines.push(`JavaScript (gzipped): timeline ${result.js_kb_gz.timeline} KB, permalink ${result.js_kb_gz.permalink} KB`);
  lines.push(`server peak RSS under load (warm c=${CONCURRENCY.warm}, cold c=${CONCURRENCY.cold}): ${result.server_peak_mb} MB`);
  return lines.join("\n");
}

/** A text table: the first column left-aligned, the others right-aligned. */
function columns(header: string[], rows: string[][]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  ");
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(fmt)];
}

// ---------- main ----------

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const asJson = args.includes("--json");
  const quick = args.includes("--quick");
  const keep = args.includes("--keep");
  const requested = option(args, "articles");
  const largest = Number(requested ?? 100_000);
  if (!Number.isInteger(largest) || largest < 100) throw new Error("--articles must be an integer ≥ 100");
  const sizes = quick ? [Math.min(10_000, largest)] : largest > 10_000 ? [10_000, largest] : [largest];
  const port = Number(option(args, "port") ?? 3300);
  if (!Number.isInteger(port) || port < 3300 || port > 3399) throw new Error("--port must be within 3300-3399");
  const tag = `${Date.now().toString(36)}`;
  const created: string[] = [];
  const loadStart = os.loadavg()[0] ?? 0;
  // For iterating on pages: an existing corpus database (kept), measured as it is (or topped up to an
  // explicit --articles), extraction and ingestion skipped.
  if (args.includes("--ingest-only")) {
    const runs = Number(option(args, "runs") ?? 3);
    if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs must be a positive integer");
    return measureIngestionOnly(tag, runs, requested === undefined ? INGEST_ARTICLES : largest, asJson);
  }
  const reuse = option(args, "reuse-database");
  if (reuse !== undefined && !/^counterpoint_bench_[a-z0-9_]+$/.test(reuse)) throw new Error("--reuse-database must name a counterpoint_bench_* database");

  try {
    await ensureBuild();

    const skipWrites = reuse !== undefined;
    if (!skipWrites) log(`extraction: ${EXTRACT_ARTICLES} articles on one core`);
    const extraction = skipWrites ? { p50: 0, p95: 0, perSecond: 0, words: 0 } : measureExtraction();
    const zero: TIngestResult = { articlesPerS: 0, p50Ms: 0, p95Ms: 0, cpuMsPerArticle: 0, dbCpuMsPerArticle: null, articles: 0, duplicates: 0, failed: 0 };
    let ingestOne = zero;
    let ingestTwo = zero;
    let ingestPglite = zero;
    if (!skipWrites) {
    const ingestDb = `counterpoint_bench_ingest_${tag}`;
    created.push(ingestDb);
    const ingestUrl = await createDatabase(ingestDb);
    log(`ingestion: ${INGEST_ARTICLES} articles with 1 worker, then ${INGEST_ARTICLES} with 2`);
    ingestOne = await measureIngestion(ingestUrl, 1, 0, INGEST_ARTICLES);
    ingestTwo = await measureIngestion(ingestUrl, 2, INGEST_ARTICLES, INGEST_ARTICLES);
    log(`ingestion: ${round(ingestOne.articlesPerS)}/s with 1 worker, ${round(ingestTwo.articlesPerS)}/s with 2`);
    await dropDatabase(ingestDb);

    log(`ingestion on PGlite: ${PGLITE_INGEST_ARTICLES} articles`);
    const embedded = await startEmbeddedPostgres(null);
    try {
      await withClient(embedded.url, (client) => applyMigrations(client));
      ingestPglite = await measureIngestion(embedded.url, 1, 0, PGLITE_INGEST_ARTICLES);
    } finally {
      await embedded.stop();
    }
    }

    const pagesDb = reuse ?? `counterpoint_bench_pages_${tag}`;
    if (!reuse) created.push(pagesDb);
    const pagesUrl = reuse ? databaseUrl(reuse) : await createDatabase(pagesDb);
    // A kept corpus may predate the newest migrations (the cache's change feed, say): bring it up.
    if (reuse) await withClient(pagesUrl, (client) => applyMigrations(client));
    const pages: TPageResult[] = [];
    const corpus: TBenchResult["corpus"] = [];
    const peak = { bytes: 0 };
    const pageWeight: Record<string, TPageWeight> = {};
    let jsKb = { timeline: 0, permalink: 0 };
    let loaded = reuse ? (await corpusStats(pagesUrl, 0)).articles : 0;
    if (reuse && loaded === 0) throw new Error(`database ${reuse} has no articles: load a corpus first (npm run bench:corpus)`);
    const targets = reuse ? [Math.max(loaded, requested === undefined ? 0 : largest)] : sizes;
    for (const size of targets) {
      if (size > loaded) log(`corpus: bulk-loading articles ${loaded}–${size}`);
      const result = size === loaded ? { elapsedMs: 0 } : await bulkLoadCorpus(pagesUrl, {
        from: loaded,
        count: size - loaded,
        workers: 2,
        onProgress: ({ loaded: done, total, elapsedMs }) => {
          if (done % 10_000 < 250) log(`  ${done}/${total} (${Math.round(done / (elapsedMs / 1000))}/s)`);
        },
      });
      loaded = size;
      corpus.push(await corpusStats(pagesUrl, result.elapsedMs / 1000));
      const scenarios = await chooseScenarios(pagesUrl);
      const server = await startServer(nextBin, root, pagesUrl, port);
      try {
        // Sizes do not depend on load: measured once per page, and the largest corpus's are kept.
        for (const scenario of scenarios) pageWeight[scenario.name] = await measurePageWeight(server.base, scenario.warm[0] ?? "/");
        for (const scenario of scenarios) {
          pages.push(await measurePage(server, scenario, "warm", size, peak, log));
          pages.push(await measurePage(server, scenario, "cold", size, peak, log));
        }
        jsKb = {
          timeline: await javascriptKbGz(server.base, "/"),
          permalink: await javascriptKbGz(server.base, scenarios.find((scenario) => scenario.name === "permalink")?.warm[0] ?? "/"),
        };
      } finally {
        await server.stop();
      }
    }

    const result: TBenchResult = {
      extract_ms_p50: round(extraction.p50, 2),
      extract_ms_p95: round(extraction.p95, 2),
      extract_articles_per_s: round(extraction.perSecond),
      extract_words_per_article: Math.round(extraction.words),
      ingest_articles_per_s: { "1": round(ingestOne.articlesPerS), "2": round(ingestTwo.articlesPerS) },
      ingest_ms_p50: { "1": round(ingestOne.p50Ms), "2": round(ingestTwo.p50Ms) },
      ingest_pglite_articles_per_s: { "1": round(ingestPglite.articlesPerS) },
      corpus,
      pages,
      page_weight: pageWeight,
      js_kb_gz: jsKb,
      server_peak_mb: round(peak.bytes / 1024 / 1024),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model ?? "unknown", node: process.version, load_avg_start: round(loadStart, 2), load_avg_end: round(os.loadavg()[0] ?? 0, 2) },
    };
    process.stdout.write(`${asJson ? JSON.stringify(result) : table(result)}\n`);
  } finally {
    if (keep) log(`kept databases: ${created.join(", ")}`);
    else for (const name of created) await dropDatabase(name).catch(() => undefined);
  }
}

runScript(main);
