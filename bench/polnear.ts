// PolNeAR train records (JSONL from ../shared/eval/polnear_to_jsonl.py) and the fixed, seeded split
// by article that every training run and every reported figure uses: fold 0 is the held-out slice.
import { readFileSync } from "node:fs";
import { z } from "zod";

const ZPiece = z.object({ start: z.number().int(), end: z.number().int(), text: z.string() });
const ZAttribution = z.object({
  id: z.string(),
  source: z.array(ZPiece).nullish(),
  cue: z.array(ZPiece).nullish(),
  content: z.array(ZPiece).nullish(),
  hasQuoteMarks: z.boolean().nullish(),
});
const ZRecord = z.object({
  article: z.string(),
  annotator: z.string().nullish(),
  primary: z.boolean().nullish(),
  text: z.string(),
  attributions: z.array(ZAttribution),
});
export type TPolnearRecord = z.infer<typeof ZRecord>;
export type TPolnearPiece = z.infer<typeof ZPiece>;

export const FOLDS = 5;
export const FOLD_SEED = "counterpoint-polnear-2026-12-01";
/** Fold 0 is never trained or tuned on; fold 1 is the tuning slice while developing. */
export const HELDOUT_FOLD = 0;
export const DEV_FOLD = 1;

/** FNV-1a over the seed and the article name: the same article lands in the same fold on every machine. */
export function foldOf(article: string, folds = FOLDS, seed = FOLD_SEED): number {
  let h = 0x811c9dc5;
  const s = `${seed}:${article}`;
  for (let i = 0; i < s.length; i += 1) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % folds;
}

/** PolNeAR offsets count code points (Python); JavaScript strings index UTF-16 units. */
function toUtf16(text: string): (i: number) => number {
  if (!/[\uD800-\uDFFF]/.test(text)) return (i) => i;
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (i) => map[i] ?? u;
}

function convert(rec: TPolnearRecord): TPolnearRecord {
  const off = toUtf16(rec.text);
  const fix = (p: TPolnearPiece): TPolnearPiece => ({ ...p, start: off(p.start), end: off(p.end) });
  return {
    ...rec,
    attributions: rec.attributions.map((a) => ({
      ...a,
      source: a.source?.map(fix),
      cue: a.cue?.map(fix),
      content: a.content?.map(fix),
    })),
  };
}

export function loadPolnear(path: string): TPolnearRecord[] {
  const lines = readFileSync(path, "utf8").split("\n").filter((l) => l.trim());
  return lines.map((line, i) => {
    const parsed = ZRecord.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${path}:${i + 1}: not a PolNeAR record (${parsed.error.issues[0]?.message ?? "invalid"})`);
    return convert(parsed.data);
  });
}

export type TSlice = "heldout" | "dev" | "train" | "all";

/** Records of one slice: heldout = fold 0, dev = fold 1, train = every fold but 0, all = everything. */
export function sliceRecords<T extends { article: string }>(records: readonly T[], slice: TSlice): T[] {
  if (slice === "all") return [...records];
  if (slice === "train") return records.filter((r) => foldOf(r.article) !== HELDOUT_FOLD);
  const fold = slice === "heldout" ? HELDOUT_FOLD : DEV_FOLD;
  return records.filter((r) => foldOf(r.article) === fold);
}

/** The outlet a PolNeAR file name's prefix names ("wash-post_…" → The Washington Post), as a real ingest passes it. */
const OUTLETS: Record<string, string> = {
  breitbart: "Breitbart",
  "huff-post": "HuffPost",
  nyt: "The New York Times",
  politico: "Politico",
  "usa-today": "USA Today",
  "wash-post": "The Washington Post",
  "west-journal": "Western Journal",
};

export function polnearOutlet(fileName: string): string | undefined {
  return OUTLETS[fileName.split("_")[0] ?? ""];
}
