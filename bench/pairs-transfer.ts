// How the whole pair pipeline (rules + learned model) does on news it has not seen: leave-outlet-out
// (train on six outlets, test on the seventh) and leave-articles-out (seeded folds by article). In
// each fold the model is fitted on the training articles only and its decoding threshold chosen by an
// inner cross-validation across the training outlets (or article folds), never on the test fold.
// Precision is reported per source of pairs (each rule, the model), and per outlet for the rules.
// npx tsx bench/pairs-transfer.ts --gold <dir> --texts <dir> [--folds 5] [--seed 20261201] [--cache F] [--only outlet|article|curve] [--l2 X] [--precise a,b]
// --only curve: the precision/recall curve leaving one outlet out, one fixed threshold for every fold (for choosing an operating point).
// --precise: the rules kept as verdicts (default PRECISE_RULES in lib/extract/pairs.ts), to measure another choice.
// --cache F keeps the engine's statements per article in F (outside git: they quote the texts), so
// changes to the pair rules or model are re-measured without re-running the statement finder.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { PRECISE_RULES, type TPairSource } from "@/lib/extract/pairs";
import {
  alignArticles,
  assignFolds,
  chooseDecoding,
  decodeArticle,
  DECODING_BETA,
  FIT,
  fitModel,
  judgePairs,
  labelArticle,
  outletFolds,
  outletOf,
  type TAlignedArticle,
  scoreArticle,
  THRESHOLDS,
  type TArticle,
} from "@/lib/extract/pair-model/training";

const { values } = parseArgs({
  options: { gold: { type: "string" }, texts: { type: "string" }, folds: { type: "string" }, seed: { type: "string" }, cache: { type: "string" }, only: { type: "string" }, l2: { type: "string" }, precise: { type: "string" }, beta: { type: "string" } },
});
if (!values.gold || !values.texts) throw new Error("--gold <dir> and --texts <dir> are required");
const articleFolds = Number(values.folds ?? 5);
const seed = Number(values.seed ?? 20261201);
const fit = { ...FIT, l2: Number(values.l2 ?? FIT.l2) };
const beta = Number(values.beta ?? DECODING_BETA);
const precise: ReadonlySet<TPairSource> = values.precise === undefined ? PRECISE_RULES : new Set(values.precise.split(",").filter(Boolean) as TPairSource[]);
function aligned(gold: string, texts: string, cache: string | undefined): TAlignedArticle[] {
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as TAlignedArticle[];
  const out = alignArticles(gold, texts);
  if (cache) writeFileSync(cache, JSON.stringify(out));
  return out;
}
const articles = aligned(values.gold, values.texts, values.cache).map(labelArticle);
const required = articles.reduce((n, a) => n + a.goldPairs.filter((g) => !g.optional).length, 0);

interface TCount {
  right: number;
  wrong: number;
}
const pct = (x: number): string => x.toFixed(2).replace(/^0/, "");
function line(label: string, c: TCount, gold: number): string {
  const p = c.right + c.wrong ? c.right / (c.right + c.wrong) : 0;
  const r = gold ? c.right / gold : 0;
  const f = p + r ? (2 * p * r) / (p + r) : 0;
  return `${label.padEnd(22)} right ${String(c.right).padStart(3)} wrong ${String(c.wrong).padStart(3)}  P ${pct(p)} R ${pct(r)} F1 ${pct(f)}`;
}

/** Decodes each test fold with a model fitted on the others; counts right/wrong per source. */
function evaluate(title: string, folds: Record<string, number>, innerFolds: (train: readonly TArticle[]) => Record<string, number>): void {
  const bySource = new Map<string, TCount>();
  const byOutletRules = new Map<string, TCount>();
  const total: TCount = { right: 0, wrong: 0 };
  const rulesOnly: TCount = { right: 0, wrong: 0 };
  const chosen: string[] = [];
  for (const fold of [...new Set(Object.values(folds))].sort((a, b) => a - b)) {
    const train = articles.filter((a) => folds[a.name] !== fold);
    const test = articles.filter((a) => folds[a.name] === fold);
    const decoding = chooseDecoding(train, innerFolds(train), fit, precise, beta);
    chosen.push(String(decoding.threshold));
    const model = fitModel(train, fit);
    for (const a of test) {
      const decoded = decodeArticle(a, model, decoding.threshold, precise);
      judgePairs(a, decoded).forEach((v, i) => {
        const p = decoded[i];
        if (!p || v.verdict === "neither") return;
        const rule = a.rules.find((q) => q.claim === p.claim && q.response === p.response && precise.has(q.source));
        const source: TPairSource = rule?.source ?? "model";
        const right = v.verdict === "right";
        for (const c of [
          total,
          bySource.get(source) ?? bySource.set(source, { right: 0, wrong: 0 }).get(source),
          ...(source === "model" ? [] : [rulesOnly, byOutletRules.get(outletOf(a.name)) ?? byOutletRules.set(outletOf(a.name), { right: 0, wrong: 0 }).get(outletOf(a.name))]),
        ]) {
          if (!c) continue;
          if (right) c.right += 1;
          else c.wrong += 1;
        }
      });
    }
  }
  console.log(`\n${title}  (${articles.length} articles, ${required} required gold pairs; threshold per fold ${chosen.join(" ")})`);
  console.log(line("all pairs", total, required));
  console.log(line("rules only", rulesOnly, required));
  for (const [source, c] of [...bySource].sort()) console.log(line(`  ${source}`, c, required));
  if (title.startsWith("leave-outlet-out")) for (const [outlet, c] of [...byOutletRules].sort()) console.log(line(`  rules @ ${outlet}`, c, required));
}

/** Pooled out-of-outlet counts at each fixed threshold: the curve the decoding threshold is chosen on. */
function curve(folds: Record<string, number>): void {
  const totals = new Map<number, TCount>(THRESHOLDS.map((t) => [t, { right: 0, wrong: 0 }]));
  for (const fold of new Set(Object.values(folds))) {
    const model = fitModel(
      articles.filter((a) => folds[a.name] !== fold),
      fit,
    );
    for (const a of articles.filter((x) => folds[x.name] === fold)) {
      for (const [threshold, c] of totals) {
        const s = scoreArticle(a, decodeArticle(a, model, threshold, precise));
        c.right += s.tp;
        c.wrong += s.fp;
      }
    }
  }
  console.log(`\nleave-outlet-out curve, one threshold for all folds (${required} required gold pairs)`);
  for (const [threshold, c] of totals) console.log(line(`  threshold ${threshold}`, c, required));
}

const names = articles.map((a) => a.name);
if (values.only === "curve") curve(outletFolds(names));
else if (values.only !== "article") evaluate("leave-outlet-out", outletFolds(names), (train) => outletFolds(train.map((a) => a.name)));
if (values.only !== "outlet" && values.only !== "curve") evaluate(`leave-articles-out (${articleFolds} folds, seed ${seed})`, assignFolds(names, articleFolds, seed), (train) =>
  assignFolds(
    train.map((a) => a.name),
    Math.min(articleFolds, train.length),
    seed,
  ),
);
