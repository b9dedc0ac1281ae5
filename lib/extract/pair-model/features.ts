// What the pair model sees of a (claim, response) candidate: pure functions over the statements
// the engine found. Every feature is a name → value; absent names are 0, so the weights file
// lists only what training saw.
import { CONTRAST_WORDS, REBUT_VERBS, SUPPORT_VERBS, RESPONSE_PHRASE } from "../lexicon";
import type { TPairCandidate } from "../pairs";
import { cueOf } from "../response-cue";
import { topicTokens } from "../topic";

export type TFeatures = Map<string, number>;

/** What every candidate of one input shares: topic weights and who spoke first. */
export interface TPairContext {
  items: readonly TPairCandidate[];
  tokens: readonly Set<string>[];
  idf: (token: string) => number;
  /** Position of each speaker's first statement: news answers what a speaker said first. */
  firstBySpeaker: ReadonlyMap<string, number>;
  /** Pairs the hand-written rules found, as "claimIndex>responseIndex" → relation. */
  rulePairs: ReadonlyMap<string, string>;
  traits: readonly TTraits[];
}

/** Per-statement facts, computed once rather than once per candidate pair. */
interface TTraits {
  cue: TCueClass;
  contrast: boolean;
  numbers: Set<string>;
  names: Set<string>;
  sentenceNames: Set<string>;
  /** The words judge what was said: "it's not true", "a silly thing to say", "unfair". */
  judges: boolean;
}

type TCueClass = "rebut" | "support" | "respond" | "attack" | "none";

const NUMBER = /\b\d[\d,.]*\b/g;
const NAME = /\b\p{Lu}[\p{L}’'-]+(?:\s+\p{Lu}[\p{L}’'-]+)*/gu;
const RESPOND_WORDS = /\b(?:respond\w*|repl\w*|answer\w*|react\w*|retort\w*|asked about|when asked|in response)\b/i;
const ATTACK_WORDS = /\b(?:attack\w*|accus\w*|criticiz\w*|criticis\w*|slam\w*|blast\w*|mock\w*|ridicul\w*|hit back|fired back|shot back|pushed back|took issue|call\w* (?:it|him|her|them)|insist\w*)\b/i;
const JUDGING_WORDS =
  /\b(?:not true|untrue|false|wrong|unfair|silly|insulting|ugly|shameful|ridiculous|absurd|nonsense|never said|misleading|baseless|outrageous|disgrace\w*|demoni[sz]\w*|irresponsibl\w*|tone deaf|lies?|lying|keep quiet|new low)\b/i;
const SUPPORT_PHRASE = /\b(?:agree\w*|echo\w*|back\w* (?:up|the)|endors\w*|defend\w*|prais\w*|welcom\w*|concur\w*)\b/i;

export function buildPairContext(items: readonly TPairCandidate[], rulePairs: ReadonlyMap<string, string>): TPairContext {
  const tokens = items.map((item) => topicTokens(item.text));
  const df = new Map<string, number>();
  for (const set of tokens) for (const t of set) df.set(t, (df.get(t) ?? 0) + 1);
  const n = Math.max(1, items.length);
  const idf = (t: string): number => Math.log(1 + n / (df.get(t) ?? 1)) * (t.startsWith("@") ? 0.3 : 1);
  const firstBySpeaker = new Map<string, number>();
  items.forEach((item, i) => {
    if (item.speaker && !firstBySpeaker.has(item.speaker)) firstBySpeaker.set(item.speaker, i);
  });
  const traits = items.map((item) => ({
    cue: cueClass(item),
    contrast: CONTRAST_WORDS.test(item.text),
    numbers: setOf(item.text, NUMBER),
    names: setOf(item.text, NAME),
    sentenceNames: setOf(item.sentenceText, NAME),
    judges: JUDGING_WORDS.test(item.text),
  }));
  return { items, tokens, idf, firstBySpeaker, rulePairs, traits };
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
  if (cue || RESPONSE_PHRASE.test(frame) || RESPOND_WORDS.test(lead)) return "respond";
  if (ATTACK_WORDS.test(frame)) return "attack";
  return "none";
}

function surnameOf(name: string): string {
  return name.split(/\s+/).pop() ?? "";
}

function surnameIn(name: string, text: string): boolean {
  const surname = surnameOf(name);
  return surname.length > 2 && text.includes(surname);
}

/** The response's sentence names whoever made the claim, in full or by surname. */
export function claimantNamed(claim: TPairCandidate, response: TPairCandidate): boolean {
  const name = claim.speaker;
  if (!name || name === response.speaker) return false;
  return response.sentenceNames.includes(name) || surnameIn(name, response.sentenceText);
}

function overlap(a: Set<string>, b: Set<string>, idf: (t: string) => number): { weighted: number; shared: number } {
  let weighted = 0;
  let shared = 0;
  for (const t of a) {
    if (!b.has(t)) continue;
    weighted += idf(t);
    shared += 1;
  }
  return { weighted, shared };
}

function setOf(text: string, re: RegExp): Set<string> {
  return new Set(text.match(new RegExp(re.source, re.flags)) ?? []);
}

function sharedCount(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n += 1;
  return n;
}

function bucket(value: number, edges: readonly number[]): string {
  const i = edges.findIndex((edge) => value <= edge);
  return i === -1 ? `>${edges[edges.length - 1]}` : `<=${edges[i]}`;
}

export function nearestOtherVoiceBefore(ctx: TPairContext, r: number): number {
  const speaker = ctx.items[r]?.speaker;
  for (let i = r - 1; i >= 0; i -= 1) {
    const other = ctx.items[i]?.speaker;
    if (other && other !== speaker) return i;
  }
  return -1;
}

function bestTopicMatch(ctx: TPairContext, r: number): number {
  const mine = ctx.tokens[r] ?? new Set<string>();
  let best = -1;
  let bestScore = 0;
  for (let i = Math.max(0, r - 16); i < Math.min(ctx.items.length, r + 17); i += 1) {
    if (i === r || ctx.items[i]?.speaker === ctx.items[r]?.speaker) continue;
    const score = overlap(ctx.tokens[i] ?? new Set(), mine, ctx.idf).weighted;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/** Whether `c` overlaps `r` in topic more than any other statement by `c`'s speaker within the window. */
function bestOfClaimant(ctx: TPairContext, c: number, r: number): boolean {
  const speaker = ctx.items[c]?.speaker;
  const mine = ctx.tokens[r] ?? new Set<string>();
  const score = (i: number): number => overlap(ctx.tokens[i] ?? new Set(), mine, ctx.idf).weighted;
  const own = score(c);
  for (let i = Math.max(0, r - 16); i < Math.min(ctx.items.length, r + 17); i += 1) {
    if (i !== c && ctx.items[i]?.speaker === speaker && score(i) > own) return false;
  }
  return true;
}

/** Features of "statement `c` is the claim that statement `r` answers". */
export function pairFeatures(ctx: TPairContext, c: number, r: number): TFeatures {
  const claim = ctx.items[c];
  const response = ctx.items[r];
  const ct = ctx.traits[c];
  const rt = ctx.traits[r];
  const f: TFeatures = new Map();
  if (!claim || !response || !ct || !rt) return f;
  const set = (name: string, value = 1): void => {
    if (value !== 0) f.set(name, (f.get(name) ?? 0) + value);
  };
  set("bias");
  const cue = rt.cue;
  set(`cue:${cue}`);
  set(`claimCue:${ct.cue}`);
  if (response.factCheckOf === claim.id) set("factCheckOf");
  const rule = ctx.rulePairs.get(`${c}>${r}`);
  if (rule) set("rule");
  if (ctx.rulePairs.get(`${r}>${c}`)) set("ruleReversed");

  // The claimant named where the response is reported.
  // Only between two speakers: a speaker's own name in its own sentence says nothing.
  const claimSpeaker = claim.speaker ?? "";
  const twoSpeakers = claimSpeaker !== "" && !!response.speaker && claimSpeaker !== response.speaker;
  const named = twoSpeakers && response.sentenceNames.includes(claimSpeaker);
  const surnameInResponse = twoSpeakers && surnameIn(claimSpeaker, response.sentenceText);
  if (named) set("claimantNamed");
  if (surnameInResponse) set("claimantSurname");
  if ((named || surnameInResponse) && cue !== "none") set(`claimantNamed&cue:${cue}`);
  const target = response.responseCue?.target ?? null;
  if (target?.name && target.name === claim.speaker) set("cueTargetIsClaimant");
  if (target?.country && target.country === claim.country) set("cueTargetCountry");
  const responseSurname = surnameOf(response.speaker ?? "");
  if (twoSpeakers && responseSurname.length > 2 && claim.sentenceText.includes(responseSurname)) set("responderNamedInClaim");

  // Who speaks.
  if (!claim.speaker || !response.speaker) set("speakerMissing");
  else if (claim.speaker === response.speaker) set("sameSpeaker");
  if (claim.country && response.country) set(claim.country === response.country ? "sameCountry" : "otherCountry");
  else set("countryUnknown");
  if (claim.opposition !== response.opposition) set("oppositionDiffers");
  if (claim.country && response.country && claim.country !== response.country && cue !== "none") set("otherCountry&cue");
  set(`claimKind:${claim.speakerKind ?? "none"}`);
  set(`responseKind:${response.speakerKind ?? "none"}`);
  if (claim.docIndex !== response.docIndex) set("otherDocument");
  if (response.docKind === "comment") set("responseIsComment");
  if (claim.speaker && ctx.firstBySpeaker.get(claimSpeaker) === c) set("claimantFirstStatement");
  if (response.speaker && ctx.firstBySpeaker.get(response.speaker) === r) set("responderFirstStatement");

  // What the statements are.
  set(`claimMode:${claim.mode}`);
  set(`responseMode:${response.mode}`);
  if (claim.question) set("claimQuestion");
  if (claim.responseCue) set("claimHasResponseCue");
  if (rt.contrast) set("responseContrast");
  if (rt.contrast && cue === "none") set("responseContrastNoCue");

  // Topic.
  const topic = overlap(ctx.tokens[c] ?? new Set(), ctx.tokens[r] ?? new Set(), ctx.idf);
  set("topicWeighted", Math.min(topic.weighted, 12) / 4);
  set(`topicShared:${bucket(topic.shared, [0, 1, 3])}`);
  const numbers = sharedCount(ct.numbers, rt.numbers);
  if (numbers > 0) set("sharedNumber");
  const names = sharedCount(ct.names, rt.sentenceNames);
  if (names > 0) set("sharedName");

  // Order and distance.
  const after = r > c;
  set(after ? "claimFirst" : "responseFirst");
  const gap = Math.abs(r - c);
  set(`gap:${bucket(gap, [1, 2, 4, 8, 16])}`);
  const paragraphs = Math.abs(response.paragraph - claim.paragraph);
  set(`paragraphs:${bucket(paragraphs, [0, 1, 3, 6])}`);
  if (claim.sentence === response.sentence && claim.docIndex === response.docIndex) set("sameSentence");
  if (!after && cue !== "none") set("responseFirst&cue");
  if (gap === 1 && cue !== "none") set("adjacent&cue");
  if (gap === 1 && rt.contrast) set("adjacent&contrast");
  if (after && gap <= 2 && twoSpeakers) set("near&twoSpeakers");
  if (after && topic.shared > 0 && twoSpeakers) set("sharedTopic&twoSpeakers");
  // Relative to the other claims this response could answer: the nearest other voice before it,
  // and the one it shares most words with.
  if (after && twoSpeakers && nearestOtherVoiceBefore(ctx, r) === c) set("nearestOtherVoice");
  if (topic.weighted > 0 && bestTopicMatch(ctx, r) === c) set("bestTopicMatch");
  // Of everything the claimant said nearby, the statement this response shares most with.
  if (twoSpeakers && topic.weighted > 0 && bestOfClaimant(ctx, c, r)) set("claimantsBestTopic");

  // A dispute: two speakers close together, the response judging or answering.
  if (rt.judges) set("responseJudges");
  const close = paragraphs <= 1 && claim.docIndex === response.docIndex;
  if (twoSpeakers && close && (rt.judges || rt.contrast)) set("closeDispute");
  if (twoSpeakers && after && (rt.judges || cue !== "none") && (claim.paragraph <= 2 || ctx.firstBySpeaker.get(claimSpeaker) === c)) set("answersLedeOrFirst");
  return f;
}

/** Features for the relation of a pair already judged to be one. */
export function relationFeatures(ctx: TPairContext, c: number, r: number): TFeatures {
  const claim = ctx.items[c];
  const response = ctx.items[r];
  const rt = ctx.traits[r];
  const f: TFeatures = new Map();
  if (!claim || !response || !rt) return f;
  f.set("bias", 1);
  f.set(`cue:${rt.cue}`, 1);
  const rule = ctx.rulePairs.get(`${c}>${r}`);
  if (rule) f.set(`rule:${rule}`, 1);
  if (response.responseCue) f.set(`responseCue:${response.responseCue.relation}`, 1);
  if (rt.contrast) f.set("responseContrast", 1);
  if (response.factCheckOf === claim.id) f.set("factCheckOf", 1);
  f.set(`responseKind:${response.speakerKind ?? "none"}`, 1);
  if (claim.country && response.country && claim.country === response.country) f.set("sameCountry", 1);
  return f;
}
