// Prints how extract() scores on the hand-written eval sets: tests/fixtures/extract/eval (the rules
// were tuned on it) and tests/fixtures/extract/holdout (written afterwards, the honest estimate).
// Per-category table, a line per article, and with --misses every miss behind the numbers.
// Run: npx tsx bench/eval-extract.ts [--misses] [--json] [--set=eval|holdout]
import { extract } from "@/lib/extract";
import { EVAL_DIR, formatTable, HOLDOUT_DIR, loadEvalCases, rate, scoreCase, sumScores } from "@/tests/unit/extract/score-extraction";

const args = process.argv.slice(2);
const only = args.find((a) => a.startsWith("--set="))?.split("=")[1];
const sets = [
  { name: "eval", dir: EVAL_DIR },
  { name: "holdout", dir: HOLDOUT_DIR },
].filter((s) => !only || s.name === only);

const json: Record<string, Record<string, number>> = {};
for (const set of sets) {
  const cases = loadEvalCases(set.dir);
  const scored = cases.map((c) => scoreCase(c, extract(c.text)));
  const total = sumScores(scored.map((s) => s.scores));
  if (args.includes("--json")) {
    json[set.name] = Object.fromEntries(Object.entries(total).map(([k, r]) => [k, Number(rate(r).toFixed(3))]));
    continue;
  }
  console.log(`\n# ${set.name}: ${cases.length} articles\n`);
  console.log(formatTable(total));
  console.log("\nper article: statements recall | pairs recall | extra statements | extra pairs");
  for (const s of scored) {
    const sc = s.scores;
    const extraSt = sc.statementPrecision.total - sc.statementPrecision.hits;
    const extraPairs = sc.pairPrecision.total - sc.pairPrecision.hits;
    console.log(
      `  ${s.name.padEnd(40)} ${sc.statementRecall.hits}/${sc.statementRecall.total}  ${sc.pairRecall.hits}/${sc.pairRecall.total}  ${extraSt}  ${extraPairs}`,
    );
  }
  if (args.includes("--misses")) {
    for (const s of scored) {
      if (s.misses.length === 0) continue;
      console.log(`\n## ${s.name}`);
      for (const m of s.misses) console.log(`  - ${m}`);
    }
  }
}
if (args.includes("--json")) console.log(JSON.stringify(json));
