// Response statements the general statement finder leaves out: a named speaker rejecting, denying or
// disputing something in the reporter's words, with no "said" and no quote of their own ("Khan
// rejected Trump's offer on Tuesday.", "The campaign dismissed the attack as desperate."). They are
// the answers in a dispute, so each carries its response cue and, when the text names one, whose
// words it answers.
import { findQuotes } from "./quotes";
import { splitSentences } from "./sentences";
import type { MentionIndex, SpeakerRegistry } from "./speakers";
import type { TRawStatement, TResponseTarget } from "./statements";
import type { TSpan } from "./types";

// "has flatly rejected", "also denied", "quickly dismissed": a few auxiliaries and adverbs may sit
// between the speaker and the verb.
const RESPONSE_VERB =
  /^\s+(?:(?:has|have|had)\s+)?(?:(?:also|again|quickly|flatly|firmly|vigorously|strongly|repeatedly|publicly|later|swiftly|immediately|angrily)\s+)?(rejected|denied|dismissed|disputed|refuted|rebutted|countered|contradicted)\b/u;
// What a denial may not be followed by to be one: "denied access", "rejected by voters".
const NOT_A_RESPONSE = /^\s+(?:by|access|entry|permission|bail|a\s+visa|the\s+(?:appeal|application|request|bid))\b/i;
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

/**
 * The reporter correcting a speaker in the article's own voice: "In fact, the plant stayed open.",
 * "None of this is true.", "was wrong in his claim about …", "two Pinocchios". A fact-check verdict is a
 * response by the outlet.
 */
/** "In fact, …": a sentence the outlet opens as its own correction, whatever source it then cites. */
export const OPENS_AS_CORRECTION = /^(?:(?:but|and)\s+)?in (?:fact|reality)\b/i;
export const CORRECTION = new RegExp(
  String.raw`${OPENS_AS_CORRECTION.source}|\b(?:was|is|were|are)\s+(?:(?:just|simply|flatly|plainly)\s+)?(?:wrong|false|untrue|not true|incorrect|inaccurate)\b|\bnone of (?:this|that|it)(?:,\s*of course,)?\s+is true|\bPinocchios?\b|\bwithout (?:any )?evidence\b`,
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

/** Response statements in one document's paragraphs that the statement finder did not produce. */
export function findResponseStatements(input: TResponseInput): TRawStatement[] {
  const { text, paragraphs, registry } = input;
  const quotes = findQuotes(text, paragraphs);
  const inQuote = (i: number): boolean => quotes.some((q) => i > q.open && i < q.close);
  const out: TRawStatement[] = [];
  paragraphs.forEach((paragraph, index) => {
    for (const sentence of splitSentences(text, paragraph, inQuote)) {
      if (input.found.some((s) => overlaps(s.span, sentence))) continue;
      const mentions = input.mentions.within(sentence);
      const body = text.slice(sentence.start, sentence.end);
      const correction = correctionIn(input, sentence, index, inQuote);
      if (correction) {
        out.push(correction);
        continue;
      }
      for (const m of mentions) {
        if (!m.name || m.pronoun || m.possessive || m.kind === "outlet" || inQuote(m.start)) continue;
        const verb = RESPONSE_VERB.exec(text.slice(m.end, sentence.end));
        if (!verb?.[1]) continue;
        const verbStart = m.end + verb[0].length - verb[1].length;
        const verbEnd = m.end + verb[0].length;
        if (NOT_A_RESPONSE.test(text.slice(verbEnd, sentence.end))) continue;
        const profile = registry.profile(m.name);
        const speaker = { name: registry.canonical(m.name), kind: profile?.kind ?? m.kind };
        let end = sentence.end;
        while (end > verbStart && /[\s.]/.test(text[end - 1] ?? "")) end -= 1;
        const span = { start: verbStart, end };
        if (text.slice(span.start, span.end).split(/\s+/).length < MIN_WORDS + 1) continue;
        const quoted = /["“”]|''/.test(text.slice(span.start, span.end));
        out.push({
          speaker,
          mode: quoted ? "mixed" : "indirect",
          span,
          cue: { text: verb[1], start: verbStart, end: verbEnd },
          source: { start: m.start, end: m.end },
          confidence: 0.6,
          sentence,
          paragraph: index,
          responseCue: { relation: "rebuts", text: verb[1], target: targetAfter(input, verbEnd, sentence.end, speaker.name) },
          factCheckOf: null,
          question: body.trimEnd().endsWith("?"),
        });
        break;
      }
    }
  });
  return out;
}

/** The outlet's correction in one sentence of narration, if the sentence is one. */
function correctionIn(input: TResponseInput, sentence: TSpan, paragraph: number, inQuote: (i: number) => boolean): TRawStatement | null {
  const { text } = input;
  const body = text.slice(sentence.start, sentence.end);
  const marker = CORRECTION.exec(body);
  if (!marker || inQuote(sentence.start + marker.index)) return null;
  const named = input.mentions.within(sentence).filter((m) => m.name && !m.pronoun && m.kind !== "outlet" && !inQuote(m.start));
  // "was wrong" corrects only when said of the speaker by name ("Trump, for instance, was wrong"):
  // "never admitting he was wrong", "refusing to say any facts were wrong" report, not correct.
  if (/^(?:was|is|were|are)\b/i.test(marker[0])) {
    const at = sentence.start + marker.index;
    const subject = named.find((m) => m.end <= at && /^(?:,[^,]{1,25},)?\s*$/.test(text.slice(m.end, at)));
    if (!subject) return null;
  }
  const target = named[0]?.name ? input.registry.canonical(named[0].name) : null;
  let end = sentence.end;
  while (end > sentence.start && /[\s.]/.test(text[end - 1] ?? "")) end -= 1;
  const span = { start: sentence.start, end };
  if (text.slice(span.start, span.end).split(/\s+/).length < MIN_WORDS + 2) return null;
  return {
    speaker: input.outlet ? { name: input.outlet, kind: "outlet" } : null,
    mode: /["“”]|''/.test(body) ? "mixed" : "indirect",
    span,
    cue: null,
    source: null,
    confidence: 0.55,
    sentence,
    paragraph,
    responseCue: { relation: "rebuts", text: marker[0], target: target ? { name: target, country: input.registry.profile(target)?.country ?? null } : null },
    factCheckOf: null,
    question: false,
  };
}

/** The finder's statements and the added responses in text order, fact-check links kept pointing right. */
export function mergeResponseStatements(found: readonly TRawStatement[], added: readonly TRawStatement[]): TRawStatement[] {
  if (added.length === 0) return [...found];
  const all = [...found, ...added].sort((a, b) => a.span.start - b.span.start);
  const position = new Map(all.map((s, i) => [s, i]));
  return all.map((s) => {
    const target = s.factCheckOf === null ? undefined : found[s.factCheckOf];
    return target === undefined ? s : { ...s, factCheckOf: position.get(target) ?? null };
  });
}
