// Tunes which tagger statements may join the rules (lib/extract/model/statements.ts TTaggerPolicy):
// every policy is scored in-process with the shared scorer's own functions (score.mjs exports
// validate, scorePolnearArticle, scoreGoldFile), so the figures equal `eval:extract` / `score.mjs gold`
// runs of the same engine, at a fraction of their time (no process per article).
// npx tsx bench/tagger-tune.ts --polnear <train.jsonl> --weights <W.json> --scorer <score.mjs>
//   [--gold <dir> --texts <dir>] [--policy '<json>' ...] [--grid] [--skip-presets] [--json-out F]
// Scores rules, the presets and the given policies on PolNeAR fold 1 (tuning slice; never fold 0) and
// on the dispute gold: all of it, and separately its articles of fold 1 (the weights should be
// trained on folds 2–4, `npm run train -- <train.jsonl> --slice dev-train`, for those to be unseen).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";
import { extractWith, type TExtraction } from "@/lib/extract";
import { AttributionTagger, ZModelWeights } from "@/lib/extract/model/model";
import { TAGGER_POLICIES, type TTaggerPolicy } from "@/lib/extract/model/statements";
import { DEV_FOLD, foldOf, polnearOutlet, sliceRecords } from "./polnear";

interface TCounts {
  tp: number;
  fp: number;
  fn: number;
}
interface TScorer {
  validate(out: unknown, text: string): { errors: string[]; pred: unknown };
  scorePolnearArticle(rec: unknown, text: string, pred: unknown, o: { merge: boolean }): { c80: TCounts; c30: TCounts; d80: TCounts; cue: TCounts; src: { ok: number; n: number } };
  scoreGoldFile(gold: unknown, text: string, pred: unknown): { stmt: TCounts; spk: { ok: number; n: number }; detail: { falsePos: string[]; missed: string[] } };
}

const add = (a: TCounts, b: TCounts): void => {
  a.tp += b.tp;
  a.fp += b.fp;
  a.fn += b.fn;
};
const zero = (): TCounts => ({ tp: 0, fp: 0, fn: 0 });
function prf(c: TCounts): string {
  const p = c.tp / Math.max(1, c.tp + c.fp);
  const r = c.tp / Math.max(1, c.tp + c.fn);
  const f = p + r > 0 ? (2 * p * r) / (p + r) : 0;
  return `${f.toFixed(3)} (${p.toFixed(3)}/${r.toFixed(3)}; ${c.tp}/${c.fp}/${c.fn})`;
}

/** The grid the tuning walked: cue rule × indirect × source rule × margin. */
function grid(): TTaggerPolicy[] {
  const out: TTaggerPolicy[] = [];
  for (const cue of ["speech", "reporting", "any"] as const)
    for (const indirect of [false, true])
      for (const source of ["named", "any"] as const)
        for (const minMargin of [0, 2, 5, 10])
          out.push({ scope: "all", cue, indirect, source, minMargin, extend: true, late: true, trimThat: false });
  return out;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      polnear: { type: "string" },
      weights: { type: "string" },
      scorer: { type: "string", default: "../shared/eval/score.mjs" },
      gold: { type: "string" },
      texts: { type: "string" },
      policy: { type: "string", multiple: true },
      grid: { type: "boolean" },
      "skip-presets": { type: "boolean" },
      "json-out": { type: "string" },
      diff: { type: "boolean" },
    },
  });
  if (!values.polnear || !values.weights) throw new Error("usage: tagger-tune --polnear <train.jsonl> --weights <W.json> [--gold <dir> --texts <dir>] [--policy JSON] [--grid]");
  const scorer = (await import(pathToFileURL(path.resolve(values.scorer)).href)) as TScorer;
  const tagger = new AttributionTagger(ZModelWeights.parse(JSON.parse(readFileSync(values.weights, "utf8"))));
  // Raw records: the scorer converts PolNeAR's code-point offsets itself.
  const raw = readFileSync(values.polnear, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { article: string; text: string; primary?: boolean | null });
  const fold1 = sliceRecords(raw, "dev").filter((r) => r.primary !== false);
  const gold =
    values.gold && values.texts
      ? readdirSync(values.gold)
          .filter((f) => f.endsWith(".json"))
          .sort()
          .map((f) => {
            const g = JSON.parse(readFileSync(path.join(values.gold ?? "", f), "utf8")) as { input: string };
            return { g, text: readFileSync(path.join(values.texts ?? "", g.input), "utf8"), fold: foldOf(g.input.replace(/\.txt$/, "")), outlet: polnearOutlet(g.input) };
          })
      : [];

  const variants: { name: string; policy: TTaggerPolicy | null }[] = [{ name: "rules", policy: null }];
  if (!values["skip-presets"]) for (const [name, policy] of Object.entries(TAGGER_POLICIES)) variants.push({ name, policy });
  // --policy takes a preset's name or JSON fields over the "all" preset.
  const presets: Record<string, TTaggerPolicy> = TAGGER_POLICIES;
  for (const p of values.policy ?? [])
    variants.push({ name: p, policy: presets[p] ?? { ...TAGGER_POLICIES.all, ...(JSON.parse(p) as Partial<TTaggerPolicy>) } });
  if (values.grid) for (const p of grid()) variants.push({ name: JSON.stringify(p), policy: p });

  const rows: unknown[] = [];
  // --diff: the gold false positives and misses each policy adds or removes against the rules.
  const base = new Map<string, Set<string>>();
  const changes = (key: string, list: readonly string[], isRules: boolean): string[] => {
    if (isRules) base.set(key, new Set(list));
    const before = base.get(key) ?? new Set<string>();
    return list.filter((x) => !before.has(x));
  };
  for (const v of variants) {
    const t0 = performance.now();
    const run = (text: string, outlet?: string): TExtraction =>
      extractWith(text, outlet ? { outlet } : {}, v.policy ? tagger : null, v.policy ?? "all");
    const c80 = zero();
    const d80 = zero();
    const cue = zero();
    const src = { ok: 0, n: 0 };
    for (const rec of fold1) {
      const { errors, pred } = scorer.validate(run(rec.text), rec.text);
      if (errors.length) throw new Error(`${rec.article}: invalid extraction: ${errors[0]}`);
      const s = scorer.scorePolnearArticle(rec, rec.text, pred, { merge: true });
      add(c80, s.c80);
      add(d80, s.d80);
      add(cue, s.cue);
      src.ok += s.src.ok;
      src.n += s.src.n;
    }
    const stAll = zero();
    const stF1 = zero();
    const spk = { ok: 0, n: 0 };
    for (const { g, text, fold, outlet } of gold) {
      const { pred } = scorer.validate(run(text, outlet), text);
      const s = scorer.scoreGoldFile(g, text, pred);
      if (values.diff) {
        for (const x of changes(`fp:${g.input}`, s.detail.falsePos, !v.policy)) console.log(`  + false positive ${g.input.slice(0, 30)}: ${x}`);
        if (!v.policy) base.set(`fn:${g.input}`, new Set(s.detail.missed));
        const now = new Set(s.detail.missed);
        for (const x of base.get(`fn:${g.input}`) ?? []) if (!now.has(x)) console.log(`  + found ${g.input.slice(0, 30)}: ${x}`);
      }
      add(stAll, s.stmt);
      if (fold === DEV_FOLD) add(stF1, s.stmt);
      spk.ok += s.spk.ok;
      spk.n += s.spk.n;
    }
    const row = {
      name: v.name,
      content80: prf(c80),
      direct80: prf(d80),
      cue: prf(cue),
      source: (src.ok / Math.max(1, src.n)).toFixed(3),
      goldStatements: prf(stAll),
      goldFold1: prf(stF1),
      speaker: (spk.ok / Math.max(1, spk.n)).toFixed(3),
      seconds: ((performance.now() - t0) / 1000).toFixed(1),
    };
    rows.push(row);
    console.log(JSON.stringify(row));
  }
  if (values["json-out"]) writeFileSync(values["json-out"], `${JSON.stringify(rows, null, 1)}\n`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
