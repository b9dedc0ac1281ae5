// The development loop on real text: scores the product's `extract` command with the shared scorer
// (../shared/eval/score.mjs) on a fixed slice of PolNeAR train and, optionally, on gold files.
// npm run eval:extract -- --polnear <train.jsonl> [--slice heldout|dev|train|all] [--limit N]
//   [--gold <dir> --texts <dir>] [--scorer <score.mjs>] [--jobs N] [-v] [--json-out F] [--engine rules|model|hybrid]
//   --engine model|hybrid scores the rules plus the attribution tagger (sets EXTRACT_CMD for the scorer).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ENGINES } from "@/lib/extract";
import { FOLDS, FOLD_SEED, sliceRecords, type TSlice } from "./polnear";

const SLICES: readonly TSlice[] = ["heldout", "dev", "train", "all"];

function parseArgs(argv: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    if (arg === "-v") out.set("verbose", "1");
    else if (arg.startsWith("--")) {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith("--")) throw new Error(`option ${arg} needs a value`);
      out.set(arg.slice(2), value);
      i += 1;
    } else throw new Error(`unexpected argument ${arg}`);
  }
  return out;
}

function runScorer(scorer: string, args: readonly string[]): number {
  const r = spawnSync(process.execPath, [scorer, ...args], { stdio: "inherit" });
  return r.status ?? 1;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const scorer = path.resolve(args.get("scorer") ?? "../shared/eval/score.mjs");
  if (!existsSync(scorer)) throw new Error(`no scorer at ${scorer}; pass --scorer <path to score.mjs>`);
  const engine = args.get("engine") ?? "rules";
  if (!ENGINES.some((e) => e === engine)) throw new Error(`--engine must be one of ${ENGINES.join(", ")}`);
  if (engine !== "rules") process.env.EXTRACT_CMD ??= `npm run --silent extract -- {file} --engine ${engine}`;
  const common = ["--project", process.cwd(), "--jobs", args.get("jobs") ?? "2", ...(args.has("verbose") ? ["-v"] : [])];
  const polnear = args.get("polnear");
  const gold = args.get("gold");
  if (!polnear && !gold) throw new Error("usage: eval:extract -- --polnear <train.jsonl> [--slice heldout] [--gold <dir> --texts <dir>]");
  let status = 0;
  if (polnear) {
    const slice = (args.get("slice") ?? "heldout") as TSlice;
    if (!SLICES.includes(slice)) throw new Error(`--slice must be one of ${SLICES.join(", ")}`);
    // Raw lines go to the scorer untouched: it converts PolNeAR's code-point offsets itself.
    const lines = readFileSync(polnear, "utf8").split("\n").filter((l) => l.trim());
    const tagged = lines.map((line) => ({ line, article: (JSON.parse(line) as { article: string }).article }));
    const chosen = sliceRecords(tagged, slice);
    const dir = mkdtempSync(path.join(tmpdir(), "eval-real-"));
    try {
      const data = path.join(dir, `polnear-${slice}.jsonl`);
      writeFileSync(data, `${chosen.map((c) => c.line).join("\n")}\n`);
      const articles = new Set(chosen.map((c) => c.article)).size;
      console.log(`# PolNeAR train, slice ${slice}: ${articles} articles (${FOLDS} folds by article, seed "${FOLD_SEED}")`);
      const extra = [
        ...(args.has("limit") ? ["--limit", args.get("limit") ?? ""] : []),
        ...(args.has("json-out") ? ["--json-out", args.get("json-out") ?? ""] : []),
      ];
      status = runScorer(scorer, ["polnear", ...common, "--data", data, ...extra]) || status;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  if (gold) {
    const texts = args.get("texts");
    if (!texts) throw new Error("--gold needs --texts <root of the input texts>");
    console.log(`\n# gold ${gold}`);
    status = runScorer(scorer, ["gold", ...common, "--gold", gold, "--texts", texts]) || status;
  }
  return status;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`eval:extract: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
