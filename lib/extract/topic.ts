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

// Both pair stages (the rules and the learned ranker) ask for every candidate's topic and word count,
// many times over: each candidate keeps its answers for as long as it lives (one extraction).
const topicsOf = new WeakMap<object, ReadonlySet<string>>();

/** Topic tokens of a candidate statement (concepts, stems, countries as "@JP" however named), once per candidate. */
export function candidateTopics(item: { readonly text: string }): ReadonlySet<string> {
  let known = topicsOf.get(item);
  if (!known) {
    known = tokenise(item.text);
    topicsOf.set(item, known);
  }
  return known;
}

const wordCounts = new WeakMap<object, boolean>();

/** "of course", "Yes": too few words to be a claim anyone answers. Asked per candidate per response. */
export function substantive(item: { readonly text: string }): boolean {
  let known = wordCounts.get(item);
  if (known === undefined) {
    known = item.text.trim().split(/\s+/).length >= 4;
    wordCounts.set(item, known);
  }
  return known;
}

/**
 * How telling each topic token is among one input's statements (inverse document frequency): a word few
 * of them use links two more surely than one all of them use; a country ("@JP") weighs less than a word.
 */
export function topicIdf(tokens: readonly ReadonlySet<string>[]): (token: string) => number {
  const df = new Map<string, number>();
  for (const set of tokens) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, tokens.length);
  return (t) => Math.log(1 + n / (df.get(t) ?? 1)) * (t.startsWith("@") ? 0.3 : 1);
}

function tokenise(text: string): Set<string> {
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
