// Per-article report of pair errors on excerpt-keyed dispute gold: each predicted pair (rule or
// learned) marked right or wrong with both statements' speakers and words, and each required gold
// pair with what the engine found of its two ends.
// npx tsx bench/pairs-report.ts --gold <dir> --texts <dir>
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { extractStatements } from "@/lib/extract/index";
import { findPairs } from "@/lib/extract/pairs";
import { alignStatements } from "@/lib/extract/pair-model/training";

const { values } = parseArgs({ options: { gold: { type: "string" }, texts: { type: "string" } } });
if (!values.gold || !values.texts) throw new Error("--gold <dir> and --texts <dir> are required");
const goldDir = values.gold;
const textsDir = values.texts;
const cut = (s: string, n = 90): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, " ");
let right = 0;
let wrong = 0;
// Why required gold pairs are out of reach: which end the engine misses, or whose words it thinks they are.
const reach = { bothFound: 0, twoSpeakers: 0, sameSpeaker: 0, speakerMissing: 0, claimMissing: 0, responseMissing: 0 };
for (const file of readdirSync(goldDir).filter((f) => f.endsWith(".json")).sort()) {
  const gold = JSON.parse(readFileSync(path.join(goldDir, file), "utf8")) as {
    input: string;
    documents: { statements: { key: string; speaker: string; excerpt: string; optional?: boolean }[]; pairs: { claim: string; response: string; relation: string; optional?: boolean; alternatives?: string[]; alternatives_claim?: string[] }[] }[];
  };
  const text = readFileSync(path.join(textsDir, gold.input), "utf8");
  const { extraction, candidates } = extractStatements(text);
  const spans = extraction.documents.flatMap((d) => d.statements.map((s) => s.span));
  const gs = gold.documents.flatMap((d) => d.statements);
  const keys = alignStatements(text, spans, gs);
  const gp = gold.documents.flatMap((d) => d.pairs);
  const byKey = new Map(gs.map((g) => [g.key, g]));
  const idx = new Map(candidates.map((c, i) => [c.id, i]));
  console.log(`\n=== ${file} (${candidates.length} statements, ${gp.filter((p) => !p.optional).length} required pairs)`);
  const found = findPairs(candidates);
  for (const p of found) {
    const ci = idx.get(p.claimId) ?? -1;
    const ri = idx.get(p.responseId) ?? -1;
    const kc = keys[ci];
    const kr = keys[ri];
    const hit = gp.find((g) => kc && kr && [g.claim, ...(g.alternatives_claim ?? [])].includes(kc) && g.response === kr);
    const ok = hit ? (hit.optional ? "OPT" : [hit.relation, ...(hit.alternatives ?? [])].includes(p.relation) ? "OK " : "REL") : "BAD";
    if (ok === "BAD") wrong += 1;
    else if (ok !== "OPT") right += 1;
    const c = candidates[ci];
    const r = candidates[ri];
    console.log(`  ${ok} ${p.relation} conf=${p.confidence} [${kc ?? "-"}→${kr ?? "-"}]`);
    console.log(`      C ${c?.speaker ?? "?"}: ${cut(c?.text ?? "")}`);
    console.log(`      R ${r?.speaker ?? "?"} cue=${r?.responseCue?.text ?? "-"}: ${cut(r?.sentenceText ?? "", 160)}`);
  }
  for (const g of gp.filter((x) => !x.optional)) {
    const claims = [g.claim, ...(g.alternatives_claim ?? [])];
    const ci = keys.findIndex((k) => k !== null && claims.includes(k));
    const ri = keys.indexOf(g.response);
    const gc = byKey.get(g.claim);
    const gr = byKey.get(g.response);
    if (ci < 0) reach.claimMissing += 1;
    if (ri < 0) reach.responseMissing += 1;
    if (ci >= 0 && ri >= 0) {
      reach.bothFound += 1;
      const cs = candidates[ci]?.speaker ?? null;
      const rs = candidates[ri]?.speaker ?? null;
      if (!cs || !rs) reach.speakerMissing += 1;
      else if (cs === rs) reach.sameSpeaker += 1;
      else reach.twoSpeakers += 1;
    }
    console.log(`  GOLD ${g.relation} ${g.claim}→${g.response}  claim ${ci >= 0 ? `found(${candidates[ci]?.speaker ?? "none"})` : "MISSING"}  response ${ri >= 0 ? `found(${candidates[ri]?.speaker ?? "none"})` : "MISSING"}`);
    console.log(`      C ${gc?.speaker}: ${cut(gc?.excerpt ?? "")}`);
    console.log(`      R ${gr?.speaker}: ${cut(gr?.excerpt ?? "")}`);
  }
}
console.log(`\npredicted right ${right}, wrong ${wrong}`);
console.log(
  `required gold pairs: both ends found ${reach.bothFound} (two speakers ${reach.twoSpeakers}, same speaker ${reach.sameSpeaker}, a speaker missing ${reach.speakerMissing}); claim missing ${reach.claimMissing}, response missing ${reach.responseMissing}`,
);
