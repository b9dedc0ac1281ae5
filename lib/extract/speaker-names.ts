// The words of a speaker's name that other statements point at them with: "Clinton" of "Hillary
// Clinton" and of "Clinton campaign". Pair features compare every response with a dozen claims, so
// each input reads its speakers' names once (`namesOnce`), not once per comparison.

/** Words that make a side's voice of a name ("Clinton campaign", "Sanders spokesman"), not a surname. */
const SIDE_WORDS = /^(?:campaign|spokesman|spokeswoman|aides?)$/i;

export interface TNameParts {
  words: readonly string[];
  /** The name's last word: "Clinton" of "Hillary Clinton", "campaign" of "Clinton campaign". */
  last: string;
  /** The last word that is no side word: "Clinton" of both "Hillary Clinton" and "Clinton campaign". */
  camp: string;
}

export type TNamesOf = (name: string | null) => TNameParts;

export const nameParts: TNamesOf = (name) => {
  const words = (name ?? "").split(" ");
  return { words, last: words[words.length - 1] ?? "", camp: words.filter((w) => !SIDE_WORDS.test(w)).pop() ?? "" };
};

/** `nameParts` remembered for one input: drop it with the input, so no cache outlives an article. */
export function namesOnce(): TNamesOf {
  const seen = new Map<string, TNameParts>();
  return (name) => {
    const key = name ?? "";
    let parts = seen.get(key);
    if (!parts) {
      parts = nameParts(key);
      seen.set(key, parts);
    }
    return parts;
  };
}
