// The union of character spans as sorted, non-overlapping spans: how the shared scorer measures the
// coverage of one gold span by several predicted ones (used by the bench's miss reports).
import type { TSpan } from "@/lib/extract/types";

export function unionOfSpans(spans: readonly TSpan[]): TSpan[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: TSpan[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}
