// Where content recall is lost on PolNeAR: runs the engine in-process on the tuning fold (never the
// held-out fold 0), matches statements to gold attributions like the shared scorer (one-to-one by
// coverage, split quotes merged), and groups what is missed and what is wrong.
// npx tsx bench/content-report.ts <train.jsonl> [--weights W.json [--scope quoted]] [--limit N] [--show CLASS] [--examples N]
//   --weights runs the model engine with a tagger trained without the tuning fold (npm run train --
//   <train.jsonl> --slice dev-train --out W.json); the committed weights saw that fold. --scope quoted:
//   the hybrid engine (the tagger's quoted additions only).
//   classes of misses: unseen-cue:<cue>, short (a statement covers < 80%), and of false positives: fp
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { extractWith } from "@/lib/extract";
import { AttributionTagger, ZModelWeights } from "@/lib/extract/model/model";
import { SPEECH_VERBS } from "@/lib/extract/lexicon";
import type { TSpan } from "@/lib/extract/types";
import { unionOfSpans } from "./span-union";
import { loadPolnear, sliceRecords, type TPolnearRecord } from "./polnear";

interface TGold {
  content: TSpan[];
  len: number;
  cue: string;
  quoted: boolean;
  text: string;
}

function common(a: TSpan, bs: readonly TSpan[]): number {
  return bs.reduce((n, b) => n + Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start)), 0);
}

function goldOf(rec: TPolnearRecord): TGold[] {
  return rec.attributions
    .filter((a) => (a.content ?? []).length > 0)
    .map((a) => {
      const content = unionOfSpans(a.content ?? []);
      const text = (a.content ?? []).map((c) => c.text).join(" … ");
      return {
        content,
        len: content.reduce((n, c) => n + c.end - c.start, 0),
        cue: (a.cue ?? []).map((c) => c.text.toLowerCase()).join(" "),
        quoted: a.hasQuoteMarks ?? /["“”]/.test(text),
        text,
      };
    })
    .filter((g) => g.len > 0);
}

interface TMatch {
  cover: Map<number, number>;
  loose: number[];
}

/** One-to-one greedy matching by coverage; leftover pieces inside a split gold join its match. */
function match(gold: readonly TGold[], pred: readonly TSpan[]): TMatch {
  const cands: { pi: number; gi: number; cover: number; n: number }[] = [];
  pred.forEach((p, pi) =>
    gold.forEach((g, gi) => {
      const n = common(p, g.content);
      if (n > 0) cands.push({ pi, gi, cover: n / g.len, n });
    }),
  );
  cands.sort((a, b) => b.cover - a.cover || b.n - a.n);
  const group = new Map<number, number[]>();
  const taken = new Set<number>();
  for (const c of cands) {
    if (taken.has(c.pi) || group.has(c.gi)) continue;
    group.set(c.gi, [c.pi]);
    taken.add(c.pi);
  }
  for (const c of cands) {
    const pis = group.get(c.gi);
    const p = pred[c.pi];
    if (taken.has(c.pi) || !pis || !p || (gold[c.gi]?.content.length ?? 0) < 2 || c.n * 2 < p.end - p.start) continue;
    if (pis.some((k) => common(p, [pred[k] ?? p]) > 0)) continue;
    pis.push(c.pi);
    taken.add(c.pi);
  }
  const cover = new Map<number, number>();
  for (const [gi, pis] of group) {
    const g = gold[gi];
    if (!g) continue;
    const merged = unionOfSpans(pis.map((k) => pred[k]).filter((s): s is TSpan => !!s));
    cover.set(gi, merged.reduce((n, s) => n + common(s, g.content), 0) / g.len);
  }
  return { cover, loose: pred.map((_p, k) => k).filter((k) => !taken.has(k)) };
}

const CUE_FILLER = /^(?:has|have|had|is|are|was|were|be|been|being|will|would|could|should|may|might|can|did|does|do|also|not|to|of|for|about|on|in|with|as|at|by|from|against|out|over|up|into|the|a|an|that|it|this|his|her|their|its|who|which|n't|never|still|already|just|even|so|more|most|very|publicly|repeatedly|previously|\w+ly)$/;

/** The cue's head word as a lexicon would list it: "has repeatedly said" → said. */
function cueHead(cue: string): string {
  const words = cue.match(/[a-z’']+/g) ?? [];
  return words.find((w) => SPEECH_VERBS.has(w)) ?? words.find((w) => !CUE_FILLER.test(w)) ?? words[0] ?? "(none)";
}

function main(): void {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { weights: { type: "string" }, scope: { type: "string" }, limit: { type: "string" }, show: { type: "string" }, examples: { type: "string" } },
  });
  const data = positionals[0];
  if (!data) throw new Error("usage: content-report <train.jsonl> [--weights W.json] [--limit N] [--show CLASS] [--examples N]");
  const opts = new Map(Object.entries(values));
  const weights = opts.get("weights");
  const tagger = weights ? new AttributionTagger(ZModelWeights.parse(JSON.parse(readFileSync(weights, "utf8")))) : null;
  const scope = opts.get("scope") === "quoted" ? "quoted" : "all";
  const engine = weights ? `${scope === "quoted" ? "hybrid" : "model"} (${weights})` : "rules";
  const limit = Number(opts.get("limit") ?? 0);
  const show = opts.get("show");
  const examples = Number(opts.get("examples") ?? 25);
  let records = sliceRecords(loadPolnear(data), "dev").filter((r) => r.primary !== false);
  if (limit > 0) records = records.slice(0, limit);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  const classes = new Map<string, string[]>();
  const add = (k: string, s: string): void => void classes.set(k, [...(classes.get(k) ?? []), s]);
  const t0 = performance.now();
  for (const rec of records) {
    const statements = extractWith(rec.text, {}, tagger, scope).documents.flatMap((d) => d.statements);
    const gold = goldOf(rec);
    const { cover, loose } = match(gold, statements.map((s) => s.span));
    gold.forEach((g, gi) => {
      const c = cover.get(gi);
      if (c !== undefined && c >= 0.8) return (tp += 1);
      fn += 1;
      const kind = g.quoted ? "quoted" : "plain";
      if (c !== undefined) {
        // Which predicted piece fell short, and where: the gold span against the best statement.
        const best = statements.filter((s) => common(s.span, g.content) > 0).map((s) => s.text);
        add(`short:${kind}`, `${c.toFixed(2)} gold «${g.text.slice(0, 160)}» pred «${(best[0] ?? "").slice(0, 160)}»`);
        if (c !== undefined) fp += 1;
      } else if (statements.some((st) => common(st.span, g.content) > 0)) {
        // A statement overlaps it but was matched to another attribution: two claims read as one.
        const st = statements.find((x) => common(x.span, g.content) > 0);
        add(`taken:${kind}`, `gold «${g.text.slice(0, 120)}» pred «${st?.text.slice(0, 200) ?? ""}»`);
      } else {
        const at = g.content[0]?.start ?? 0;
        const before = rec.text.slice(Math.max(0, at - 120), at).replace(/\s+/g, " ");
        add(`unseen:${SPEECH_VERBS.has(cueHead(g.cue)) ? "lexicon" : "other"}:${kind}:${cueHead(g.cue)}`, `[${g.cue}] …${before}⟦${g.text.slice(0, 140)}⟧`);
      }
      return undefined;
    });
    // The tagger's own additions (spans the rules alone do not give), right or wrong, by cue word.
    const ruleSpans = tagger ? new Set(extractWith(rec.text, {}, null).documents.flatMap((d) => d.statements.map((st) => `${st.span.start}:${st.span.end}`))) : null;
    statements.forEach((st, k) => {
      if (!ruleSpans || ruleSpans.has(`${st.span.start}:${st.span.end}`)) return;
      const gi = [...cover.keys()].find((g) => (cover.get(g) ?? 0) >= 0.8 && common(st.span, gold[g]?.content ?? []) > 0);
      const ok = gi !== undefined && !loose.includes(k);
      add(`tagger:${cueHead(st.cue?.text.toLowerCase() ?? "")}:${ok ? "tp" : "fp"}`, st.text.slice(0, 100));
    });
    fp += loose.length;
    for (const k of loose) add(`fp:${statements[k]?.mode}`, `[${statements[k]?.cue?.text ?? "-"}] ${statements[k]?.text.slice(0, 160) ?? ""}`);
  }
  const ms = performance.now() - t0;
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  console.log(`${records.length} articles (dev fold), engine ${engine}: content@0.8 P=${p.toFixed(3)} R=${r.toFixed(3)} F1=${((2 * p * r) / Math.max(1e-9, p + r)).toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn}), ${(ms / records.length).toFixed(1)} ms/article`);
  // Totals per broad class, then the biggest fine classes.
  const broad = new Map<string, number>();
  for (const [k, v] of classes) {
    const b = k.split(":").slice(0, k.startsWith("unseen") ? 3 : 2).join(":");
    broad.set(b, (broad.get(b) ?? 0) + v.length);
  }
  for (const [k, n] of [...broad].sort((a, b) => b[1] - a[1])) console.log(`${String(n).padStart(5)}  ${k}`);
  console.log("");
  const cues = new Map<string, [number, number]>();
  for (const [k, v] of classes) {
    const [kind, cue, verdict] = k.split(":");
    if (kind !== "tagger" || !cue) continue;
    const c = cues.get(cue) ?? [0, 0];
    c[verdict === "tp" ? 0 : 1] += v.length;
    cues.set(cue, c);
  }
  const tagged = [...cues].sort((a, b) => b[1][0] + b[1][1] - a[1][0] - a[1][1]);
  if (tagged.length) console.log(`tagger additions by cue (tp/fp): ${tagged.slice(0, 50).map(([c, [t, f]]) => `${c} ${t}/${f}`).join(", ")}\n`);
  const fine = [...classes].filter(([k]) => k.startsWith("unseen")).sort((a, b) => b[1].length - a[1].length);
  for (const [k, v] of fine.slice(0, 40)) console.log(`${String(v.length).padStart(5)}  ${k}`);
  if (show) {
    console.log("");
    for (const [k, v] of classes) if (k.startsWith(show)) for (const s of v.slice(0, examples)) console.log(`${k}  ${s}`);
  }
}

main();
