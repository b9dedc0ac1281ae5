// Finds top-level quotations in body paragraphs in every common style — straight, curly, single,
// guillemets, corner brackets, quotes running across paragraphs — and tells apostrophes from quotes.
import type { TSpan } from "./types";

export interface TQuote {
  /** Index of the opening mark of the first piece. */
  open: number;
  /** Index just past the closing mark of the last piece (paragraph end when unclosed). */
  close: number;
  /** The quoted words, without the outer marks. */
  inner: TSpan;
  closed: boolean;
  /** The quote runs over more than one paragraph. */
  multiParagraph: boolean;
  /** Index of the paragraph holding the opening mark, and of the one holding the end. */
  firstParagraph: number;
  lastParagraph: number;
}

// Typed in a hurry, a quote may close with the opening mark (“…“, "…“) or open with the closing one
// (”…”): such a mark counts where only that reading makes sense, after a word or before one.
const CLOSERS: Record<string, string> = {
  "“": "”\"“",
  "”": "”\"“",
  "„": "“”",
  "\"": "\"”“",
  "«": "»",
  "»": "«",
  "「": "」",
  "『": "』",
  "‘": "’",
  "'": "'’",
  "‹": "›",
};

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const SINGLE_WINDOW = 1500;

function isAlnum(ch: string | undefined): boolean {
  return ch !== undefined && LETTER_OR_DIGIT.test(ch);
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

function isSingle(mark: string): boolean {
  return mark === "‘" || mark === "'" || mark === "‹";
}

/** Can the mark at i open a quote? Apostrophes sit between letters or after one; openers don't. */
function canOpen(text: string, i: number, start: number): boolean {
  const mark = text[i] ?? "";
  if (!(mark in CLOSERS)) return false;
  const prev = i > start ? text[i - 1] : undefined;
  const next = text[i + 1];
  // French spacing puts a space inside guillemets: « Nous resterons ».
  if (isSpace(next)) return mark === "«" || mark === "»";
  if (isSingle(mark)) return !isAlnum(prev) && isAlnum(next);
  if (mark === "\"") return !isAlnum(prev) || prev === undefined;
  if (mark === "”") return isSpace(prev) || prev === "(";
  return true;
}

/** Can the mark at i close a quote opened by `opener`? */
function canClose(text: string, i: number, opener: string, end: number): boolean {
  const mark = text[i] ?? "";
  if (!(CLOSERS[opener] ?? "").includes(mark)) return false;
  const next = i + 1 < end ? text[i + 1] : undefined;
  const prev = text[i - 1];
  if (isSingle(opener)) return !isAlnum(next) && !isSpace(prev);
  if (mark === "“") return !isSpace(prev) && !isAlnum(next);
  if (mark === "\"") return !isAlnum(next) || next === undefined;
  return true;
}

interface TPiece {
  open: number;
  innerStart: number;
  innerEnd: number;
  close: number;
  closed: boolean;
  paragraph: number;
}

function findClose(text: string, from: number, end: number, opener: string): number {
  const limit = isSingle(opener) ? Math.min(end, from + SINGLE_WINDOW) : end;
  const closers = CLOSERS[opener] ?? "";
  for (let j = from; j < limit; j += 1) {
    const ch = text[j] ?? "";
    if (closers.includes(ch) && canClose(text, j, opener, end)) return j;
    // A single-quoted span never crosses a double-quote boundary.
    if (isSingle(opener) && (ch === "“" || ch === "”" || ch === "\"")) return -1;
  }
  return -1;
}

const DOUBLED = "''";

/**
 * Some wires (the New York Times archive among them) write a double quote as two apostrophes:
 * ''We will win,'' she said. Such a mark opens before a letter and closes before a non-letter.
 */
function doubledOpensAt(text: string, i: number, start: number): boolean {
  return text.startsWith(DOUBLED, i) && (i === start || !isAlnum(text[i - 1]) && text[i - 1] !== "'") && !isSpace(text[i + 2]) && text[i + 2] !== "'";
}

function findDoubledClose(text: string, from: number, end: number): number {
  for (let j = from; j + 1 < end; j += 1) {
    if (text[j] === "'" && text[j + 1] === "'" && !isAlnum(text[j + 2]) && !isSpace(text[j - 1])) return j;
  }
  return -1;
}

const DOUBLE_OPENERS = "“\"”";

/**
 * A double quote opened mid-paragraph and never closed there runs on into the next paragraph when
 * that one reopens it and no other double mark follows in this one: "…,” he said. “They think …
 * ¶ “And they still believe …,” he said.
 */
function runsOn(text: string, at: number, para: TSpan, next: TSpan | undefined): boolean {
  if (!next || !DOUBLE_OPENERS.includes(text[next.start] ?? "")) return false;
  for (let j = at + 1; j < para.end; j += 1) if (DOUBLE_OPENERS.includes(text[j] ?? "")) return false;
  return true;
}

function scanParagraph(text: string, para: TSpan, index: number, pieces: TPiece[], next: TSpan | undefined): void {
  let i = para.start;
  let failedDoubledFrom = -1;
  // Double-quote closers are searched to the paragraph end at most once per quote, but an
  // unclosed opener must not make the scan quadratic: remember where the last search failed.
  let failedDoubleFrom = -1;
  while (i < para.end) {
    const ch = text[i] ?? "";
    if (ch === "'" && failedDoubledFrom === -1 && doubledOpensAt(text, i, para.start)) {
      const closeAt = findDoubledClose(text, i + 2, para.end);
      if (closeAt !== -1) {
        pieces.push({ open: i, innerStart: i + 2, innerEnd: closeAt, close: closeAt + 2, closed: true, paragraph: index });
        i = closeAt + 2;
        continue;
      }
      if (i === para.start) {
        pieces.push({ open: i, innerStart: i + 2, innerEnd: para.end, close: para.end, closed: false, paragraph: index });
        return;
      }
      // Unclosed mid-paragraph: remember it so the scan stays linear, as for double quotes.
      failedDoubledFrom = i;
      i += 2;
      continue;
    }
    if (!(ch in CLOSERS) || !canOpen(text, i, para.start)) {
      i += 1;
      continue;
    }
    const single = isSingle(ch);
    if (!single && failedDoubleFrom !== -1) {
      i += 1;
      continue;
    }
    const closeAt = findClose(text, i + 1, para.end, ch);
    if (closeAt !== -1) {
      pieces.push({ open: i, innerStart: i + 1, innerEnd: closeAt, close: closeAt + 1, closed: true, paragraph: index });
      i = closeAt + 1;
      continue;
    }
    if (!single && (i === para.start || runsOn(text, i, para, next))) {
      // Unclosed at the start of a paragraph: a multi-paragraph quote or an unbalanced one.
      pieces.push({ open: i, innerStart: i + 1, innerEnd: para.end, close: para.end, closed: false, paragraph: index });
      return;
    }
    if (!single) failedDoubleFrom = i;
    i += 1;
  }
}

/** Top-level quotations of the given paragraphs, in text order. Linear in the text length. */
export function findQuotes(text: string, paragraphs: readonly TSpan[]): TQuote[] {
  const pieces: TPiece[] = [];
  paragraphs.forEach((p, index) => scanParagraph(text, p, index, pieces, paragraphs[index + 1]));
  const quotes: TQuote[] = [];
  for (let k = 0; k < pieces.length; k += 1) {
    const first = pieces[k];
    if (!first) continue;
    let last = first;
    // Convention for long quotes: each paragraph reopens the quote, only the last one closes it.
    while (!last.closed) {
      const next = pieces[k + 1];
      const nextPara = paragraphs[last.paragraph + 1];
      if (!next || !nextPara || next.paragraph !== last.paragraph + 1 || next.open !== nextPara.start) break;
      last = next;
      k += 1;
    }
    let innerStart = first.innerStart;
    while (innerStart < last.innerEnd && /\s/.test(text[innerStart] ?? "")) innerStart += 1;
    let innerEnd = last.innerEnd;
    while (innerEnd > innerStart && /\s/.test(text[innerEnd - 1] ?? "")) innerEnd -= 1;
    if (innerEnd <= innerStart) continue;
    quotes.push({
      open: first.open,
      close: last.close,
      inner: { start: innerStart, end: innerEnd },
      closed: last.closed,
      multiParagraph: last.paragraph !== first.paragraph,
      firstParagraph: first.paragraph,
      lastParagraph: last.paragraph,
    });
  }
  return quotes;
}
