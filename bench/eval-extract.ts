// Prints how extract() scores on the hand-written eval set (tests/fixtures/extract/eval):
// the per-category table, a per-article line, and with --misses every miss behind the numbers.
// Run: npx tsx bench/eval-extract.ts [--misses] [--json]
import { extract } from "@/lib/extract";
import { formatTable, loadEvalCases, rate, scoreCase, sumScores } from "@/tests/unit/extract/score-extraction";

const args = process.argv.slice(2);
const cases = loadEvalCases();
const scored = cases.map((c) => scoreCase(c, extract(c.text)));
const total = sumScores(scored.map((s) => s.scores));

if (args.includes("--json")) {
  const out = Object.fromEntries(Object.entries(total).map(([k, r]) => [k, Number(rate(r).toFixed(3))]));
  console.log(JSON.stringify(out));
} else {
  console.log(`eval set: ${cases.length} articles\n`);
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
