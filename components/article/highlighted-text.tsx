// Article text with every statement marked in place. Paragraphs follow the text's line breaks;
// each mark is focusable and describes its speaker and cue on hover and focus.
import type { THighlight } from "@/lib/queries/articles";
import { formatDateTime } from "@/components/ui/format-time";

type TPiece = { text: string; highlight?: THighlight; first?: boolean };

const ROLE_CLASS: Record<THighlight["role"], string> = {
  claim: "bg-amber-200 text-zinc-950 border-b-2 border-solid border-amber-800 dark:bg-amber-800 dark:text-amber-50 dark:border-amber-300",
  response: "bg-sky-200 text-zinc-950 border-b-2 border-dashed border-sky-800 dark:bg-sky-800 dark:text-sky-50 dark:border-sky-300",
  plain: "bg-zinc-200 text-zinc-950 border-b border-dotted border-zinc-700 dark:bg-zinc-700 dark:text-zinc-50 dark:border-zinc-300",
};
const ROLE_LABEL: Record<THighlight["role"], string> = { claim: "claim with responses", response: "response", plain: "statement" };
const MODE_LABEL: Record<THighlight["mode"], string> = { direct: "direct quote", indirect: "reported speech", mixed: "reported with a quoted fragment" };

export function describeHighlight(h: THighlight): string {
  const who = h.speaker
    ? [h.speaker.name, h.speaker.role, h.speaker.country ? `(${h.speaker.country})` : null].filter(Boolean).join(", ").replace(", (", " (")
    : "Unattributed";
  const corrected = h.correctedAt ? `corrected by editors ${formatDateTime(h.correctedAt)}` : null;
  return [who, h.cue ? `“${h.cue}”` : null, MODE_LABEL[h.mode], ROLE_LABEL[h.role], corrected].filter(Boolean).join(" · ");
}

/** Drops statements that overlap an earlier one: nested marks cannot be shown or focused sensibly. */
export function nonOverlapping(highlights: THighlight[], textLength: number): THighlight[] {
  const sorted = [...highlights].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: THighlight[] = [];
  let reach = 0;
  for (const h of sorted) {
    if (h.start < reach || h.start >= h.end || h.end > textLength) continue;
    kept.push(h);
    reach = h.end;
  }
  return kept;
}

export function splitIntoParagraphs(text: string, highlights: THighlight[]): TPiece[][] {
  const marks = nonOverlapping(highlights, text.length);
  const paragraphs: TPiece[][] = [];
  const seen = new Set<number>();
  for (const match of text.matchAll(/[^\n]+/g)) {
    const pStart = match.index;
    const pEnd = pStart + match[0].length;
    if (match[0].trim() === "") continue;
    const pieces: TPiece[] = [];
    let at = pStart;
    for (const h of marks) {
      if (h.end <= pStart || h.start >= pEnd) continue;
      const from = Math.max(h.start, pStart);
      const to = Math.min(h.end, pEnd);
      if (from > at) pieces.push({ text: text.slice(at, from) });
      pieces.push({ text: text.slice(from, to), highlight: h, first: !seen.has(h.id) });
      seen.add(h.id);
      at = to;
    }
    if (at < pEnd) pieces.push({ text: text.slice(at, pEnd) });
    paragraphs.push(pieces);
  }
  return paragraphs;
}

export function HighlightedText({ text, highlights }: { text: string; highlights: THighlight[] }) {
  const paragraphs = splitIntoParagraphs(text, highlights);
  return (
    <div className="space-y-4 font-serif text-lg leading-relaxed text-zinc-900 dark:text-zinc-100" data-testid="article-text">
      {paragraphs.map((pieces, index) => (
        <p key={index}>
          {pieces.map((piece, i) =>
            piece.highlight ? (
              <span key={i} className="group relative">
                <mark
                  id={piece.first ? `s-${piece.highlight.id}` : undefined}
                  tabIndex={piece.first ? 0 : -1}
                  aria-describedby={`tip-${piece.highlight.id}-${i}`}
                  data-role={piece.highlight.role}
                  className={`rounded-sm px-0.5 ${ROLE_CLASS[piece.highlight.role]}`}
                >
                  {piece.text}
                </mark>
                {piece.first && piece.highlight.correctedAt ? (
                  <sup className="ml-0.5 font-sans text-xs font-semibold text-emerald-800 dark:text-emerald-300" data-testid="corrected-mark">corrected</sup>
                ) : null}
                <span
                  role="tooltip"
                  id={`tip-${piece.highlight.id}-${i}`}
                  className="invisible absolute left-0 top-full z-20 mt-1 w-max max-w-xs rounded-md bg-zinc-900 px-2 py-1 font-sans text-sm leading-snug text-white shadow-lg group-focus-within:visible group-hover:visible dark:bg-zinc-100 dark:text-zinc-900"
                >
                  {describeHighlight(piece.highlight)}
                </span>
              </span>
            ) : (
              <span key={i}>{piece.text}</span>
            ),
          )}
        </p>
      ))}
    </div>
  );
}

export function HighlightLegend() {
  return (
    <ul className="flex flex-wrap gap-3 text-sm text-zinc-800 dark:text-zinc-200" aria-label="Highlight legend">
      {(["claim", "response", "plain"] as const).map((role) => (
        <li key={role} className="inline-flex items-center gap-1.5">
          <mark className={`rounded-sm px-1 ${ROLE_CLASS[role]}`}>{role === "claim" ? "Claim" : role === "response" ? "Response" : "Other statement"}</mark>
        </li>
      ))}
      <li className="text-zinc-700 dark:text-zinc-300">Hover or focus a highlight to see who said it.</li>
    </ul>
  );
}
