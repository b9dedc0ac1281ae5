// Turns the tagger's spans of one paragraph into attributions: each content span with the cue
// nearest to it, and the source nearest to that cue (or to the content when no cue was tagged).
import type { TSpan } from "../types";
import type { TTaggedSpan } from "./model";

export interface TAttribution {
  content: TSpan;
  cue: TSpan | null;
  source: TSpan | null;
  /** The tagger's margin for the content span (TTaggedSpan.margin). */
  margin?: number;
}

function gap(a: TSpan, b: TSpan): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function nearest(to: TSpan, candidates: readonly TTaggedSpan[]): TTaggedSpan | null {
  let best: TTaggedSpan | null = null;
  for (const c of candidates) if (!best || gap(to, c) < gap(to, best)) best = c;
  return best;
}

export function linkAttributions(spans: readonly TTaggedSpan[]): TAttribution[] {
  const cues = spans.filter((s) => s.kind === "cue");
  const sources = spans.filter((s) => s.kind === "source");
  const out: TAttribution[] = [];
  for (const content of spans) {
    if (content.kind !== "content") continue;
    const cue = nearest(content, cues);
    const source = nearest(cue ?? content, sources);
    out.push({
      content: { start: content.start, end: content.end },
      cue: cue ? { start: cue.start, end: cue.end } : null,
      source: source ? { start: source.start, end: source.end } : null,
      ...(content.margin !== undefined ? { margin: content.margin } : {}),
    });
  }
  return out;
}
