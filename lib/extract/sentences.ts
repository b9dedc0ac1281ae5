// Splits a paragraph into sentences without breaking inside quotations or after abbreviations
// ("U.S.", "Mr.", initials), so attribution can be looked up sentence by sentence.
import type { TSpan } from "./types";

const ABBREVIATIONS = new Set(
  `mr mrs ms dr st sen rep gov gen lt col sgt capt cmdr adm jr sr inc corp co ltd no vs etc jan feb mar apr jun jul aug sep sept oct nov dec
  u.s u.k u.n e.u a.m p.m d.c i.e e.g approx est dept univ prof rev fig ft mt`.split(/\s+/),
);

const TERMINAL = /[.!?]/;
const ATTRIBUTION_AHEAD =
  /^(?:(?:the|The)\s+)?(?:[\p{Lu}][\p{L}.’'-]*\s+){1,4}(?:said|says|added|asked|told|wrote|stated|insisted|replied|continued|explained|noted|argued|warned|declared)\b/u;

/** What may follow the verb of an attribution that closes the quote before it: the sentence end or a when/where. */
const ATTRIBUTION_END = /^(?:\s*[.,;!?]|\s+(?:on|in|at|during|after|before|when|while|later|earlier|yesterday|today|recently|then|again|afterward|afterwards|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\s*$)/;

function isAbbreviation(text: string, dot: number, floor: number): boolean {
  let s = dot;
  while (s > floor && /[\p{L}.]/u.test(text[s - 1] ?? "")) s -= 1;
  const word = text.slice(s, dot).toLowerCase();
  if (word.length === 1 && /\p{Lu}/u.test(text[s] ?? "")) return true; // an initial: "John F. Kennedy"
  return ABBREVIATIONS.has(word);
}

/**
 * Sentences of text[para.start, para.end). `insideQuote(i)` says whether index i lies inside a
 * quotation; boundaries there are ignored so a quoted passage stays with its attribution.
 */
export function splitSentences(text: string, para: TSpan, insideQuote: (i: number) => boolean): TSpan[] {
  const out: TSpan[] = [];
  let start = para.start;
  for (let i = para.start; i < para.end; i += 1) {
    const ch = text[i] ?? "";
    if (!TERMINAL.test(ch)) continue;
    let j = i + 1;
    while (j < para.end && /["”’'»)\]]/.test(text[j] ?? "")) j += 1;
    if (j < para.end && !/\s/.test(text[j] ?? "")) continue;
    let k = j;
    while (k < para.end && /\s/.test(text[k] ?? "")) k += 1;
    if (k >= para.end) break;
    const nextCh = text[k] ?? "";
    if (!/[\p{Lu}\p{N}"“‘'«(\[]/u.test(nextCh)) continue;
    if (insideQuote(i)) {
      // A quote that ends the sentence ("… sure.” Next …) closes it unless an attribution follows.
      const closesQuote = j > i + 1;
      if (!closesQuote) continue;
      const ahead = ATTRIBUTION_AHEAD.exec(text.slice(k, k + 80));
      // "… of.” Sanders said the vote was rigged": after a full stop, a verb followed by content of its
      // own opens a new sentence; only a bare attribution ("… sure.” Trump said on Monday.) stays.
      if (ahead && (ch !== "." || ATTRIBUTION_END.test(text.slice(k + ahead[0].length, k + ahead[0].length + 24)))) continue;
    }
    if (ch === "." && isAbbreviation(text, i, start)) {
      // "the U.S. — though …" or "U.S. officials": an abbreviation ends a sentence only before a capital
      // that starts a new clause, which cannot be told apart cheaply; keep the sentence whole.
      continue;
    }
    out.push({ start, end: j });
    start = k;
    i = k - 1;
  }
  if (start < para.end) out.push({ start, end: para.end });
  return out;
}
