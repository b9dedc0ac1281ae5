// Turns the tagger's spans of one paragraph into attributions: each content span with the cue
// nearest to it, and the source nearest to that cue (or to the content when no cue was tagged).
import type { TSpan } from "../types";
import type { TTaggedSpan } from "./model";
import { firstStartingAt } from "./sorted";

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

/**
 * The candidate closest to `to`, the earliest on a tie. Candidates are the tagger's spans of one kind,
 * in text order and disjoint, so the gap falls then rises along them: the closest is next to where
 * `to` would sit, found by binary search (a paragraph of thousands of quotes stays linear).
 */
function nearest(to: TSpan, candidates: readonly TTaggedSpan[]): TTaggedSpan | null {
  const lo = firstStartingAt(candidates, to.start, (c) => c.start);
  let best = -1;
  for (const i of [lo - 1, lo]) {
    const c = candidates[i];
    if (c && (best === -1 || gap(to, c) < gap(to, candidates[best] as TTaggedSpan))) best = i;
  }
  // Several candidates inside `to` all lie at gap 0: the earliest of them.
  while (best > 0 && gap(to, candidates[best] as TTaggedSpan) === 0 && gap(to, candidates[best - 1] as TTaggedSpan) === 0) best -= 1;
  return candidates[best] ?? null;
}

export function linkAttributions(spans: readonly TTaggedSpan[]): TAttribution[] {
  const byStart = (a: TTaggedSpan, b: TTaggedSpan) => a.start - b.start;
  const cues = spans.filter((s) => s.kind === "cue").sort(byStart);
  const sources = spans.filter((s) => s.kind === "source").sort(byStart);
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
