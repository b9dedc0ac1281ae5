// Why direct quotes are missed on PolNeAR: scores the rule engine in-process the way the shared
// scorer does for "direct" (gold content holding a quote mark; one-to-one greedy match by coverage of
// the gold; pieces of a split gold merged) and sorts every miss and every unmatched direct/mixed
// statement into a class, so the largest class is fixed first.
// npx tsx bench/quotes-report.ts --polnear <train.jsonl> [--slice dev|train] [--class NAME] [--limit N]
// Refuses the held-out fold: its articles are scored only in aggregate, by eval:extract.
import { parseArgs } from "node:util";
import { extract } from "@/lib/extract/index";
import type { TSpan, TStatement } from "@/lib/extract/types";
import { unionOfSpans } from "./span-union";
import { loadPolnear, sliceRecords, type TPolnearRecord } from "./polnear";

const { values } = parseArgs({
  options: { polnear: { type: "string" }, slice: { type: "string", default: "dev" }, class: { type: "string" }, limit: { type: "string", default: "12" }, context: { type: "boolean" } },
});
if (!values.polnear) throw new Error("--polnear <train.jsonl> is required");
if (values.slice !== "dev" && values.slice !== "train") throw new Error("--slice must be dev or train (the held-out fold is scored only in aggregate)");
const limit = Number(values.limit);

const QUOTE_MARK = /["“”]/;

const length = (spans: readonly TSpan[]): number => spans.reduce((n, s) => n + s.end - s.start, 0);
const overlap = (a: TSpan, b: TSpan): number => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
const overlapMany = (a: readonly TSpan[], b: readonly TSpan[]): number => a.reduce((n, x) => n + b.reduce((m, y) => m + overlap(x, y), 0), 0);

interface TGold {
  id: string;
  content: TSpan[];
  len: number;
  direct: boolean;
}

interface TFinding {
  cls: string;
  article: string;
  line: string;
}

function short(text: string, n = 160): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > n ? `${flat.slice(0, n)}…` : flat;
}

/** The class of a gold direct quote we miss, from what its content looks like and what we predicted. */
function missClass(text: string, g: TGold, matched: TStatement | undefined, overlapping: readonly TStatement[]): string {
  const content = text.slice(g.content[0]?.start ?? 0, g.content[g.content.length - 1]?.end ?? 0);
  const startsInQuote = /^["“”]/.test(text.slice(g.content[0]?.start ?? 0).trimStart()) || /["“]\s*$/.test(text.slice(Math.max(0, (g.content[0]?.start ?? 0) - 2), g.content[0]?.start ?? 0));
  const shape = g.content.length > 1 ? "split" : /\n/.test(content) ? "paragraphs" : startsInQuote ? "quote" : "mixed";
  if (!overlapping.length) return `none/${shape}`;
  if (!matched) return `taken/${shape}`;
  const p = matched.span;
  const spill = length(unionOfSpans([p])) - overlapMany([p], g.content);
  return `${spill > 0.5 * g.len ? "wide" : "short"}-${matched.mode}/${shape}`;
}

const records = sliceRecords(loadPolnear(values.polnear), values.slice).filter((r) => r.primary !== false);
const findings: TFinding[] = [];
let tp = 0;
let fn = 0;
let fp = 0;

function scoreArticle(rec: TPolnearRecord): void {
  const text = rec.text;
  const P = extract(text).documents.flatMap((d) => d.statements);
  const golds: TGold[] = rec.attributions
    .filter((a) => a.content?.length)
    .map((a) => {
      const content = unionOfSpans((a.content ?? []).map((c) => ({ start: c.start, end: c.end })));
      return { id: a.id, content, len: length(content), direct: a.hasQuoteMarks ?? QUOTE_MARK.test((a.content ?? []).map((c) => c.text).join(" ")) };
    })
    .filter((g) => g.len > 0);
  const cands: { pi: number; gi: number; cover: number; common: number }[] = [];
  P.forEach((p, pi) =>
    golds.forEach((g, gi) => {
      const common = overlapMany([p.span], g.content);
      if (common > 0) cands.push({ pi, gi, cover: common / g.len, common });
    }),
  );
  const spanLen = (pi: number): number => (P[pi]?.span.end ?? 0) - (P[pi]?.span.start ?? 0);
  cands.sort((a, b) => b.cover - a.cover || b.common - a.common || spanLen(a.pi) - spanLen(b.pi) || a.pi - b.pi || a.gi - b.gi);
  const group = new Map<number, number[]>();
  const inGroup = new Map<number, number>();
  for (const c of cands) {
    if (inGroup.has(c.pi) || group.has(c.gi)) continue;
    group.set(c.gi, [c.pi]);
    inGroup.set(c.pi, c.gi);
  }
  for (const c of cands) {
    const members = group.get(c.gi);
    if (inGroup.has(c.pi) || !members || (golds[c.gi]?.content.length ?? 0) < 2 || c.common * 2 < spanLen(c.pi)) continue;
    if (members.some((pi) => overlap(P[pi]?.span ?? { start: 0, end: 0 }, P[c.pi]?.span ?? { start: 0, end: 0 }) > 0)) continue;
    members.push(c.pi);
    inGroup.set(c.pi, c.gi);
  }
  golds.forEach((g, gi) => {
    if (!g.direct) return;
    const pis = group.get(gi) ?? [];
    const cover = pis.length ? overlapMany(unionOfSpans(pis.map((pi) => P[pi]?.span ?? { start: 0, end: 0 })), g.content) / g.len : 0;
    if (pis.length && cover >= 0.8) {
      tp += 1;
      return;
    }
    fn += 1;
    fp += pis.length;
    const overlapping = P.filter((p) => overlapMany([p.span], g.content) > 0);
    const matched = pis.length ? P[pis[0] ?? -1] : undefined;
    const gtext = g.content.map((c) => text.slice(c.start, c.end)).join(" … ");
    const first = g.content[0]?.start ?? 0;
    const last = g.content[g.content.length - 1]?.end ?? 0;
    const around = `${text.slice(Math.max(0, first - 120), first)}[[${text.slice(first, last)}]]${text.slice(last, last + 60)}`;
    const ours = overlapping.map((p) => `[${p.mode}${pis.some((pi) => P[pi] === p) ? "" : ",other"}] ${short(p.text, 100)}`).join(" | ");
    findings.push({
      cls: `miss:${missClass(text, g, matched, overlapping)}`,
      article: rec.article,
      line: `cover ${cover.toFixed(2)} gold: ${short(gtext)}\n      ours: ${ours || "-"}${values.context ? `\n      text: ${short(around, 400)}` : ""}`,
    });
  });
  P.forEach((p, pi) => {
    if (inGroup.has(pi) || (p.mode !== "direct" && p.mode !== "mixed")) return;
    fp += 1;
    const touches = golds.some((g) => overlapMany([p.span], g.content) > 0);
    const context = text.slice(Math.max(0, p.span.start - 60), Math.min(text.length, p.span.end + 60));
    const cls = touches ? "dup" : p.speakerId ? (p.cue ? "spoken" : "carried") : "unattributed";
    findings.push({ cls: `extra:${p.mode}/${cls}`, article: rec.article, line: `${short(context, 240)}` });
  });
}

for (const rec of records) scoreArticle(rec);
const f1 = (2 * tp) / (2 * tp + fp + fn);
console.log(`# ${records.length} articles, slice ${values.slice}: direct@0.8 tp ${tp} fp ${fp} fn ${fn} P ${(tp / (tp + fp)).toFixed(3)} R ${(tp / (tp + fn)).toFixed(3)} F1 ${f1.toFixed(3)}`);
const counts = new Map<string, number>();
for (const f of findings) counts.set(f.cls, (counts.get(f.cls) ?? 0) + 1);
for (const [cls, n] of [...counts.entries()].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${cls}`);
const shown = values.class ? findings.filter((f) => f.cls.startsWith(values.class ?? "")) : [];
for (const f of shown.slice(0, limit)) console.log(`\n${f.cls} ${f.article}\n      ${f.line}`);
