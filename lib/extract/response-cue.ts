// Whether a statement's response cue ("rejected the claim", "In response") is the reporter saying that
// someone answered, or only words inside the quote itself.
import { ANSWERED_NOUN, CONTRAST_WORDS, SUPPORT_WORDS } from "./lexicon";
import type { TPairCandidate } from "./pairs";
import { nameParts, type TNamesOf } from "./speaker-names";
import type { TRelation } from "./types";

export type TResponseCue = NonNullable<TPairCandidate["responseCue"]>;

/**
 * The response cue of a statement, unless it sits inside quotation marks: "responding to a crisis"
 * within a quote is what the speaker said, not the reporter saying that someone answered.
 */
export function cueOf(item: TPairCandidate): TResponseCue | null {
  const cue = item.responseCue;
  if (!cue) return null;
  const at = item.sentenceText.indexOf(cue.text);
  if (at === -1) return cue; // carried over from the sentence before ("rejected the claim. '…'")
  return insideQuotes(item.sentenceText, at) ? null : cue;
}

/** Whether position `at` of a sentence lies between an opening and a closing quotation mark. */
function insideQuotes(sentence: string, at: number): boolean {
  const before = sentence.slice(0, at);
  const opened = (before.match(/“/g) ?? []).length - (before.match(/”/g) ?? []).length;
  if (opened > 0) return true;
  // Straight quotes (and PolNeAR's doubled '') open and close alike: an odd count means one is open.
  return ((before.match(/"|''/g) ?? []).length % 2 === 1);
}

/** Answering a criticism or a charge, or answering with a denial, is a rebuttal even when only "responded". */
const CRITICISM = /\b(?:critici[sz]\w*|charges?|attacks?|accus\w*|allegations?|claims?)\b/i;
export function relationOf(cue: TResponseCue, item: TPairCandidate): TRelation {
  // "fired back at Trump", "hit back at": a retort, whatever the verb "back" means elsewhere.
  if (/^back\s+at\b/i.test(cue.text)) return "rebuts";
  if (cue.relation !== "responds") return cue.relation;
  return CRITICISM.test(cue.text) || CRITICISM.test(item.sentenceText.slice(0, item.spanStartInSentence)) || CONTRAST_WORDS.test(item.text) ? "rebuts" : "responds";
}

/**
 * The relation of a response the pair model linked: what its cue says, and without a cue a rebuttal
 * unless it plainly agrees. On the real-news dispute gold 117 of 121 pairs accept "rebuts"; a relation
 * model fitted on its few pairs the engine finds learned noise (a contradiction word counting against
 * a rebuttal), so the cue decides.
 */
export function responseRelation(item: TPairCandidate): TRelation {
  const cue = cueOf(item);
  // "support for his proposal", "backing them up": a support word that names no one it agrees with
  // says too little to overrule what answers mostly are.
  if (cue && (cue.relation !== "supports" || cue.target !== null || AGREEING.test(cue.text))) return relationOf(cue, item);
  return SUPPORT_WORDS.test(item.text) ? "supports" : "rebuts";
}

/** Verbs that mean siding with someone or their act: "agreed", "echoed her remarks", "welcomed the ruling". */
export const AGREEING = /^(?:agree|echo|concur|welcom|endors|prais)/i;

// A name, not a capitalised opener ("On Trump's assertion" names Trump, not "On Trump").
const NAME = String.raw`(?!(?:On|In|At|To|About|After|Asked|As|The|But|And|When|While|With|For|Of|Over)\s)\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,2}`;
const NOUN = String.raw`(?:${ANSWERED_NOUN}|offer|charge)`;
/**
 * Words of the reporter (or of the answer itself) that name whose words are answered: "Rubio's claim
 * that …", "Asked about Cruz's charges", "In response to Sanders' charge that …", "fired back at Trump",
 * "Donald Trump's ignorant view of Islam". The name is resolved to a speaker by the pair rules.
 */
const ANSWER_FRAME = /^(?:[Ii]n response to|[Rr]esponding to|[Rr]eacting to|[Aa]sked about|(?:fired|shot|hit) back at|pushed back|took issue with)\b/;
const FRAMED = new RegExp(
  String.raw`\b(?:(?:[Ii]n response to|[Rr]esponding to|[Rr]eacting to|[Aa]sked about|(?:fired|shot|hit) back at|pushed back (?:against|on)|took issue with)\s+(?:the\s+)?${NAME}|${NAME}(?:'s|’s|'|’)\s+(?:[\p{Ll}-]+\s+){0,2}?${NOUN})\b`,
  "u",
);

/**
 * A cue read from how the statement's sentence names the words it answers, for a statement the finder
 * gave no cue with a target. Inside a quote too: "Donald Trump's ignorant view of Islam" in the answer
 * names whose view it answers as surely as the reporter would.
 */
export function framedCue(item: TPairCandidate): TResponseCue | null {
  const m = FRAMED.exec(item.sentenceText);
  // "In response to the tragic loss of life" names no one: the frame needs a capitalised name. A frame
  // after the words ("…, who was asked about the strategy and not about Trump's remarks") is an aside.
  if (!m || m.index >= item.spanStartInSentence + item.text.length) return null;
  // "Trump's criticism comes amid concerns raised by Ishiba": a possessive that is the sentence's own
  // subject sets the scene. It frames an answer inside the answer's words ("Rubio's claim that … is not
  // true") or after a preposition ("On Trump's assertion …, Benjamin said").
  const inside = m.index >= item.spanStartInSentence;
  if (!ANSWER_FRAME.test(m[0]) && !inside && !/\b(?:on|about|to|at|against|with|over|of)\s+$/i.test(item.sentenceText.slice(0, m.index))) return null;
  const relation: TRelation = SUPPORT_WORDS.test(item.text) ? "supports" : "rebuts";
  return { relation, text: m[0], target: null };
}

/** Whether the statement's sentence sets `speaker` beside its own ("Like Corker, Menendez …"): on its side, not answered. */
export function setBeside(item: TPairCandidate, speaker: string, names: TNamesOf = nameParts): boolean {
  return alongside(item).has(names(speaker).last);
}

const ALONGSIDE = /\b(?:Like|Just as)\s+(?:\p{Lu}[\p{L}.]*\s+){0,2}(\p{Lu}[\p{L}'’-]+)/gu;
const alongsideOf = new WeakMap<TPairCandidate, Set<string>>();
/** The names a statement's sentence sets beside its speaker ("Like Corker, …"), read once per statement. */
function alongside(item: TPairCandidate): Set<string> {
  let names = alongsideOf.get(item);
  if (!names) {
    names = new Set([...item.sentenceText.matchAll(ALONGSIDE)].map((m) => m[1] ?? ""));
    alongsideOf.set(item, names);
  }
  return names;
}

/** "Clinton" and "Clinton campaign": one side speaking twice, not an answer. */
export function sameCamp(a: TPairCandidate, b: TPairCandidate, names: TNamesOf = nameParts): boolean {
  const x = names(a.speaker);
  const y = names(b.speaker);
  return x.camp.length > 2 && (x.camp === y.camp || y.words.includes(x.camp) || x.words.includes(y.camp));
}
