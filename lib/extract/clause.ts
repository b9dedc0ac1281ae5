// The complement clause a reporting verb introduces without "that" ("Bush said history has shown …",
// "told reporters he thought …"), and the plain noun phrase that speaks before the verb ("The actress
// said", "White House officials say", "47 percent said"). Both are read from word shapes alone: a
// clause is a subject followed, within a few words and before any clause punctuation, by a finite verb.

/** Verbs whose first object is the person addressed, not the content: "told reporters …". */
const ADDRESS_VERBS = /^(?:tell|told|tells|telling|assure|assured|assures|assuring|remind|reminded|reminds|reminding|inform|informed|informs|informing)$/;
const OBJECT_PRONOUN = /^(?:him|her|them|us|me|you|it|reporters|journalists|supporters|voters|lawmakers|viewers|listeners|readers|audiences?|crowds?|members|students|donors|delegates)$/i;
/** Words a clause's subject cannot start with: prepositions, conjunctions, verb particles. */
const NOT_A_SUBJECT =
  /^(?:on|in|at|to|after|before|during|with|by|for|from|of|about|into|over|under|against|as|than|if|whether|when|while|because|since|so|and|or|but|nor|yet|not|no|goodbye|hello|yes|sorry|thanks|thank|farewell|what|how|why|where|who|which)$/i;
/** Finite verbs and auxiliaries, with their contracted forms: "has shown", "doesn't", "it's", "he'd". */
const FINITE =
  /^(?:is|are|was|were|am|be|been|will|would|shall|should|could|can|may|might|must|had|has|have|did|do|does|isn[’']t|aren[’']t|wasn[’']t|weren[’']t|won[’']t|wouldn[’']t|shouldn[’']t|couldn[’']t|can[’']t|cannot|mustn[’']t|hadn[’']t|hasn[’']t|haven[’']t|didn[’']t|don[’']t|doesn[’']t|ain[’']t|\p{L}+[’'](?:s|re|ve|d|ll|m)|\p{Ll}{2,}ed|\p{Ll}{2,}(?<!s)s|need|want|wanted|think|thought|believe|know|knew|feel|felt|got|get|made|make|took|take|saw|see|went|go|came|come|gave|give|told|said|left|kept|lost|won|ran|paid|meant|brought|became|began|found|held|stood)$/u;
/** Words the -s test would take for verbs: possessives and adverbs ("added 140 companies to its list"). */
const NOT_FINITE = /^(?:its|his|hers|ours|yours|theirs|this|thus|us|yes|plus|less|unless|always|perhaps|sometimes|besides|towards|afterwards|whereas|news|series|means|whereabouts)$/i;
/** After these a verb is not the clause's own: "and restricted" coordinates the reporting verb, "to make" is an infinitive. */
const NOT_BEFORE_FINITE = /^(?:and|or|but|to|then)$/i;
const PAST_VERB = /^(?:\p{Ll}{2,}ed|made|took|gave|kept|sent|cut|set|put|won|lost|held|sold|bought|paid|left|began|brought|told|said)$/u;
const NOUN_BEFORE = /^(?:\d[\d,.]*|the|a|an|his|her|their|its|our|my|your|some|many|several|few|all|these|those|more|most|two|three|four|five|six|seven|eight|nine|ten|new|other)$/i;
const WORD = /[\p{L}\p{N}][\p{L}\p{N}’'.%$-]*/gu;
const CLAUSE_PUNCT = /[,;:.!?()—–]/;
const MAX_SUBJECT_WORDS = 9;

interface TWord {
  text: string;
  start: number;
  end: number;
}

/** Words of text[from, end) up to the first clause punctuation outside a quotation, at most `max` of them. */
function wordsUntilPunct(text: string, from: number, end: number, max: number): TWord[] {
  const out: TWord[] = [];
  const re = new RegExp(WORD.source, "gu");
  re.lastIndex = from;
  let prevEnd = from;
  for (let m = re.exec(text); m && m.index < end && out.length < max; m = re.exec(text)) {
    if (CLAUSE_PUNCT.test(text.slice(prevEnd, m.index))) break;
    out.push({ text: m[0].replace(/\.$/, ""), start: m.index, end: m.index + m[0].length });
    prevEnd = m.index + m[0].length;
  }
  return out;
}

/**
 * Where the content of a reporting verb starts when no "that" introduces it: the first word of a
 * clause that has a finite verb within its first words. `from` is just past the verb (and any
 * when/where words already stepped over); -1 when what follows is not a clause ("said goodbye").
 */
export function clauseStartAfter(text: string, from: number, end: number, verb: string, addressed = false): number {
  // "Carson added, he did not …": a comma may stand between the verb and its clause.
  const comma = /^\s*,\s*(?:that\s+)?(?=\p{L})/u.exec(text.slice(from, Math.min(end, from + 12)));
  let words = wordsUntilPunct(text, from + (comma?.[0].length ?? 0), end, MAX_SUBJECT_WORDS + 3);
  if (!addressed && isAddressVerb(verb)) {
    // "told reporters he …", "told the Associated Press the talks …": step over the person addressed.
    const skip = addressedLength(words);
    if (skip === 0) return -1;
    words = words.slice(skip);
    if (words[0]?.text === "that") words = words.slice(1);
  }
  const first = words[0];
  if (!first || NOT_A_SUBJECT.test(first.text) || /ing$/.test(first.text) && !/^(?:nothing|something|everything)$/.test(first.text)) return -1;
  // The subject may itself end in -s or -ed ("his remarks were"): the verb is sought from the second word on.
  if (hasFiniteVerb(words)) return first.start;
  // A contracted pronoun is a clause on its own: "said it’s one of …", "said he’d …".
  return /^(?:it|he|she|they|we|i|you|there|that)[’'](?:s|re|ve|d|ll|m)$/i.test(first.text) ? first.start : -1;
}

export function isAddressVerb(verb: string): boolean {
  return ADDRESS_VERBS.test(verb.toLowerCase());
}

/** A finite verb after the first word; a plural noun after a number or determiner ("200 jobs", "the talks") is not one. */
function hasFiniteVerb(words: readonly TWord[]): boolean {
  for (let k = 1; k < words.length; k += 1) {
    const w = words[k]?.text ?? "";
    if (!FINITE.test(w) && !FINITE.test(w.toLowerCase())) continue;
    if (NOT_FINITE.test(w)) continue;
    if (NOT_BEFORE_FINITE.test(words[k - 1]?.text ?? "")) {
      // "added 140 companies to its list and restricted sales": a second verb of the reporting verb's
      // own subject; what follows it is that verb's object, not a clause ("Smith and Jones were" keeps).
      if (/^(?:and|or|but|then)$/i.test(words[k - 1]?.text ?? "") && PAST_VERB.test(w)) return false;
      continue;
    }
    if (/s$/.test(w) && !/[’']s$/.test(w) && NOUN_BEFORE.test(words[k - 1]?.text ?? "")) continue;
    return true;
  }
  return false;
}

/** Does the span read as a clause: a finite verb after its first word, before any clause punctuation? */
export function isClause(text: string, start: number, end: number): boolean {
  return hasFiniteVerb(wordsUntilPunct(text, start, end, MAX_SUBJECT_WORDS + 3));
}

/** How many words name the person addressed by "told": a pronoun, "reporters", or a short name or noun phrase. */
function addressedLength(words: readonly TWord[]): number {
  const first = words[0];
  if (!first) return 0;
  if (OBJECT_PRONOUN.test(first.text)) return 1;
  let k = 0;
  if (/^(?:the|a|an|his|her|their|its|our)$/i.test(first.text)) k = 1;
  const startName = k;
  while (k < words.length && k - startName < 4 && /^\p{Lu}/u.test(words[k]?.text ?? "")) k += 1;
  if (k === startName && startName === 1) {
    // "told the newspaper …", "told a rally …": one lowercase noun after the determiner.
    k = 2;
  }
  return k > 0 && k < words.length ? k : 0;
}

const GAP_BEFORE_VERB = /(?:^|\s)(?:has|have|had|also|repeatedly|previously|later|again|already|publicly|privately|recently|earlier|\p{Ll}+ly)$/u;
const DETERMINER = /^(?:the|a|an|some|many|most|several|few|all|both|other|these|those|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands|majorities|majority|half|about|nearly|almost|more|fewer|less|only|just|\d[\d,.]*%?)$/i;
const ENTOURAGE_NOUN = "aides|advisers|advisors|allies|lawyers|attorneys|spokesman|spokeswoman|spokesperson|staff|supporters|critics|defenders|backers|associates|representatives|friends|doctors";
const ENTOURAGE = new RegExp(`^(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\\s+(?:(?:top|senior|closest|longtime|own|legal|political)\\s+)?(?:${ENTOURAGE_NOUN})(?:\\s+and\\s+(?:${ENTOURAGE_NOUN}))?$`, "u");
const SUBJECT_STOP =
  /^(?:that|which|who|whom|whose|and|or|but|if|when|while|because|as|than|to|is|are|was|were|has|have|had|will|would|not|it|this|there|he|she|they|we|i|you|his|her|their|its|our|my|said|says|told|also)$/i;

/**
 * A plain noun phrase ending right before `verbStart` and opening its clause (sentence start, or
 * after a comma): "The actress", "White House officials", "A person familiar with the planning",
 * "47 percent". Null for anything else (pronouns and names are the mention index's business).
 */
export function nounPhraseBefore(text: string, verbStart: number, floor: number): { start: number; end: number; text: string } | null {
  let e = verbStart;
  while (e > floor && /\s/.test(text[e - 1] ?? "")) e -= 1;
  // "Sanders advisers had said", "some Republicans have repeatedly suggested": step back over auxiliaries and adverbs.
  for (let gap = GAP_BEFORE_VERB.exec(text.slice(Math.max(floor, e - 30), e)); gap; gap = GAP_BEFORE_VERB.exec(text.slice(Math.max(floor, e - 30), e))) {
    e -= gap[0].length;
    while (e > floor && /\s/.test(text[e - 1] ?? "")) e -= 1;
  }
  // "U.S. officials, however, said": a parenthetical adverb between subject and verb.
  const aside = /,\s*(?:however|too|though|meanwhile|in turn|for their part|for his part|for her part),$/i.exec(text.slice(Math.max(floor, e - 30), e));
  if (aside) e -= aside[0].length;
  // "Some observers, including a professor at the state university, also criticized": the example is an aside;
  // "rivals on the left, who accused": the relative pronoun stands for the phrase before it.
  const inserted = /,\s*(?:including\s+[^,;:“”"]{2,100},|who|which)$/i.exec(text.slice(Math.max(floor, e - 110), e));
  if (inserted) {
    e -= inserted[0].length;
    while (e > floor && /\s/.test(text[e - 1] ?? "")) e -= 1;
  }
  const head = text.slice(Math.max(floor, e - 120), e);
  const cut = Math.max(head.lastIndexOf(","), head.lastIndexOf(";"), head.lastIndexOf(":"), head.lastIndexOf("—"), head.lastIndexOf("–"));
  if (cut === -1 && e - 120 > floor) return null;
  const offset = e - head.length;
  const phraseStart = offset + cut + 1;
  const phrase = text.slice(phraseStart, e);
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > MAX_SUBJECT_WORDS) return null;
  if (/["“”«»]/.test(phrase)) return null;
  const [first] = words;
  // "officials", "Senate aides", "most analysts": a plural head needs no determiner.
  const plural = words.length <= 3 && /^\p{Ll}{3,}s$/u.test(words[words.length - 1] ?? "") && !/(?:ss|us|is)$/.test(words[words.length - 1] ?? "");
  if (!first || !(DETERMINER.test(first) || /^\p{Lu}/u.test(first) || plural)) return null;
  // "The" as a stray first word with nothing after it, or a clause inside ("the man who …") is not a subject.
  if (words.length === 1 && DETERMINER.test(first)) return null;
  // "Her advisers and allies say", "His lawyers argued": the people around someone the story named.
  if (ENTOURAGE.test(phrase.trim())) {
    const at = phraseStart + (phrase.length - phrase.trimStart().length);
    return { start: at, end: e, text: text.slice(at, e) };
  }
  // "More than six in 10 said": "than" after "more" counts people, it does not open a clause.
  if (words.some((w, k) => k > 0 && SUBJECT_STOP.test(w.replace(/[.’']$/, "")) && !(/^than$/i.test(w) && /^(?:more|fewer|less)$/i.test(words[k - 1] ?? "")))) return null;
  if (SUBJECT_STOP.test(first) && !/^(?:the|a|an)$/i.test(first)) return null;
  const last = words[words.length - 1] ?? "";
  if (/ly$/.test(last) || /[’']s$/.test(last) || /ing$/.test(first)) return null;
  const start = phraseStart + (phrase.length - phrase.trimStart().length);
  return { start, end: e, text: text.slice(start, e) };
}
