// Response statements the general statement finder leaves out: a named speaker rejecting, denying or
// disputing something in the reporter's words, with no "said" and no quote of their own ("Khan
// rejected Trump's offer on Tuesday.", "The campaign dismissed the attack as desperate."). They are
// the answers in a dispute, so each carries its response cue and, when the text names one, whose
// words it answers.
import { ANSWERED_NOUN } from "./lexicon";
import { findQuotes } from "./quotes";
import { splitSentences } from "./sentences";
import type { MentionIndex, SpeakerRegistry } from "./speakers";
import type { TRawStatement, TResponseTarget } from "./statements";
import type { TSpan } from "./types";

// "has flatly rejected", "also denied", "quickly dismissed": a few auxiliaries and adverbs may sit
// between the speaker and the verb. Besides denials, the retorts news uses for one side answering
// another ("pushed back against", "fired back that", "hit Snowden back"), and a judgement of the
// other side's words ("calls this a false narrative").
const RESPONSE_VERB = new RegExp(
  String.raw`^\s+(?:(?:has|have|had)\s+)?(?:(?:also|again|quickly|flatly|firmly|vigorously|strongly|repeatedly|publicly|later|swiftly|immediately|angrily)\s+)?` +
    String.raw`(rejected|denied|dismissed|disputed|refuted|rebutted|countered|contradicted|retorted|responded|(?:pushed|fired|hit|shot|struck)\s+back|hit\s+\p{Lu}[\p{L}'’-]+\s+back|took\s+issue|(?:calls|called)\s+(?:it|this|that|them|the\s+\w+)\s+(?:an?\s+)?(?:\w+\s+)?(?:false|untrue|wrong|a\s+lie|lies|baseless|absurd|ridiculous|nonsense|misleading|inaccurate))\b`,
  "u",
);
/** "'s campaign" or " campaign" right after a candidate's name. */
const CAMPAIGN_AFTER = /^(?:['’]s)?\s+campaign\b/;
// What a denial may not be followed by to be one: "denied access", "rejected by voters".
const NOT_A_RESPONSE = /^\s+(?:by|access|entry|permission|bail|a\s+visa|the\s+(?:appeal|application|request|bid))\b/i;
/** "responded" alone answers without taking a side; the other verbs push back. */
const NEUTRAL_VERB = /^responded$/i;
const MIN_WORDS = 2;

interface TResponseInput {
  text: string;
  paragraphs: readonly TSpan[];
  registry: SpeakerRegistry;
  mentions: MentionIndex;
  /** The publication, when known: the voice of its own corrections. */
  outlet: string | null;
  /** The statements already found: a response is added only where none of them lies. */
  found: readonly TRawStatement[];
}

function overlaps(a: TSpan, b: TSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Where a span ending at `end` ends once the characters `trailing` matches are stripped from its tail. */
function trimEnd(text: string, start: number, end: number, trailing: RegExp): number {
  let at = end;
  while (at > start && trailing.test(text[at - 1] ?? "")) at -= 1;
  return at;
}

function wordsIn(text: string, span: TSpan): number {
  return text.slice(span.start, span.end).split(/\s+/).length;
}

/** Reported words holding a quotation mark are a mixed statement. */
function modeOf(text: string, span: TSpan): TRawStatement["mode"] {
  return /["“”]|''/.test(text.slice(span.start, span.end)) ? "mixed" : "indirect";
}

/** "In fact, …": a sentence the outlet opens as its own correction, whatever source it then cites. */
export const OPENS_AS_CORRECTION = /^(?:(?:but|and)\s+)?in (?:fact|reality)\b/i;
/**
 * The reporter's aside inside a sentence that reports the claim: "who proclaimed in July - falsely -
 * that …", "claiming without any evidence that …". The claim after it stays the speaker's.
 */
const ASIDE = /\b(?:falsely|wrongly|without (?:any |offering )?evidence)\b/;
const ASIDE_ONLY = new RegExp(`^${ASIDE.source}$`, "i");
/** A fact-checker's rating in its own voice: "We rate this claim False.", "we rate it Pants on Fire". */
const RATING = /\bwe rate (?:this|that|the|it|his|her|their)\b[^.!?]{0,40}?\b(?:true|false|pants on fire|half true|mostly (?:true|false))\b/;

/**
 * The reporter correcting a speaker in the article's own voice: "In fact, the plant stayed open.",
 * "None of this is true.", "was wrong in his claim about …", "two Pinocchios". A fact-check verdict is a
 * response by the outlet.
 */
export const CORRECTION = new RegExp(
  String.raw`${OPENS_AS_CORRECTION.source}|\b(?:was|is|were|are)\s+(?:(?:just|simply|flatly|plainly)\s+)?(?:wrong|false|untrue|not true|incorrect|inaccurate)\b|\bnone of (?:this|that|it)(?:,\s*of course,)?\s+is true|\bPinocchios?\b|${RATING.source}|${ASIDE.source}`,
  "i",
);

/** The speaker a denial answers: the first named person or body right after the verb ("rejected Trump's offer"). */
function targetAfter(input: TResponseInput, from: number, to: number, responder: string): TResponseTarget | null {
  const m = input.mentions.within({ start: from, end: to }).find((x) => x.name && !x.pronoun && x.kind !== "outlet");
  if (!m?.name || m.start - from > 12) return null;
  const name = input.registry.canonical(m.name);
  if (name === responder) return null;
  return { name, country: input.registry.profile(name)?.country ?? m.country };
}

/**
 * A statement the response finder may take the place of: reported words without a cue of their own
 * that sit inside what the response verb governs ("rejected [attacks from Jeb Bush that he was not a
 * conservative]" read as the attackers' claim, or as the responder's own words without the denial).
 * Quotes stay: a quoted answer after "rejected the claim, saying" is the better statement.
 */
function weakerWithin(s: TRawStatement, from: number, to: number): boolean {
  return s.mode !== "direct" && s.responseCue === null && s.span.start >= from && s.span.end <= to + 1;
}

/** The finder's reading of "rejected [criticism from Holt that …]": the verb's object taken for the responder's words. */
function objectOfVerb(s: TRawStatement, verbEnd: number, to: number): boolean {
  return s.mode !== "direct" && s.span.start >= verbEnd && s.span.start <= verbEnd + 2 && s.span.end <= to + 1;
}

/**
 * "rejected criticism from Senator Holt that the bridge was over budget", "disputed Holt's claim that
 * …": the clause after "that" is the named claimant's words, answered by the responder. Returns where
 * "that" starts, or null when the object names no claimant or no such clause follows.
 */
const OWNED_CLAIM = new RegExp(
  String.raw`^\s+(?:the\s+)?(?:[\p{L}'’-]+\s+){0,2}?${ANSWERED_NOUN}(?:\s+(?:from|by)\s+[^,;:]{2,80}?)?\s+(that)\s+`,
  "iu",
);

/** The statements overlapping a span, by binary search over their starts: long inputs stay near-linear. */
function overlapIndex(found: readonly TRawStatement[]): (span: TSpan) => TRawStatement[] {
  const sorted = [...found].sort((a, b) => a.span.start - b.span.start);
  const longest = sorted.reduce((n, s) => Math.max(n, s.span.end - s.span.start), 0);
  return (span) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid]?.span.start ?? 0) < span.start - longest) lo = mid + 1;
      else hi = mid;
    }
    const out: TRawStatement[] = [];
    for (let i = lo; i < sorted.length && (sorted[i]?.span.start ?? Infinity) < span.end; i += 1) {
      const s = sorted[i];
      if (s && overlaps(s.span, span)) out.push(s);
    }
    return out;
  };
}

/** Response statements in one document's paragraphs that the statement finder did not produce. */
export function findResponseStatements(input: TResponseInput): TRawStatement[] {
  const { text, paragraphs } = input;
  const quotes = findQuotes(text, paragraphs);
  const inQuote = (i: number): boolean => quotes.some((q) => i > q.open && i < q.close);
  const out: TRawStatement[] = [];
  const overlapping = overlapIndex(input.found);
  paragraphs.forEach((paragraph, index) => {
    for (const sentence of splitSentences(text, paragraph, inQuote)) {
      const inSentence = overlapping(sentence);
      const aside = asideCorrection(input, sentence, index, inQuote, inSentence, out.length);
      if (aside.length > 0) {
        out.push(...aside);
        continue;
      }
      const correction = correctionIn(input, sentence, index, inQuote, inSentence);
      if (correction) {
        out.push(correction);
        continue;
      }
      const answered = answeredClaim(input, sentence, index, inSentence);
      if (answered) out.push(answered);
      out.push(...responseIn(input, sentence, index, inQuote, inSentence));
    }
  });
  return out;
}

/**
 * A named speaker answering in one sentence ("Khan rejected Trump's offer", "The Clinton campaign pushed
 * back"): the response, and the claimant's words when its object holds them; none where the finder's
 * own reading of the sentence is the better one.
 */
function responseIn(input: TResponseInput, sentence: TSpan, paragraph: number, inQuote: (i: number) => boolean, inSentence: readonly TRawStatement[]): TRawStatement[] {
  const { text, registry } = input;
  for (const m of input.mentions.within(sentence)) {
    if (!m.name || m.pronoun || m.kind === "outlet" || inQuote(m.start)) continue;
    // "The Clinton campaign pushed back", "Cruz's campaign calls this a false narrative": a
    // candidate's campaign answering, in the name the spokesperson reader gives campaigns.
    const camp = CAMPAIGN_AFTER.exec(text.slice(m.end, sentence.end));
    if (m.possessive && !camp) continue;
    const from = m.end + (camp?.[0].length ?? 0);
    const verb = RESPONSE_VERB.exec(text.slice(from, sentence.end));
    if (!verb?.[1]) continue;
    const verbStart = from + verb[0].length - verb[1].length;
    const verbEnd = from + verb[0].length;
    if (NOT_A_RESPONSE.test(text.slice(verbEnd, sentence.end))) continue;
    // Where the finder already read this sentence, the response replaces only weaker readings of it.
    if (!inSentence.every((s) => weakerWithin(s, verbStart, sentence.end) || objectOfVerb(s, verbEnd, sentence.end))) return [];
    const profile = registry.profile(m.name);
    const canonical = registry.canonical(m.name);
    const speaker = camp
      ? { name: `${canonical.split(" ").pop() ?? canonical} campaign`, kind: "organization" as const }
      : { name: canonical, kind: profile?.kind ?? m.kind };
    if (camp && (profile?.kind ?? m.kind) !== "person") continue;
    const end = trimEnd(text, verbStart, sentence.end, /[\s.]/);
    const claim = ownedClaim(input, verbEnd, end, speaker.name, paragraph, sentence);
    const span = { start: verbStart, end: claim ? claim.responseEnd : end };
    if (wordsIn(text, span) < MIN_WORDS + 1) continue;
    const relation = NEUTRAL_VERB.test(verb[1]) ? "responds" : "rebuts";
    // "hit Snowden back": the one answered may sit inside the verb.
    const targetFrom = verbStart + (verb[1].split(/\s+/)[0]?.length ?? 0);
    const target = claim ? { name: claim.statement.speaker?.name ?? null, country: registry.profile(claim.statement.speaker?.name ?? "")?.country ?? null } : targetAfter(input, targetFrom, sentence.end, speaker.name);
    const response: TRawStatement = {
      speaker,
      mode: modeOf(text, span),
      span,
      cue: { text: verb[1], start: verbStart, end: verbEnd },
      source: { start: m.start, end: m.end },
      confidence: 0.6,
      sentence,
      paragraph,
      responseCue: { relation, text: verb[1], target },
      factCheckOf: null,
      question: text.slice(sentence.start, sentence.end).trimEnd().endsWith("?"),
    };
    return claim ? [response, claim.statement] : [response];
  }
  return [];
}

/** The named claimant's words inside a response's object ("… criticism from Holt that [the bridge was over budget]"). */
function ownedClaim(
  input: TResponseInput,
  verbEnd: number,
  end: number,
  responder: string,
  paragraph: number,
  sentence: TSpan,
): { statement: TRawStatement; responseEnd: number } | null {
  const { text } = input;
  const owned = OWNED_CLAIM.exec(text.slice(verbEnd, end));
  if (!owned) return null;
  const thatAt = verbEnd + owned[0].lastIndexOf("that");
  const claimStart = verbEnd + owned[0].length;
  const who = input.mentions
    .within({ start: verbEnd, end: thatAt })
    .find((m) => m.name && !m.pronoun && m.kind !== "outlet" && input.registry.canonical(m.name) !== responder);
  if (!who?.name || wordsIn(text, { start: claimStart, end }) < MIN_WORDS + 1) return null;
  const name = input.registry.canonical(who.name);
  const responseEnd = trimEnd(text, verbEnd, thatAt, /[\s,]/);
  const speaker = { name, kind: input.registry.profile(name)?.kind ?? who.kind };
  return { responseEnd, statement: claimOf(text, speaker, who, { start: claimStart, end }, sentence, paragraph) };
}

// "In response to", "Asked about": the sentence opens on the words its speaker is about to answer.
const ANSWER_OPENER = /^(?:(?:but|and)\s+)?(?:in response to|responding to|reacting to|in reply to|asked about|when asked about)(?=\s)/i;

/**
 * "In response to Sanders' charge that she has been weak on climate change, she said …": the clause
 * after "that" up to the comma is the named claimant's words, which the rest of the sentence answers.
 * Returned as the claimant's statement, or null when the opener names no claimant or the finder
 * already read those words.
 */
function answeredClaim(input: TResponseInput, sentence: TSpan, paragraph: number, inSentence: readonly TRawStatement[]): TRawStatement | null {
  const { text } = input;
  const opener = ANSWER_OPENER.exec(text.slice(sentence.start, sentence.end));
  if (!opener) return null;
  const from = sentence.start + opener[0].length;
  const owned = OWNED_CLAIM.exec(text.slice(from, sentence.end));
  if (!owned) return null;
  const thatAt = from + owned[0].lastIndexOf("that");
  const start = from + owned[0].length;
  const comma = text.indexOf(",", start);
  if (comma < 0 || comma >= sentence.end) return null;
  const span = { start, end: trimEnd(text, start, comma, /\s/) };
  if (wordsIn(text, span) < MIN_WORDS + 1 || inSentence.some((s) => overlaps(s.span, span))) return null;
  const who = input.mentions.within({ start: from, end: thatAt }).find((m) => m.name && !m.pronoun && m.kind !== "outlet");
  if (!who?.name) return null;
  const name = input.registry.canonical(who.name);
  return claimOf(text, { name, kind: input.registry.profile(name)?.kind ?? who.kind }, who, span, sentence, paragraph);
}

/** A claim the response finder reads inside a sentence: the claimant's reported words, no cue of their own. */
function claimOf(text: string, speaker: TRawStatement["speaker"], source: TSpan, span: TSpan, sentence: TSpan, paragraph: number): TRawStatement {
  return {
    speaker,
    mode: modeOf(text, span),
    span,
    cue: null,
    source: { start: source.start, end: source.end },
    confidence: 0.55,
    sentence,
    paragraph,
    responseCue: null,
    factCheckOf: null,
    question: false,
  };
}

// The reporting verb an aside qualifies: "who proclaimed in July - falsely", "claiming without any evidence".
const REPORTED_BEFORE =
  /\b(?:said|says|claim(?:s|ed|ing)?|alleg(?:es|ed|ing)|proclaim(?:s|ed|ing)|assert(?:s|ed|ing)|stated|suggest(?:s|ed|ing)|insist(?:s|ed|ing)|argu(?:es|ed|ing)|declar(?:es|ed|ing)|told|tweeted|wrote)\b[^.;]{0,30}$/i;
/** Where the claim an aside corrects ends: before the sentence goes on with the speaker's next words. */
const NEXT_REPORT = /,\s+(?:he |she |they )?(?:said|says|added|adds|told|and)\b/i;

/**
 * The reporter's aside on a reported claim ("Trump, who proclaimed in July - falsely - that …"): the
 * outlet's correction up to the aside, and the claim after it as the named speaker's words, linked by
 * `factCheckOf` (an index into `found`, or past its end into the statements added after it).
 */
function asideCorrection(
  input: TResponseInput,
  sentence: TSpan,
  paragraph: number,
  inQuote: (i: number) => boolean,
  inSentence: readonly TRawStatement[],
  addedSoFar: number,
): TRawStatement[] {
  const { text } = input;
  const body = text.slice(sentence.start, sentence.end);
  const marker = ASIDE.exec(body);
  if (!marker) return [];
  const at = sentence.start + marker.index;
  const markerEnd = at + marker[0].length;
  // Only the reporter's aside on a report ("claimed without evidence"); "falsely marketed its diet pills"
  // is an allegation the story reports, and "he was falsely accused" a speaker's own words.
  if (inQuote(at) || !REPORTED_BEFORE.test(text.slice(sentence.start, at)) || inSentence.some((s) => s.span.start <= at && s.span.end > at)) return [];
  const speaker = input.mentions
    .within({ start: sentence.start, end: at })
    .filter((m) => m.name && !m.pronoun && m.kind !== "outlet" && !inQuote(m.start))
    .pop();
  if (!speaker?.name) return [];
  const name = input.registry.canonical(speaker.name);
  const profile = input.registry.profile(name);
  let claim: TRawStatement | null = null;
  const that = /^[\s,–—-]*(?:that\s+)?/.exec(text.slice(markerEnd, sentence.end));
  const claimStart = markerEnd + (that?.[0].length ?? 0);
  // The words right after the aside are the corrected claim: as the finder read them, or else read here.
  const read = inSentence.find((s) => s.span.start >= markerEnd && s.span.start <= claimStart + 2);
  let claimIndex = read ? input.found.indexOf(read) : -1;
  if (claimIndex < 0 && /that\s+$/.test(that?.[0] ?? "")) {
    const rest = text.slice(claimStart, sentence.end);
    const words = { start: claimStart, end: trimEnd(text, claimStart, claimStart + (NEXT_REPORT.exec(rest)?.index ?? rest.length), /[\s.,]/) };
    if (wordsIn(text, words) > MIN_WORDS) {
      claim = claimOf(text, { name, kind: profile?.kind ?? speaker.kind }, speaker, words, sentence, paragraph);
      claimIndex = input.found.length + addedSoFar + 1;
    }
  }
  // Without the corrected words among the statements there is nothing for the aside to answer.
  if (claimIndex < 0) return [];
  const span = { start: sentence.start, end: trimEnd(text, sentence.start, markerEnd, /[\s.,–—-]/) };
  const correction = outletCorrection(input, span, sentence, paragraph, marker[0], { name, country: profile?.country ?? null }, claimIndex);
  return claim ? [correction, claim] : [correction];
}

/** The outlet's correction in one sentence of narration, if the sentence is one. */
function correctionIn(
  input: TResponseInput,
  sentence: TSpan,
  paragraph: number,
  inQuote: (i: number) => boolean,
  inSentence: readonly TRawStatement[],
): TRawStatement | null {
  const { text } = input;
  const body = text.slice(sentence.start, sentence.end);
  const marker = CORRECTION.exec(body);
  if (!marker || inQuote(sentence.start + marker.index)) return null;
  const at = sentence.start + marker.index;
  // Asides are read with the claim they qualify (asideCorrection), or not at all.
  if (ASIDE_ONLY.test(marker[0])) return null;
  const named = input.mentions.within(sentence).filter((m) => m.name && !m.pronoun && m.kind !== "outlet" && !inQuote(m.start));
  // "was wrong" corrects only when said of the speaker by name ("Trump, for instance, was wrong"):
  // "never admitting he was wrong", "refusing to say any facts were wrong" report, not correct.
  if (/^(?:was|is|were|are)\b/i.test(marker[0])) {
    const subject = named.find((m) => m.end <= at && /^(?:,[^,]{1,25},)?\s*$/.test(text.slice(m.end, at)));
    if (!subject) return null;
  }
  if (inSentence.length > 0) {
    // "In fact, according to company filings, the plant stayed open": the opener makes the sentence the
    // outlet's, over a weaker reading of its source; any other marker leaves a read sentence alone.
    if (!OPENS_AS_CORRECTION.test(body) || !inSentence.every((s) => weakerWithin(s, sentence.start, sentence.end))) return null;
  }
  const target = named[0]?.name ? input.registry.canonical(named[0].name) : null;
  const span = { start: sentence.start, end: trimEnd(text, sentence.start, sentence.end, /[\s.,-]/) };
  if (wordsIn(text, span) < MIN_WORDS + 2) return null;
  return outletCorrection(input, span, sentence, paragraph, marker[0], target ? { name: target, country: input.registry.profile(target)?.country ?? null } : null, null);
}

/** The outlet's own correction of a speaker (`target`), rebutting in the reporter's words. */
function outletCorrection(
  input: TResponseInput,
  span: TSpan,
  sentence: TSpan,
  paragraph: number,
  marker: string,
  target: TResponseTarget | null,
  factCheckOf: number | null,
): TRawStatement {
  return {
    speaker: input.outlet ? { name: input.outlet, kind: "outlet" } : null,
    mode: modeOf(input.text, span),
    span,
    cue: null,
    source: null,
    confidence: 0.55,
    sentence,
    paragraph,
    responseCue: { relation: "rebuts", text: marker, target },
    factCheckOf,
    question: false,
  };
}

/** The finder's statements and the added responses in text order, fact-check links kept pointing right. */
export function mergeResponseStatements(found: readonly TRawStatement[], added: readonly TRawStatement[]): TRawStatement[] {
  if (added.length === 0) return [...found];
  // A response or correction added over a sentence the finder read replaces its weaker readings there.
  // They are added only where every reported (not quoted) reading they overlap is weaker.
  const addedOver = overlapIndex(added);
  const kept = found.filter((s) => s.mode === "direct" || addedOver(s.span).length === 0);
  const all = [...kept, ...added].sort((a, b) => a.span.start - b.span.start);
  const position = new Map(all.map((s, i) => [s, i]));
  return all.map((s) => {
    // Fact-check links index `found`, and past its end the added statements (an aside's claim).
    const target = s.factCheckOf === null ? undefined : s.factCheckOf < found.length ? found[s.factCheckOf] : added[s.factCheckOf - found.length];
    return target === undefined ? s : { ...s, factCheckOf: position.get(target) ?? null };
  });
}
