// Speaker errors on excerpt-keyed dispute gold: for each gold statement the engine found, whether it
// named the gold speaker; when not, the gold excerpt, the gold speaker, ours, the source mention we
// attributed it to, and the sentence around it, grouped by a rough error class so the largest classes
// show first. Texts are read from --texts (never committed).
// npx tsx bench/speakers-report.ts --gold <dir> --texts <dir> [--file <substring>] [--quiet]
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { extract } from "@/lib/extract/index";
import { alignStatements } from "@/lib/extract/pair-model/training";

const { values } = parseArgs({
  options: { gold: { type: "string" }, texts: { type: "string" }, file: { type: "string" }, quiet: { type: "boolean" } },
});
if (!values.gold || !values.texts) throw new Error("--gold <dir> and --texts <dir> are required");

interface TGoldStatement {
  key: string;
  speaker: string;
  alternatives_speaker?: string[];
  excerpt: string;
  optional?: boolean;
}

const TITLE_WORDS = new Set(["mr", "mrs", "ms", "dr", "sen", "rep", "gov", "president", "senator", "the", "adm", "gen"]);
/** Lowercase name words without titles, possessives, party tags or suffixes: "Sen. Ted Cruz (R-Texas)" → ted cruz. */
function nameWords(name: string): string[] {
  return name
    .replace(/\([^)]*\)/g, " ")
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !TITLE_WORDS.has(w) && !/^(?:jr|sr|ii|iii)$/.test(w) && !/^\p{L}$/u.test(w));
}

/** Same speaker: equal words, or the same last word with no conflicting first word (one word is a surname). */
function sameSpeaker(a: string, b: string): boolean {
  const A = nameWords(a);
  const B = nameWords(b);
  if (!A.length || !B.length) return false;
  if (A.join(" ") === B.join(" ")) return true;
  if (A[A.length - 1] !== B[B.length - 1]) return false;
  return A.length === 1 || B.length === 1 || A[0] === B[0];
}

const PRONOUN = /^(?:he|she|they|it|his|her|we|i)$/i;
const DESCRIPTOR = /^(?:the|a|an|one)\s/i;
const BODY = /\b(?:campaign|government|house|administration|ministry|department|committee|party|post|times|journal|news|agency)\b/i;

/** A rough class for one wrong speaker, from what we named and what the source mention was. */
function errorClass(gold: string, ours: string | null, source: string | null): string {
  if (!ours) return "no speaker";
  if (source && PRONOUN.test(source.trim())) return "pronoun to the wrong person";
  if (DESCRIPTOR.test(ours)) return "descriptor left unresolved (the admiral, a supporter)";
  if (BODY.test(gold) !== BODY.test(ours)) return "body vs person";
  if (nameWords(ours).length > 4) return "clause taken for a name";
  return "another named person or place";
}

const cut = (s: string, n = 110): string => (s.length > n ? `${s.slice(0, n)}…` : s).replace(/\s+/g, " ");
const classes = new Map<string, string[]>();
let matched = 0;
let right = 0;
for (const file of readdirSync(values.gold).filter((f) => f.endsWith(".json")).sort()) {
  if (values.file && !file.includes(values.file)) continue;
  const gold = JSON.parse(readFileSync(path.join(values.gold, file), "utf8")) as { input: string; documents: { statements: TGoldStatement[] }[] };
  const text = readFileSync(path.join(values.texts, gold.input), "utf8");
  const out = extract(text);
  const statements = out.documents.flatMap((d) => d.statements);
  const speakerName = new Map(out.documents.flatMap((d) => d.speakers.map((s) => [s.id, s.name] as const)));
  const golds = gold.documents.flatMap((d) => d.statements);
  const keys = alignStatements(
    text,
    statements.map((s) => s.span),
    golds,
  );
  const byKey = new Map(golds.map((g) => [g.key, g]));
  statements.forEach((st, i) => {
    const g = byKey.get(keys[i] ?? "");
    if (!g) return;
    matched += 1;
    const ours = st.speakerId ? (speakerName.get(st.speakerId) ?? null) : null;
    const names = [g.speaker, ...(g.alternatives_speaker ?? [])];
    if (ours && names.some((n) => sameSpeaker(ours, n))) {
      right += 1;
      return;
    }
    const source = st.source ? text.slice(st.source.start, st.source.end) : null;
    const from = Math.max(0, text.lastIndexOf("\n", st.span.start - 1) + 1);
    const sentence = text.slice(Math.max(from, st.span.start - 160), Math.min(text.length, st.span.end + 100));
    const line = `${file.replace(/\.json$/, "")} ${g.key}: gold ${g.speaker} | ours ${ours ?? "none"} | source ${source ?? "-"}\n      "${cut(g.excerpt, 80)}"\n      … ${cut(sentence, 260)}`;
    const cls = errorClass(g.speaker, ours, source);
    classes.set(cls, [...(classes.get(cls) ?? []), line]);
  });
}
for (const [cls, lines] of [...classes].sort((a, b) => b[1].length - a[1].length)) {
  console.log(`\n## ${cls} (${lines.length})`);
  if (!values.quiet) for (const l of lines) console.log(`  ${l}`);
}
console.log(`\nspeaker right on ${right} of ${matched} matched gold statements (${matched ? (right / matched).toFixed(2) : "-"})`);
