// Why the learned ranker does not link gold pairs whose two ends the engine found with two different
// speakers: is the gold claim among the response's candidates (and if not, which rule left it out),
// what rank the claim ranker gives it, and how likely the response model thinks the response answers
// anyone. Every model is fitted leaving the article's outlet out, so the figures are out of sample.
// Also classes the pairs decoded at --threshold (default .4) the way bench/pairs-report.ts does, split
// into the rules' verdicts and the model's, with the right pairs whose relation is wrong.
// npx tsx bench/pairs-diagnose.ts --gold <dir> --texts <dir> --cache F [--list] [--threshold T]
// --cache F: the engine's aligned statements (bench/pairs-transfer.ts writes the same file).
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { bestClaim, dot, sigmoid, withTopClaim } from "@/lib/extract/pair-model/model";
import { alignArticles, decodeArticle, FIT, fitModel, judgePairs, labelArticle, outletFolds, WINDOW, type TAlignedArticle } from "@/lib/extract/pair-model/training";
import { PRECISE_RULES } from "@/lib/extract/pairs";
import { sameCamp, setBeside } from "@/lib/extract/response-cue";
import { substantive } from "@/lib/extract/topic";

const { values } = parseArgs({ options: { gold: { type: "string" }, texts: { type: "string" }, cache: { type: "string" }, list: { type: "boolean" }, threshold: { type: "string" } } });
const threshold = Number(values.threshold ?? 0.4);
if (!values.gold || !values.texts) throw new Error("--gold <dir> and --texts <dir> are required");
function aligned(gold: string, texts: string, cache: string | undefined): TAlignedArticle[] {
  if (cache && existsSync(cache)) return JSON.parse(readFileSync(cache, "utf8")) as TAlignedArticle[];
  const out = alignArticles(gold, texts);
  if (cache) writeFileSync(cache, JSON.stringify(out));
  return out;
}
const alignedArticles = aligned(values.gold, values.texts, values.cache);
const articles = alignedArticles.map(labelArticle);
const folds = outletFolds(articles.map((a) => a.name));
const counts = new Map<string, number>();
const bump = (k: string): void => {
  counts.set(k, (counts.get(k) ?? 0) + 1);
};
const cut = (s: string, n = 80): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, " ");

for (const fold of new Set(Object.values(folds))) {
  const model = fitModel(
    articles.filter((a) => folds[a.name] !== fold),
    FIT,
  );
  for (const [ai, a] of articles.entries()) {
    if (folds[a.name] !== fold) continue;
    const { items } = alignedArticles[ai] as TAlignedArticle;
    const decoded = decodeArticle(a, model, threshold);
    const verdicts = judgePairs(a, decoded);
    decoded.forEach((p, i) => {
      const v = verdicts[i]?.verdict;
      const kc = a.keys[p.claim];
      const kr = a.keys[p.response];
      const rule = a.rules.some((q) => q.claim === p.claim && q.response === p.response && PRECISE_RULES.has(q.source)) ? "rule" : "model";
      if (v === "right") {
        bump(`decoded ${rule}: right`);
        if (!verdicts[i]?.relationRight) bump(`decoded ${rule}: right ends, wrong relation`);
        return;
      }
      if (v !== "wrong") return;
      const why = !kr ? "response not gold" : !kc ? "claim not gold" : a.goldPairs.some((g) => g.responses.includes(kr) && !g.optional) ? "gold response, wrong claim" : a.goldPairs.some((g) => g.claims.includes(kr) && g.responses.includes(kc)) ? "reversed" : "gold statements, no pair";
      bump(`decoded ${rule}: wrong, ${why}`);
      if (values.list) {
        console.log(`${a.name} WRONG ${rule} ${why}`);
        console.log(`   C[${p.claim}] ${items[p.claim]?.speaker}: ${cut(items[p.claim]?.text ?? "")}`);
        console.log(`   R[${p.response}] ${items[p.response]?.speaker}: ${cut(items[p.response]?.sentenceText ?? "", 140)}`);
      }
    });
    for (const g of a.goldPairs.filter((p) => !p.optional)) {
      const ci = a.keys.findIndex((k) => k !== null && g.claims.includes(k));
      const ri = a.keys.findIndex((k) => k !== null && g.responses.includes(k));
      const c = items[ci];
      const r = items[ri];
      if (!c || !r || !c.speaker || !r.speaker || c.speaker === r.speaker) continue;
      let why: string;
      const example = a.examples.find((e) => e.response === ri);
      const inCands = example?.claims.findIndex((x) => x.claim === ci) ?? -1;
      if (!example || inCands < 0) {
        why =
          c.docIndex !== r.docIndex
            ? "out: other document"
            : ci > ri + 2
              ? "out: after the response"
              : ri - ci > WINDOW
                ? `out: window (gap ${ri - ci <= 32 ? "17-32" : ">32"})`
                : sameCamp(c, r)
                  ? "out: sameCamp"
                  : !substantive(c)
                    ? "out: not substantive"
                    : setBeside(r, c.speaker)
                      ? "out: setBeside"
                      : !example
                        ? "out: response not a candidate (optional-only?)"
                        : "out: other";
        bump(why);
      } else {
        const { best, shares } = bestClaim(example, model.claim);
        const sorted = [...shares].sort((x, y) => y - x);
        const share = shares[inCands] ?? 0;
        const rank = sorted.indexOf(share) + 1;
        const answers = sigmoid(dot(model.response, withTopClaim(example.features, example.claims[best]?.features)));
        const otherGold = example.gold[best] === true;
        const rankClass = rank === 1 || otherGold ? "rank 1" : rank <= 3 ? "rank 2-3" : "rank >3";
        const probClass = answers >= 0.8 ? "p>=.8" : answers >= 0.5 ? "p .5-.8" : answers >= 0.3 ? "p .3-.5" : "p <.3";
        why = `in: ${rankClass}, ${probClass}`;
        bump(why);
        bump(`in: ${rankClass}`);
        bump(`in: ${probClass}`);
        why += ` share ${share.toFixed(2)} answers ${answers.toFixed(2)} cands ${example.claims.length} gap ${ri - ci}`;
      }
      if (values.list) {
        console.log(`${a.name} ${why}`);
        console.log(`   C[${ci} p${c.paragraph}] ${c.speaker}: ${cut(c.text)}`);
        console.log(`   R[${ri} p${r.paragraph}] ${r.speaker}: ${cut(r.sentenceText, 140)}`);
      }
    }
  }
}
for (const [k, n] of [...counts].sort((x, y) => x[0].localeCompare(y[0]))) console.log(`${String(n).padStart(4)}  ${k}`);
