// Page-text benchmark: `npm run bench:pages -- <dir> [--format readability|newspaper] [--names <regex>]
// [--json] [--verbose]`. Scores the reader's body text against each page's expected text (token F1)
// and its date found/right; `--names` keeps the pages whose name matches (a dev/test split by site).
import { loadavg } from "node:os";
import { z } from "zod";
import { MIN_ARTICLE_WORDS } from "@/lib/ingest/article-body";
import { benchmarkPages } from "./page-bench";
import { detectPageFormat, readTestPages } from "./page-corpus";
import { summarizePages } from "./page-text-score";

const ZArgs = z.object({
  dir: z.string().min(1, "give the folder of test pages: npm run bench:pages -- <dir>"),
  format: z.enum(["readability", "newspaper"]).optional(),
  names: z.string().optional(),
  json: z.boolean(),
  verbose: z.boolean(),
});

const VALUED_FLAGS = ["--format", "--names"];

function parseArgs(argv: readonly string[]) {
  const valueOf = (flag: string) => {
    const at = argv.indexOf(flag);
    return at >= 0 ? argv[at + 1] : undefined;
  };
  const positional = argv.filter((arg, i) => !arg.startsWith("--") && !VALUED_FLAGS.includes(argv[i - 1] ?? ""));
  return ZArgs.parse({
    dir: positional[0] ?? "",
    format: valueOf("--format"),
    names: valueOf("--names"),
    json: argv.includes("--json"),
    verbose: argv.includes("--verbose"),
  });
}

function parseArgsOrExit(argv: readonly string[]) {
  try {
    return parseArgs(argv);
  } catch (error) {
    const message = error instanceof z.ZodError ? error.issues.map((issue) => issue.message).join("; ") : String(error);
    process.stderr.write(`bench:pages: ${message}\n`);
    process.exit(2);
  }
}

const parsed = parseArgsOrExit(process.argv.slice(2));

const format = parsed.format ?? detectPageFormat(parsed.dir);
const namePattern = parsed.names ? new RegExp(parsed.names) : null;
const pages = readTestPages(parsed.dir, format).filter((page) => !namePattern || namePattern.test(page.name));
if (pages.length === 0) {
  process.stderr.write(`bench:pages: no test pages found in ${parsed.dir} (${format} layout)\n`);
  process.exit(2);
}
const loadBefore = loadavg()[0] ?? 0;
const results = benchmarkPages(pages);
const summary = summarizePages(results, MIN_ARTICLE_WORDS);
const report = { dir: parsed.dir, format, names: parsed.names ?? null, loadAverage: [loadBefore, loadavg()[0] ?? 0].map((l) => Number(l.toFixed(2))), ...summary };

const fixed = (value: number, digits = 3) => value.toFixed(digits);
if (parsed.json) {
  process.stdout.write(`${JSON.stringify(parsed.verbose ? { ...report, results } : report)}\n`);
} else {
  if (parsed.verbose) {
    for (const r of results) {
      process.stdout.write(
        `${r.name.padEnd(40)} F1 ${fixed(r.f1)}  P ${fixed(r.precision)}  R ${fixed(r.recall)}  ${fixed(r.ms, 1)} ms  date ${r.date}` +
          `${r.error ? `  ERROR ${r.error}` : ""}\n`,
      );
    }
  }
  const { dates } = summary;
  const stated = dates.right + dates.wrong + dates.missed;
  process.stdout.write(
    [
      `page text: ${summary.pages} pages (${format}) from ${parsed.dir}${parsed.names ? ` matching /${parsed.names}/` : ""}`,
      `  token F1 ${fixed(summary.meanF1)}  precision ${fixed(summary.meanPrecision)}  recall ${fixed(summary.meanRecall)}`,
      `  failures ${summary.failures} ("No article text found")`,
      `  pages whose expected text has ≥ ${MIN_ARTICLE_WORDS} words: ${summary.articlePages}, token F1 ${fixed(summary.articleMeanF1)}`,
      `  time per page: median ${fixed(summary.medianMs, 1)} ms, p95 ${fixed(summary.p95Ms, 1)} ms (load average ${report.loadAverage.join(" → ")})`,
      `  date: ${dates.right}/${stated} right where stated (${dates.wrong} wrong, ${dates.missed} missed); ${dates.unexpected} found where none expected`,
    ].join("\n") + "\n",
  );
}
