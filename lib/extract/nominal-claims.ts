// Claims named by a noun and owned by their speaker: "Trump's assertion Monday that more airstrikes
// are needed", "her claim that Sanders had voted against the bailout", "Sanders' charge that she has
// been weak on climate change". The clause after "that" is the owner's statement even though no verb
// of saying reports it. This module only reads the words; who the owner is stays with the caller.
import type { TSpan } from "./types";

export interface TNominalClaim {
  /** The possessor: a name ending in 's / s' or the pronoun his / her / their. */
  owner: TSpan;
  pronoun: boolean;
  /** The noun naming the claim ("assertion"), used as the cue. */
  cue: TSpan;
  /** Where the claim's clause begins, right after "that". */
  contentStart: number;
}

const CLAIM_NOUN = "claims?|assertions?|suggestions?|charges?|statements?|comments?|remarks?|allegations?|accusations?|argument|contention|insistence|warnings?|promises?|pledges?|complaints?|prediction|boast|vow";
const WHEN = "(?:(?:on\\s+|last\\s+|this\\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|month|year|night|morning)|(?:on|in|at|during)\\s+(?:a|an|the|his|her|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:debate|interview|speech|rally|statement|tweet|post|hearing|conference|letter|video|ad))";
const OWNED_NOUN = new RegExp(
  String.raw`(?:(?<name>\p{Lu}[\p{L}.-]*(?:\s+\p{Lu}[\p{L}.-]*){0,3})(?:['’]s|(?<=s)['’])|\b(?<pronoun>his|her|their))\s+(?:(?:[\p{Ll}-]+|[\p{L}-]+-[\p{L}-]+)\s+){0,2}?(?<noun>${CLAIM_NOUN})(?:,?\s+${WHEN}){0,2},?\s+that\s+`,
  "gud",
);
/** A "that" followed by a verb is a relative pronoun ("the claims that were made"), not the start of a claim. */
const RELATIVE_THAT = /^(?:is|are|was|were|has|have|had|would|will|could|can|should|may|might|must|do|does|did|not|never|\p{Ll}+ed|\p{Ll}+s)\b/u;
/** "rejected Beijing's assertion that …": the response finder reads the answered claim itself. */
const ANSWERED = /\b(?:reject|rejected|rejects|rejecting|dismiss|dismissed|dismisses|dismissing|deny|denied|denies|denying|dispute|disputed|disputes|disputing|refute|refuted|refutes|refuting|rebut|rebutted|rebuts|rebutting|counter|countered|counters|countering|contradict|contradicted|contradicts|challenge|challenged|challenges|echo|echoed|echoes|backed|backs|endorsed|supported|welcomed)\s+(?:the\s+)?$/i;

/** Claims of this shape inside one sentence, in text order. */
export function nominalClaimsIn(text: string, sentence: TSpan): TNominalClaim[] {
  const body = text.slice(sentence.start, sentence.end);
  const out: TNominalClaim[] = [];
  for (const m of body.matchAll(OWNED_NOUN)) {
    const groups = m.groups ?? {};
    const noun = groups.noun ?? "";
    const at = sentence.start + (m.index ?? 0);
    const contentStart = at + m[0].length;
    const next = /^["“‘'«]*([\p{L}’'-]+)/u.exec(text.slice(contentStart, contentStart + 30))?.[1] ?? "";
    if (!next || RELATIVE_THAT.test(next)) continue;
    if (ANSWERED.test(text.slice(Math.max(sentence.start, at - 30), at))) continue;
    const ownerText = groups.name ?? groups.pronoun ?? "";
    const nounAt = sentence.start + (m.indices?.groups?.noun?.[0] ?? 0);
    out.push({
      owner: { start: at, end: at + ownerText.length },
      pronoun: groups.pronoun !== undefined,
      cue: { start: nounAt, end: nounAt + noun.length },
      contentStart,
    });
  }
  return out;
}

/** Main verbs that end a claim clause standing as the sentence's subject: "[X's claim that …] drew rebukes". */
export const CLAIM_CLAUSE_END = /\s+(?:drew|draws|has drawn|have drawn|sparked|sparks|prompted|prompts|angered|triggered|caused|brought|earned|was met|were met|came under|comes under|has come under|raised|set off|provoked|led to)\b/gu;
