// Prints one annotator's gold file as extraction JSON (each statement's span is the sentence around
// its excerpt), so the project's scorer can measure agreement between two annotators:
//   EXTRACT_CMD="node bench/annotation-as-extraction.mjs <annotator B dir> {file} [--required]" \
//     node ../shared/eval/score.mjs gold --project . --gold <annotator A dir> --texts <root>
import fs from "node:fs"; import path from "node:path";
const [dir, file, flag] = process.argv.slice(2);
const text = fs.readFileSync(file, "utf8");
const g = JSON.parse(fs.readFileSync(path.join(dir, path.basename(file, ".txt") + ".json"), "utf8"));
const onlyRequired = flag === "--required";
function sentenceAround(start, end) {
  let s = start; while (s > 0 && !/[.!?\n]/.test(text[s - 1])) s--;
  let e = end; while (e < text.length && !/[.!?\n]/.test(text[e])) e++;
  while (s < start && /\s/.test(text[s])) s++;
  return { start: s, end: Math.min(text.length, e + 1) };
}
const documents = g.documents.map((d, di) => {
  const speakers = d.speakers.map((s, i) => ({ id: `d${di}sp${i}`, name: s.name, role: s.role, country: s.country, kind: s.kind, mentions: [] }));
  const idOf = new Map(d.speakers.map((s, i) => [s.name, `d${di}sp${i}`]));
  const statements = d.statements.filter((s) => !onlyRequired || !s.optional).map((s) => {
    const at = text.indexOf(s.excerpt);
    const span = sentenceAround(at, at + s.excerpt.length);
    return { id: s.key, speakerId: idOf.get(s.speaker), mode: s.mode, text: text.slice(span.start, span.end), span, cue: null, source: null };
  });
  const keys = new Set(statements.map((s) => s.id));
  const pairs = d.pairs.filter((p) => (!onlyRequired || !p.optional) && keys.has(p.claim) && keys.has(p.response))
    .map((p) => ({ claimId: p.claim, responseId: p.response, relation: p.relation }));
  return { span: { start: 0, end: text.length }, kind: d.kind, title: d.title, outlet: d.outlet, author: null, publishedAt: null,
    speakers, statements, pairs, countries: (d.countries ?? []).map((code) => ({ code, mentions: [] })) };
});
process.stdout.write(JSON.stringify({ version: 1, documents }));
