// Tells prose from labels. However short, an article says something in at least one sentence — a run
// of words ending in sentence punctuation; a page whose main content holds none ("Test", headings over
// images, a menu of links) is not news. That is what keeps a one-paragraph statement apart from a stub.
import { parseHtmlBody, textParagraphs, type TTextNode } from "@/lib/ingest/sanitize-html";
import { tokenizeText } from "@/lib/ingest/text-tokens";

// The fewest words a sentence of news has: "The report is false." A UI prompt of three words
// ("Page not found.") falls short.
export const MIN_SENTENCE_WORDS = 4;

// A sentence ends at . ! ? … (Arabic ؟ ۔, Devanagari ।), maybe closed by a quote or bracket, before a
// space; Chinese and Japanese end theirs at 。！？ with no space after.
const SENTENCE_BREAK = /(?<=[.!?…؟۔।]["'”’»)\]]*)\s+|(?<=[。！？]["'”’」』）]*)/u;
const SENTENCE_END = /[.!?…؟۔।。！？]["'”’»)\]」』）]*$/u;
const HAS_LETTER = /\p{L}/u;

function isSentence(piece: string): boolean {
  if (!SENTENCE_END.test(piece)) return false;
  return tokenizeText(piece).filter((token) => HAS_LETTER.test(token)).length >= MIN_SENTENCE_WORDS;
}

/** The first sentence of prose in plain text (paragraphs on their own lines), or null. */
export function findProseSentence(text: string): string | null {
  for (const paragraph of text.split(/\n+/)) {
    const sentence = paragraph.trim().split(SENTENCE_BREAK).find(isSentence);
    if (sentence) return sentence;
  }
  return null;
}

/**
 * True when an HTML fragment, its link text left out (a menu of headlines is not prose), holds a
 * sentence, or this many words: scripts written without sentence punctuation (Thai) have no sentence
 * to find, and that much text outside links is not a menu.
 */
export const MIN_PROSE_WORDS = 25;

export function holdsProse(html: string): boolean {
  const root = parseHtmlBody(html);
  return root !== null && holdsProseIn(root);
}

/** holdsProse on HTML already parsed (lib/ingest/sanitize-html.ts parseHtmlBody): the reader's one parse serves its text and this check. */
export function holdsProseIn(root: TTextNode): boolean {
  const text = textParagraphs(root, { skipLinks: true }).join("\n");
  return tokenizeText(text).length >= MIN_PROSE_WORDS || findProseSentence(text) !== null;
}
