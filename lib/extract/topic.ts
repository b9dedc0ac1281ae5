// What a statement is about, as a set of tokens two statements can share: concepts, stems, and
// countries however they are named.
import { countryCodeOf } from "./countries";
import { CONCEPTS, STOPWORDS } from "./lexicon";

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}.’'-]*/gu;

function stem(word: string): string {
  if (word.length > 7 && word.endsWith("ments")) return word.slice(0, -5);
  if (word.length > 6 && word.endsWith("ment")) return word.slice(0, -4);
  if (word.length > 5 && word.endsWith("ing")) return word.slice(0, -3);
  if (word.length > 4 && word.endsWith("ed")) return word.slice(0, -2);
  if (word.length > 4 && word.endsWith("ly")) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** Topic tokens of a statement: concepts, stems, and countries as "@JP" however they are named. */
export function topicTokens(text: string): Set<string> {
  const out = new Set<string>();
  const re = new RegExp(TOKEN.source, "gu");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    for (const part of m[0].split("-")) {
      let word = part;
      while (/[.’']$/.test(word)) word = word.slice(0, -1);
      if (word.endsWith("’s") || word.endsWith("'s")) word = word.slice(0, -2);
      if (word.length < 2) continue;
      const first = word.charCodeAt(0);
      const code = first >= 65 && first <= 90 ? countryCodeOf(word) : null;
      if (code) {
        out.add(`@${code}`);
        continue;
      }
      const lower = word.toLowerCase();
      if (lower.length < 3 || STOPWORDS.has(lower)) continue;
      out.add(CONCEPTS[lower] ?? stem(lower));
    }
  }
  return out;
}
