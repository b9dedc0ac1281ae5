// Tells text from binary that slipped in as text. A binary file with no NUL byte still decodes
// (as UTF-8) into control characters, U+FFFD replacements and private-use code points, and the
// segmenter would cut that noise into hundreds of "articles".
const NON_TEXT_LIMIT = 0.1;

function isNonText(codePoint: number): boolean {
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0c || codePoint === 0x0d) return false;
  return (
    codePoint < 0x20 ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    (codePoint >= 0xd800 && codePoint <= 0xdfff) ||
    (codePoint >= 0xe000 && codePoint <= 0xf8ff) ||
    codePoint >= 0xf0000 ||
    codePoint === 0xfffd ||
    (codePoint & 0xfffe) === 0xfffe
  );
}

/** Share of code points that no written text uses: controls, replacements, private use. */
export function nonTextShare(text: string): number {
  let total = 0;
  let odd = 0;
  for (const char of text) {
    total += 1;
    if (isNonText(char.codePointAt(0) ?? 0)) odd += 1;
  }
  return total === 0 ? 0 : odd / total;
}

/** Why the text is not text, or null. A few stray characters (a mis-encoded accent) pass. */
export function describeNonText(text: string): string | null {
  const share = nonTextShare(text);
  if (share <= NON_TEXT_LIMIT) return null;
  return `the text is not readable text (${Math.round(share * 100)}% control, replacement or private-use characters): is it a binary file, or not UTF-8?`;
}
