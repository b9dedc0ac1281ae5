// Per-article report of pair errors on excerpt-keyed dispute gold: each predicted pair (rule or
// learned) marked right or wrong with both statements' speakers and words, and each required gold
// pair with what the engine found of its two ends. Ends with a table of why gold pairs were missed
// and why false pairs were wrong, so a change to statements, speakers or pairs can be aimed at the
// largest class.
// npx tsx bench/pairs-report.ts --gold <dir> --texts <dir> [--cache F] [--quiet]
// --cache F: the engine's aligned statements (bench/pairs-transfer.ts writes the same file).
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { findPairs, type TPairCandidate } from "@/lib/extract/pairs";
import { alignArticles, type TAlignedArticle } from "@/lib/extract/pair-model/training";

const { values } = parseArgs({ options: { gold: { type: "string" }, texts: { type: "string" }, cache: { type: "string" }, quiet: { type: "boolean" } } });
if (!values.gold || !values.texts) throw new Error("--gold <dir> and --texts <dir> are required");
const goldDir = values.gold;
const say = (line: string): void => {
  if (!values.quiet) console.log(line);
};
const cut = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, " ");

function aligned(): TAlignedArticle[] {
  if (values.cache && existsSync(values.cache)) return JSON.parse(readFileSync(values.cache, "utf8")) as TAlignedArticle[];
  const out = alignArticles(goldDir, values.texts ?? "");
  if (values.cache) writeFileSync(values.cache, JSON.stringify(out));
  return out;
}

interface TGoldStatement {
  key: string;
  speaker: string;
  excerpt: string;
}
function goldStatements(name: string): Map<string, TGoldStatement> {
  const gold = JSON.parse(readFileSync(path.join(goldDir, `${name}.json`), "utf8")) as { documents: { statements: TGoldStatement[] }[] };
  return new Map(gold.documents.flatMap((d) => d.statements.map((s) => [s.key, s] as const)));
}

/** Why a required gold pair was not predicted, from what the engine found of its two ends. */
type TMiss =
  | "claim and response missing"
  | "claim missing"
  | "response missing"
  | "found, reversed"
  | "found, same speaker on both"
  | "found, a speaker missing"
  | "found, response paired to another claim"
  | "found, not linked";
/** Why a predicted pair is not a gold one. */
type TFalse =
  | "reverse of a gold pair"
  | "response not a gold statement"
  | "claim not a gold statement"
  | "gold response, wrong claim"
  | "gold statements, no gold pair";

const misses = new Map<TMiss, number>();
const falses = new Map<string, number>();
const bump = <K>(m: Map<K, number>, k: K): void => {
  m.set(k, (m.get(k) ?? 0) + 1);
};
let right = 0;
let wrong = 0;
let requiredTotal = 0;
const goldFiles = new Set(readdirSync(goldDir).filter((f) => f.endsWith(".json")).map((f) => f.replace(/\.json$/, "")));
for (const article of aligned().filter((a) => goldFiles.has(a.name))) {
  const { items, keys, goldPairs } = article;
  const byKey = goldStatements(article.name);
  const idx = new Map(items.map((c, i) => [c.id, i]));
  const required = goldPairs.filter((g) => !g.optional);
  requiredTotal += required.length;
  say(`\n=== ${article.name} (${items.length} statements, ${required.length} required pairs)`);
  const found = findPairs(items).map((p) => ({ ...p, c: idx.get(p.claimId) ?? -1, r: idx.get(p.responseId) ?? -1 }));
  const matches = (g: (typeof goldPairs)[number], c: number, r: number): boolean => {
    const kc = keys[c];
    const kr = keys[r];
    return !!kc && !!kr && g.claims.includes(kc) && g.responses.includes(kr);
  };
  for (const p of found) {
    const kc = keys[p.c] ?? null;
    const kr = keys[p.r] ?? null;
    const hit = goldPairs.find((g) => matches(g, p.c, p.r));
    const ok = hit ? (hit.optional ? "OPT" : hit.relations.includes(p.relation) ? "OK " : "REL") : "BAD";
    if (ok === "BAD") {
      wrong += 1;
      const why: TFalse = goldPairs.some((g) => matches(g, p.r, p.c))
        ? "reverse of a gold pair"
        : !kr
          ? "response not a gold statement"
          : !kc
            ? "claim not a gold statement"
            : goldPairs.some((g) => g.responses.includes(kr))
              ? "gold response, wrong claim"
              : "gold statements, no gold pair";
      bump(falses, `${why} (${p.source})`);
      bump(falses, why);
    } else if (ok !== "OPT") right += 1;
    const c = items[p.c];
    const r = items[p.r];
    say(`  ${ok} ${p.relation} ${p.source} conf=${p.confidence} [${kc ?? "-"}→${kr ?? "-"}]`);
    say(`      C ${c?.speaker ?? "?"}: ${cut(c?.text ?? "")}`);
    say(`      R ${r?.speaker ?? "?"} cue=${r?.responseCue?.text ?? "-"}: ${cut(r?.sentenceText ?? "", 160)}`);
  }
  for (const g of required) {
    if (found.some((p) => matches(g, p.c, p.r))) continue;
    const ci = keys.findIndex((k) => k !== null && g.claims.includes(k));
    const ri = keys.findIndex((k) => k !== null && g.responses.includes(k));
    const speakerOf = (i: number): string | null => items[i]?.speaker ?? null;
    const why: TMiss =
      ci < 0 && ri < 0
        ? "claim and response missing"
        : ci < 0
          ? "claim missing"
          : ri < 0
            ? "response missing"
            : found.some((p) => matches(g, p.r, p.c))
              ? "found, reversed"
              : !speakerOf(ci) || !speakerOf(ri)
                ? "found, a speaker missing"
                : speakerOf(ci) === speakerOf(ri)
                  ? "found, same speaker on both"
                  : found.some((p) => p.r === ri)
                    ? "found, response paired to another claim"
                    : "found, not linked";
    bump(misses, why);
    const gc = byKey.get(g.claims[0] ?? "");
    const gr = byKey.get(g.responses[0] ?? "");
    const end = (i: number, item: TPairCandidate | undefined): string => (i < 0 ? "MISSING" : `found(${item?.speaker ?? "none"})`);
    say(`  MISS ${why}: ${g.relations[0]} ${g.claims[0]}→${g.responses[0]}  claim ${end(ci, items[ci])}  response ${end(ri, items[ri])}`);
    say(`      C ${gc?.speaker}: ${cut(gc?.excerpt ?? "")}`);
    say(`      R ${gr?.speaker}: ${cut(gr?.excerpt ?? "")}${ri >= 0 ? `  [cue=${items[ri]?.responseCue?.text ?? "-"}]` : ""}`);
  }
}
console.log(`\npredicted right ${right}, wrong ${wrong}; required gold pairs ${requiredTotal}`);
console.log("missed required gold pairs:");
for (const [k, n] of [...misses].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
console.log("false pairs (by class, then by class and source):");
for (const [k, n] of [...falses].sort((a, b) => Number(a[0].includes("(")) - Number(b[0].includes("(")) || b[1] - a[1])) console.log(`  ${String(n).padStart(4)}  ${k}`);
