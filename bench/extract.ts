// Benchmark of extract(): median and p95 ms per article, words/s, articles/s and peak RSS over a
// generated corpus, plus a memory-flat check over many more articles. `--json` prints one object.
import { DEFAULT_ENGINE, ENGINES, extract, type TEngine } from "@/lib/extract";
import { generateArticle } from "./generate-articles";

const args = process.argv.slice(2);
const asJson = args.includes("--json");
const count = Number(args.find((a) => a.startsWith("--articles="))?.split("=")[1] ?? 2000);
const flatCount = Number(args.find((a) => a.startsWith("--flat="))?.split("=")[1] ?? 10000);
// --engine=rules|model|hybrid: time another engine than the default (e.g. the rules alone, to compare).
const engineArg = args.find((a) => a.startsWith("--engine="))?.split("=")[1] ?? DEFAULT_ENGINE;
const engine = ENGINES.find((e) => e === engineArg);
if (!engine) throw new Error(`--engine must be one of ${ENGINES.join(", ")}`);
const chosen: TEngine = engine;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))] ?? 0;
}

function collect(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
}

const articles = Array.from({ length: count }, (_u, i) => generateArticle(1 + i));
for (let i = 0; i < 200; i += 1) extract(articles[i % articles.length]?.text ?? "", {}, chosen); // warm up the JIT

let peakRss = process.memoryUsage().rss;
const times: number[] = [];
let words = 0;
const started = performance.now();
for (const a of articles) {
  const t0 = performance.now();
  extract(a.text, { url: a.url, outlet: a.outlet, publishedAt: a.publishedAt }, chosen);
  times.push(performance.now() - t0);
  words += a.words;
  if (times.length % 100 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
const elapsed = (performance.now() - started) / 1000;
times.sort((a, b) => a - b);

// Memory-flat: articles are generated and dropped one at a time; the heap must not grow with n.
collect();
const heapBefore = process.memoryUsage().heapUsed;
for (let i = 0; i < flatCount; i += 1) {
  const a = generateArticle(100_000 + i);
  extract(a.text, {}, chosen);
  if (i % 500 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
collect();
const heapAfter = process.memoryUsage().heapUsed;

const result = {
  engine: chosen,
  articles: count,
  meanWords: Math.round(words / count),
  medianMs: Number(percentile(times, 0.5).toFixed(3)),
  p95Ms: Number(percentile(times, 0.95).toFixed(3)),
  articlesPerSecond: Math.round(count / elapsed),
  wordsPerSecond: Math.round(words / elapsed),
  peakRssMb: Number((peakRss / 1024 / 1024).toFixed(1)),
  flatCheck: {
    articles: flatCount,
    heapBeforeMb: Number((heapBefore / 1024 / 1024).toFixed(1)),
    heapAfterMb: Number((heapAfter / 1024 / 1024).toFixed(1)),
    gcExposed: typeof (globalThis as { gc?: () => void }).gc === "function",
  },
};

if (asJson) {
  process.stdout.write(`${JSON.stringify(result)}\n`);
} else {
  const lines = [
    `extract (${chosen} engine): ${result.articles} articles, ~${result.meanWords} words each (one core)`,
    `  median ${result.medianMs} ms, p95 ${result.p95Ms} ms per article`,
    `  ${result.articlesPerSecond} articles/s, ${result.wordsPerSecond} words/s`,
    `  peak RSS ${result.peakRssMb} MB`,
    `  memory-flat over ${flatCount} more: heap ${result.flatCheck.heapBeforeMb} MB → ${result.flatCheck.heapAfterMb} MB` +
      (result.flatCheck.gcExposed ? "" : " (run with NODE_OPTIONS=--expose-gc for exact numbers)"),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}
