// The one normalization every ingested text gets before it is extracted and stored, so that the
// stored text and every offset into it agree. Invisible format characters that copy-paste and CMSs
// leave inside words ("Sanch\u200Bez") would otherwise cut names and words in two.

// Always invisible and never meaningful in running text: zero-width space, word joiner, BOM /
// zero-width no-break space, soft hyphen.
const INVISIBLE = /[\u200B\u2060\uFEFF\u00AD]/g;

// Zero-width (non-)joiners shape Arabic, Persian and Indic script and join emoji sequences; next to
// a Latin, Greek or Cyrillic letter they do nothing but split the word.
const ALPHABET = "\\p{Script=Latin}\\p{Script=Greek}\\p{Script=Cyrillic}";
const STRAY_JOINER = new RegExp(`(?<=[${ALPHABET}])[\\u200C\\u200D]+|[\\u200C\\u200D]+(?=[${ALPHABET}])`, "gu");

/** Unix newlines, and no invisible characters inside words. */
export function normalizeText(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(INVISIBLE, "").replace(STRAY_JOINER, "");
}
