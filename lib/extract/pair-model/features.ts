// What the pair model sees: of a statement, whether it answers someone (response features); of an
// earlier statement by another speaker, whether it is what was answered (claim features, read
// against the response's other candidates). Pure functions over the statements the engine found.
// Every feature is a name → value; absent names are 0, so the weights file lists only what training saw.
import { CONTRAST_WORDS, REBUT_VERBS, SUPPORT_VERBS, RESPONSE_PHRASE } from "../lexicon";
import type { TPairCandidate, TRulePair } from "../pairs";
import { cueOf, framedCue, sameCamp, setBeside } from "../response-cue";
import { nameParts, namesOnce, type TNamesOf } from "../speaker-names";
import { candidateTopics, substantive, topicIdf } from "../topic";

export type TFeatures = Map<string, number>;

/** What every candidate of one input shares: topic weights and who spoke first. */
export interface TPairContext {
  items: readonly TPairCandidate[];
  tokens: readonly ReadonlySet<string>[];
  idf: (token: string) => number;
  /** Position of each speaker's first statement: news answers what a speaker said first. */
  firstBySpeaker: ReadonlyMap<string, number>;
  /** Pairs of speakers where either names the other in one of their statements' sentences, as "a>b" both ways. */
  namingSpeakers: ReadonlySet<string>;
  /** Pairs the hand-written rules found, as "claimIndex>responseIndex". */
  rulePairs: ReadonlySet<string>;
  /** The rules that paired each response, by its index. */
  rulesByResponse: ReadonlyMap<number, readonly string[]>;
  traits: readonly TTraits[];
  /** Each speaker's name words, read once for this input. */
  names: TNamesOf;
  /** For each statement, the nearest earlier one by another speaker (-1 for none). */
  nearestOtherVoice: readonly number[];
}

/** Per-statement facts, computed once rather than once per candidate pair. */
interface TTraits {
  cue: TCueClass;
  contrast: boolean;
  /** The words judge what was said: "it's not true", "a silly thing to say", "unfair". */
  judges: boolean;
}

type TCueClass = "rebut" | "support" | "respond" | "attack" | "none";

const RESPOND_WORDS = /\b(?:respond\w*|repl\w*|answer\w*|react\w*|retort\w*|asked about|when asked|in response)\b/i;
const ATTACK_WORDS = /\b(?:attack\w*|accus\w*|criticiz\w*|criticis\w*|slam\w*|blast\w*|mock\w*|ridicul\w*|hit back|fired back|shot back|pushed back|took issue|call\w* (?:it|him|her|them)|insist\w*)\b/i;
const JUDGING_WORDS =
  /\b(?:not true|untrue|false|wrong|unfair|silly|insulting|ugly|shameful|ridiculous|absurd|nonsense|never said|misleading|baseless|outrageous|disgrace\w*|demoni[sz]\w*|irresponsibl\w*|tone deaf|lies?|lying|keep quiet|new low)\b/i;
/** "That's a silly thing to say", "This idea that …", "those comments": words pointing back at words already reported. */
const REFERS_BACK = /^(?:well,?\s+)?(?:that|this|it)(?:[’']s|\s+is|\s+was)\b|\b(?:that|this|those|these|such)\s+(?:claims?|idea|remarks?|comments?|statements?|charges?|accusations?|allegations?|assertions?|suggestions?|criticism|attacks?)\b/i;
/** A denial in the answer's own words: "I have never, ever been influenced", "has not replied". */
const NEGATION = /\b(?:not|never|no|nothing|nobody|none)\b|n[’']t\b/i;
const SUPPORT_PHRASE = /\b(?:agree\w*|echo\w*|back\w* (?:up|the)|endors\w*|defend\w*|prais\w*|welcom\w*|concur\w*)\b/i;

export function buildPairContext(items: readonly TPairCandidate[], rules: readonly Pick<TRulePair, "claim" | "response" | "source">[]): TPairContext {
  const tokens = items.map((item) => candidateTopics(item));
  const idf = topicIdf(tokens);
  const firstBySpeaker = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.speaker && !firstBySpeaker.has(item.speaker)) firstBySpeaker.set(item.speaker, i);
  });
  const traits = items.map((item) => ({
    cue: cueClass(item),
    contrast: CONTRAST_WORDS.test(item.text),
    judges: JUDGING_WORDS.test(item.text),
  }));
  const rulePairs = new Set(rules.map((p) => `${p.claim}>${p.response}`));
  const names = namesOnce();
  const namingSpeakers = speakersNamingEachOther(items, names);
  const rulesByResponse = new Map<number, string[]>();
  for (const { response, source } of rules) rulesByResponse.set(response, [...(rulesByResponse.get(response) ?? []), source]);
  return { items, tokens, idf, firstBySpeaker, namingSpeakers, rulePairs, rulesByResponse, traits, names, nearestOtherVoice: nearestOtherVoices(items) };
}

/**
 * For each statement, the nearest earlier statement by someone else, in one pass: if the last voice
 * before it is its own speaker's, the answer is that statement's own nearest other voice.
 */
function nearestOtherVoices(items: readonly TPairCandidate[]): number[] {
  const nearest: number[] = [];
  let lastVoice = -1;
  items.forEach((item, r) => {
    const last = items[lastVoice];
    nearest.push(!last ? -1 : last.speaker !== item.speaker ? lastVoice : (nearest[lastVoice] ?? -1));
    if (item.speaker) lastVoice = r;
  });
  return nearest;
}

/**
 * Two speakers of which one names the other somewhere in the story ("Ward closed four hospitals",
 * "Hale knows that is false"): the two sides of a dispute, whose words answer each other even where
 * the answering sentence names no one.
 */
function speakersNamingEachOther(items: readonly TPairCandidate[], names: TNamesOf): Set<string> {
  // By surname word, so a story of thousands of commenters costs its words, not speakers × statements.
  const bySurname = new Map<string, string[]>();
  const speakers = new Set(items.flatMap((item) => (item.speaker ? [item.speaker] : [])));
  for (const speaker of speakers) {
    const surname = names(speaker).last;
    if (surname.length > 2) bySurname.set(surname, [...(bySurname.get(surname) ?? []), speaker]);
  }
  const out = new Set<string>();
  const link = (a: string, b: string): void => {
    if (a === b) return;
    out.add(`${a}>${b}`);
    out.add(`${b}>${a}`);
  };
  for (const item of items) {
    const own = item.speaker;
    if (!own) continue;
    for (const name of item.sentenceNames) if (speakers.has(name)) link(own, name);
    for (const word of new Set(item.sentenceText.match(/[\p{L}-]+/gu) ?? [])) for (const named of bySurname.get(word) ?? []) link(own, named);
  }
  return out;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}’'-]+/gu) ?? [];
}

/** The reporting cue class of a response: what its sentence says before (or around) its words. */
export function cueClass(item: TPairCandidate): TCueClass {
  const lead = item.sentenceText.slice(0, item.spanStartInSentence + 1);
  // The reporter's words around the statement, not the statement's own: "denied" inside a quote is
  // what the speaker said, not a sign that they answered someone.
  const frame = lead + item.sentenceText.slice(item.spanStartInSentence + item.text.length);
  const words = wordsOf(frame);
  const cue = cueOf(item);
  if (cue?.relation === "rebuts" || words.some((w) => REBUT_VERBS.has(w))) return "rebut";
  if (cue?.relation === "supports" || words.some((w) => SUPPORT_VERBS.has(w)) || SUPPORT_PHRASE.test(lead)) return "support";
  // "'Absolutely not,' Clinton responded": the reply verb may follow the words.
  if (cue || RESPONSE_PHRASE.test(frame) || RESPOND_WORDS.test(frame)) return "respond";
  if (ATTACK_WORDS.test(frame)) return "attack";
  return "none";
}

/** The response's sentence names whoever made the claim, in full or by surname. */
export function claimantNamed(claim: TPairCandidate, response: TPairCandidate, names: TNamesOf = nameParts): boolean {
  const name = claim.speaker;
  if (!name || name === response.speaker) return false;
  const surname = names(name).last;
  return response.sentenceNames.includes(name) || (surname.length > 2 && response.sentenceText.includes(surname));
}

function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>, idf: (t: string) => number): { weighted: number; shared: number } {
  let weighted = 0;
  let shared = 0;
  for (const t of a) {
    if (!b.has(t)) continue;
    weighted += idf(t);
    shared += 1;
  }
  return { weighted, shared };
}

function add(f: TFeatures, name: string, value: number): void {
  if (value !== 0) f.set(name, (f.get(name) ?? 0) + value);
}

function bucket(value: number, edges: readonly number[]): string {
  const i = edges.findIndex((edge) => value <= edge);
  return i === -1 ? `>${edges[edges.length - 1]}` : `<=${edges[i]}`;
}

export function nearestOtherVoiceBefore(ctx: TPairContext, r: number): number {
  return ctx.nearestOtherVoice[r] ?? -1;
}

/** Speakers other than the two who speak between statements `a` and `b`: each one makes `a` a less likely target. */
function voicesBetween(ctx: TPairContext, a: number, b: number): number {
  const ends = new Set([ctx.items[a]?.speaker, ctx.items[b]?.speaker]);
  const voices = new Set<string>();
  for (let i = Math.min(a, b) + 1; i < Math.max(a, b); i += 1) {
    const speaker = ctx.items[i]?.speaker;
    if (speaker && !ends.has(speaker)) voices.add(speaker);
  }
  return voices.size;
}

/**
 * Statements that statement `r` may answer: by another named speaker, within `window` statements
 * before it or two after it ("In a statement responding to the report, …" may come first), in its
 * own document unless it is a comment, and not under another name of the responder's own. Too short a statement ("of course") is no claim, and the one
 * set beside the responder ("Like Corker, …") is on its side.
 */
export function claimCandidates(ctx: TPairContext, r: number, window: number): number[] {
  const response = ctx.items[r];
  if (!response?.speaker) return [];
  const out: number[] = [];
  for (let c = Math.max(0, r - window); c <= Math.min(ctx.items.length - 1, r + 2); c += 1) {
    const claim = ctx.items[c];
    // "Bush" and "Jeb Bush", "Clinton" and "Clinton campaign": one voice under two names answers no one.
    if (c === r || !claim?.speaker || claim.speaker === response.speaker || sameCamp(claim, response, ctx.names)) continue;
    if (response.docKind !== "comment" && claim.docIndex !== response.docIndex) continue;
    if (!substantive(claim)) continue;
    if (setBeside(response, claim.speaker, ctx.names)) continue;
    out.push(c);
  }
  return out;
}

/** Weighted words each candidate claim shares with statement `r`, computed once per response. */
export function topicsWith(ctx: TPairContext, r: number, candidates: readonly number[]): number[] {
  const mine = ctx.tokens[r] ?? new Set<string>();
  return candidates.map((c) => overlap(ctx.tokens[c] ?? new Set(), mine, ctx.idf).weighted);
}

/**
 * Whether statement `r` answers anyone, from its own sentence and its place in the story: a cue
 * ("rejected", "responded", "fired back"), words that judge what was said ("that's not true"), a
 * contrast, naming someone else who spoke, a rule's reading.
 */
export function responseFeatures(ctx: TPairContext, r: number, candidates: readonly number[], topics = topicsWith(ctx, r, candidates)): TFeatures {
  const response = ctx.items[r];
  const rt = ctx.traits[r];
  const f: TFeatures = new Map();
  if (!response || !rt) return f;
  f.set("bias", 1);
  f.set(`cue:${rt.cue}`, 1);
  if (response.responseCue) f.set(response.responseCue.target ? "cueNamesTarget" : "responseCue", 1);
  else if (framedCue(response)) f.set("framed", 1);
  if (rt.judges) f.set("judges", 1);
  if (rt.contrast) f.set("contrast", 1);
  if (NEGATION.test(response.text)) f.set("negates", 1);
  if (REFERS_BACK.test(response.text.trim())) f.set("refersBack", 1);
  f.set(`sharedTopic:${bucket(Math.max(0, ...topics), [1, 3, 6])}`, 1);
  if (candidates.some((c) => claimantNamed(ctx.items[c] as TPairCandidate, response, ctx.names))) f.set("namesAnotherSpeaker", 1);
  // "Sanders has accused Clinton of …", then Clinton speaks: the one a claim is about answers it.
  if (candidates.some((c) => c < r && claimantNamed(response, ctx.items[c] as TPairCandidate, ctx.names))) f.set("namedByEarlierVoice", 1);
  if (candidates.some((c) => ctx.namingSpeakers.has(`${ctx.items[c]?.speaker}>${response.speaker}`))) f.set("inDispute", 1);
  f.set(`mode:${response.mode}`, 1);
  f.set(`kind:${response.speakerKind ?? "none"}`, 1);
  if (response.speaker && ctx.firstBySpeaker.get(response.speaker) === r) f.set("firstOfSpeaker", 1);
  f.set(`paragraph:${bucket(response.paragraph, [0, 1, 3])}`, 1);
  if (response.question) f.set("question", 1);
  if (response.docKind === "comment") f.set("comment", 1);
  for (const source of ctx.rulesByResponse.get(r) ?? []) f.set(`rule:${source}`, 1);
  const voice = nearestOtherVoiceBefore(ctx, r);
  const before = ctx.items[voice];
  if (before && before.docIndex === response.docIndex && response.paragraph - before.paragraph <= 1) f.set("otherVoiceJustBefore", 1);
  return f;
}

/** Features of "statement `c`, one of `candidates`, is what statement `r` answers". */
export function claimFeatures(ctx: TPairContext, c: number, r: number, candidates: readonly number[], topics = topicsWith(ctx, r, candidates)): TFeatures {
  const claim = ctx.items[c];
  const response = ctx.items[r];
  const ct = ctx.traits[c];
  const f: TFeatures = new Map();
  if (!claim || !response || !ct) return f;
  if (ctx.rulePairs.has(`${c}>${r}`)) add(f, "rule", 1);
  if (ctx.rulePairs.has(`${r}>${c}`)) add(f, "ruleReversed", 1);
  if (claimantNamed(claim, response, ctx.names)) add(f, "claimantNamed", 1);
  if (claimantNamed(response, claim, ctx.names)) add(f, "responderNamedInClaim", 1);
  if (ctx.namingSpeakers.has(`${claim.speaker}>${response.speaker}`)) add(f, "disputants", 1);
  const target = response.responseCue?.target ?? null;
  if (target?.name && target.name === claim.speaker) add(f, "cueTargetIsClaimant", 1);
  if (target?.country && !target.name && target.country === claim.country) add(f, "cueTargetCountry", 1);

  // Where it stands: news reports an answer after, and most often right after, what it answers.
  if (c > r) add(f, "after", 1);
  if (nearestOtherVoiceBefore(ctx, r) === c) add(f, "nearestOtherVoice", 1);
  add(f, `voicesBetween:${bucket(voicesBetween(ctx, c, r), [0, 1])}`, 1);
  add(f, `gap:${bucket(Math.abs(r - c), [1, 2, 4, 8])}`, 1);
  add(f, `paragraphs:${bucket(Math.abs(response.paragraph - claim.paragraph), [0, 1, 3])}`, 1);
  if (claim.sentence === response.sentence && claim.docIndex === response.docIndex) add(f, "sameSentence", 1);

  // What it says: the answer shares its words, more than the other candidates do.
  const topic = topics[candidates.indexOf(c)] ?? 0;
  add(f, "topic", Math.min(topic, 12) / 4);
  if (topic > 0 && topic >= Math.max(...topics)) add(f, "bestTopic", 1);

  // Who said it: the claimant's first words and the lede are what others react to.
  if (claim.speaker && ctx.firstBySpeaker.get(claim.speaker) === c) add(f, "claimantFirst", 1);
  if (claim.paragraph <= 1) add(f, "claimInLede", 1);
  if (claim.question) add(f, "claimQuestion", 1);
  if (ct.cue !== "none") add(f, "claimIsAnswer", 1);
  if (claim.country && response.country && claim.country !== response.country) add(f, "otherCountry", 1);
  if (claim.opposition !== response.opposition) add(f, "oppositionDiffers", 1);
  add(f, `claimKind:${claim.speakerKind ?? "none"}`, 1);
  return f;
}
