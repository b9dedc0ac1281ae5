// Statement errors on excerpt-keyed dispute gold: every required gold statement no prediction covers
// (with the sentence around it and the nearest prediction) and every prediction no gold statement
// claims, each sorted into a rough class so the largest class is fixed first. Matching is the
// scorer's (one-to-one, 60 % cover of the gold excerpt). Texts are read from --texts (never committed).
// npx tsx bench/statements-report.ts --gold <dir> --texts <dir> [--file <substring>] [--quiet]
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { extract } from "@/lib/extract/index";
import { alignStatements } from "@/lib/extract/pair-model/training";
import { polnearOutlet } from "./polnear";

const { values } = parseArgs({
  options: { gold: { type: "string" }, texts: { type: "string" }, file: { type: "string" }, quiet: { type: "boolean" } },
});
if (!values.gold || !values.texts) throw new Error("--gold <dir> and --texts <dir> are required");

interface TGoldStatement {
  key: string;
  excerpt: string;
  optional?: boolean;
}

const cut = (s: string, n = 110): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, " ");

/** The sentence-ish window around a span: from the paragraph start (at most 200 chars back) to 120 chars on. */
function around(text: string, start: number, end: number): string {
  const from = Math.max(text.lastIndexOf("\n", start - 1) + 1, start - 200);
  const nl = text.indexOf("\n", end);
  const to = Math.min(nl < 0 ? text.length : nl, end + 120);
  return text.slice(from, to);
}

const QUOTE = /["“”]|''/;
const CUE = /\b(?:said|says|say|told|tells|wrote|writes|added|argued|claimed|noted|according to|asked|stated|insisted|explained)\b/i;

/** A rough class for a missed statement, from its context window. */
function missClass(text: string, start: number, end: number, covered: number): string {
  if (covered > 0) return covered >= 0.6 ? "covered but matched to a neighbour" : "covered in part (boundary)";
  const ctx = around(text, start, end);
  if (/according to/i.test(ctx)) return "according to";
  if (QUOTE.test(text.slice(start, end)) || QUOTE.test(text.slice(Math.max(0, start - 2), start))) return CUE.test(ctx) ? "quote with a common cue" : "quote, no common cue";
  return CUE.test(ctx) ? "reported, common cue nearby" : "no common cue";
}

const classes = new Map<string, string[]>();
let missed = 0;
let falsePositives = 0;
for (const file of readdirSync(values.gold).filter((f) => f.endsWith(".json")).sort()) {
  if (values.file && !file.includes(values.file)) continue;
  const gold = JSON.parse(readFileSync(path.join(values.gold, file), "utf8")) as { input: string; documents: { statements: TGoldStatement[] }[]; not_statements?: string[] };
  const text = readFileSync(path.join(values.texts, gold.input), "utf8");
  const out = extract(text, { outlet: polnearOutlet(path.basename(gold.input)) });
  const statements = out.documents.flatMap((d) => d.statements);
  const golds = gold.documents.flatMap((d) => d.statements);
  const keys = alignStatements(
    text,
    statements.map((s) => s.span),
    golds,
  );
  const name = file.replace(/\.json$/, "").slice(0, 40);
  const taken = new Set(keys.filter(Boolean));
  for (const g of golds) {
    if (g.optional || taken.has(g.key)) continue;
    const start = text.indexOf(g.excerpt);
    if (start < 0) continue;
    const end = start + g.excerpt.length;
    let covered = 0;
    for (const st of statements) covered = Math.max(covered, (Math.min(st.span.end, end) - Math.max(st.span.start, start)) / (end - start));
    missed += 1;
    const cls = `miss: ${missClass(text, start, end, covered)}`;
    classes.set(cls, [...(classes.get(cls) ?? []), `${name} ${g.key}: "${cut(g.excerpt, 90)}"\n      … ${cut(around(text, start, end), 360)}`]);
  }
  statements.forEach((st, i) => {
    if (keys[i]) return;
    const optional = golds.some((g) => {
      const at = text.indexOf(g.excerpt);
      return g.optional && at >= 0 && Math.min(st.span.end, at + g.excerpt.length) - Math.max(st.span.start, at) > 0;
    });
    if (optional) return;
    falsePositives += 1;
    const body = text.slice(st.span.start, st.span.end);
    const cls = `fp: ${st.mode}${st.cue ? "" : " (no cue)"}`;
    const cue = st.cue ? text.slice(st.cue.start, st.cue.end) : "-";
    classes.set(cls, [...(classes.get(cls) ?? []), `${name} cue ${cue}: "${cut(body, 120)}"\n      … ${cut(around(text, st.span.start, st.span.end), 300)}`]);
  });
}
for (const [cls, lines] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n## ${cls} (${lines.length})`);
  if (!values.quiet) for (const l of lines) console.log(`  ${l}`);
}
console.log(`\nmissed ${missed} required gold statements; ${falsePositives} predictions match no gold statement (optional ones excluded)`);
