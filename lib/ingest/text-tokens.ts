// Word tokens of article text for length checks and text comparison. Scripts written without spaces
// (Chinese, Japanese) count one token per character, so a Japanese article is not a dozen "words".
const TOKEN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]|[\p{L}\p{N}\p{M}]+/gu;

/** Lowercased word tokens, in order. */
export function tokenizeText(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

export function countTextWords(text: string): number {
  return tokenizeText(text).length;
}
