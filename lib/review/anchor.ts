// Where a correction points in an article's text: offsets, the quoted words and a little context
// either side. Re-extraction may shift spans or an updated article may move its words; the words
// (then the context, then the nearest place) find the spot again, or say it is gone.
import { z } from "zod";

const CONTEXT_CHARS = 32;

export const ZAnchor = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string().min(1),
  before: z.string(),
  after: z.string(),
});
export type TAnchor = z.infer<typeof ZAnchor>;

export type TSpanAt = { start: number; end: number };

export function makeAnchor(text: string, start: number, end: number): TAnchor {
  return {
    start,
    end,
    quote: text.slice(start, end),
    before: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    after: text.slice(end, end + CONTEXT_CHARS),
  };
}

function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/** The anchor's place in `text`: its offsets if the words are still there, else the best-matching occurrence of its words; null when they are gone. */
export function locateAnchor(text: string, anchor: TAnchor): TSpanAt | null {
  if (text.slice(anchor.start, anchor.end) === anchor.quote) return { start: anchor.start, end: anchor.end };
  let best: { start: number; score: number; distance: number } | null = null;
  for (let at = text.indexOf(anchor.quote); at !== -1; at = text.indexOf(anchor.quote, at + 1)) {
    const end = at + anchor.quote.length;
    const score =
      commonSuffixLength(text.slice(Math.max(0, at - anchor.before.length), at), anchor.before) +
      commonPrefixLength(text.slice(end, end + anchor.after.length), anchor.after);
    const distance = Math.abs(at - anchor.start);
    if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { start: at, score, distance };
  }
  return best ? { start: best.start, end: best.start + anchor.quote.length } : null;
}

/** The span among `spans` that covers the most of `place`, if it covers at least half of it (or of itself). */
export function bestOverlap<T extends TSpanAt>(spans: readonly T[], place: TSpanAt): T | null {
  let best: { span: T; overlap: number } | null = null;
  for (const span of spans) {
    const overlap = Math.min(span.end, place.end) - Math.max(span.start, place.start);
    if (overlap <= 0) continue;
    const needed = Math.min(place.end - place.start, span.end - span.start) / 2;
    if (overlap >= needed && (!best || overlap > best.overlap)) best = { span, overlap };
  }
  return best?.span ?? null;
}
