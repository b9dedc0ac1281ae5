// A quote that finishes a reported clause is one statement with it: "Sanders insisted that the United
// States “must stop treating Puerto Rico like a colony.”" reports one claim, partly in his own words,
// so the statement is mixed and runs from the clause's first word to the closing mark. Quoted words
// the statement finder left as scare quotes earlier in the clause ("argued that being American “is an
// idea” and that “…”") are inside it too.
import { clauseStartAfter } from "./clause";
import { BELIEF_VERBS, CLAUSE_VERBS, SPEECH_VERBS } from "./lexicon";
import type { TQuote } from "./quotes";
import type { MentionIndex, SpeakerRegistry } from "./speakers";
import type { TCue, TSpan, TSpeakerKind, TStatementMode } from "./types";

interface TLeadInCandidate {
  speaker: { name: string; kind: TSpeakerKind } | null;
  mode: TStatementMode;
  span: TSpan;
  sentence: TSpan;
  cue: TCue | null;
  source: TSpan | null;
}

/** Who says what a quote's lead-in reports: the name written right before its verb ("Tom Hale argued"). */
export interface TSubjectFinder {
  index: MentionIndex;
  registry: SpeakerRegistry;
}

/** How far before the opening mark a reporting verb may stand. */
const LOOK_BACK = 240;
const THAT = /\bthat[\s,]+/g;
// The verb, then up to five words of object or time: "told the President that", "told NPR
// correspondent Steve Inskeep that", "wrote in an email to POLITICO that".
const VERB_BEFORE_THAT = /([\p{L}]+)(?:\s+[\p{L}.’'-]+){0,5}\s+$/u;
// Right before "that", any past-tense verb reports: "lamented that", "fumed that".
const PAST_BEFORE_THAT = /\b\p{Ll}{3,}ed\s+$/u;
const WORD = /[\p{L}\p{N}]/u;

function isReportingVerb(word: string): boolean {
  return SPEECH_VERBS.has(word) || CLAUSE_VERBS.has(word) || BELIEF_VERBS.has(word);
}

/** The reporting verb right before a "that" at `thatStart`, if the words there are a verb and its object. */
function reportingVerbBefore(text: string, floor: number, thatStart: number): TCue | null {
  const head = text.slice(floor, thatStart);
  const past = PAST_BEFORE_THAT.exec(head);
  if (past) {
    const word = past[0].trim();
    const start = floor + past.index;
    return { text: word, start, end: start + word.length };
  }
  const m = VERB_BEFORE_THAT.exec(head);
  if (!m?.[1]) return null;
  // Any of the words may be the verb: "insisting that", "told reporters on Monday that".
  const words = m[0].trim().split(/\s+/);
  let at = floor + m.index;
  for (const word of words) {
    const start = text.indexOf(word, at);
    if (isReportingVerb(word)) return { text: word, start, end: start + word.length };
    at = start + word.length;
  }
  return null;
}

/**
 * Widens each direct statement whose quote ends a that-clause of a reporting verb in the same sentence
 * to the whole clause, as a mixed statement. `statements` must be in text order; nothing else moves.
 */
export function widenQuoteLeadIns(text: string, statements: TLeadInCandidate[], quotes: readonly TQuote[], subjects: TSubjectFinder): void {
  const byInnerStart = new Map(quotes.map((q) => [q.inner.start, q]));
  for (let k = 0; k < statements.length; k += 1) {
    const st = statements[k];
    if (!st || st.mode !== "direct") continue;
    const q = byInnerStart.get(st.span.start);
    if (!q || q.open < st.sentence.start) continue;
    // The clause starts after any statement already found earlier in the sentence.
    let floor = Math.max(st.sentence.start, q.open - LOOK_BACK);
    for (let j = k - 1; j >= 0; j -= 1) {
      const other = statements[j];
      if (!other || other.span.end <= st.sentence.start) break;
      if (other.span.end <= q.open) floor = Math.max(floor, other.span.end);
      else if (other.span.start < q.open) floor = q.open;
    }
    const window = text.slice(floor, q.open);
    THAT.lastIndex = 0;
    for (let m = THAT.exec(window); m; m = THAT.exec(window)) {
      const thatStart = floor + m.index;
      const contentStart = thatStart + m[0].length;
      if (!WORD.test(text.slice(contentStart, q.open))) break;
      const cue = reportingVerbBefore(text, floor, thatStart);
      if (!cue) continue;
      st.span = { start: contentStart, end: prepositionalTail(text, q.close, st.sentence.end) };
      st.mode = "mixed";
      st.cue ??= cue;
      if (!st.speaker) nameSubject(text, st, cue, subjects);
      break;
    }
    if (st.mode === "direct" && floor === st.sentence.start) joinInterruptedLead(text, st, q);
    if (st.mode === "direct" && st.cue && st.cue.start >= q.close && floor === st.sentence.start) joinLeadingWords(text, st, q);
    if (st.mode === "direct" && st.cue && st.cue.start >= q.close) joinTrailingClause(text, st, q);
    if (st.mode === "direct" && !(st.cue && st.cue.start >= q.close)) widenBareClause(text, st, q, floor, subjects);
  }
}

// ", it said, “…”", ", Fiorina wrote, “…”": an attribution set off by commas right before the quote.
const INTERRUPTION = /,\s+(?:(?:he|she|it|they|we)|(?:\p{Lu}[\p{L}.’'-]*\s+){0,3}\p{Lu}[\p{L}’'-]*)\s+(?:\p{Ll}+ly\s+)?(?:said|says|wrote|writes|added|adds|argued|argues|noted|notes|told\s+\p{L}+|explained|insisted|warned|continued)\s*,\s*$/u;

/**
 * "In cases of abortion, it said, “the woman is a victim.”": the words before an attribution that
 * interrupts the sentence are the start of what was said, so the statement runs from the sentence's
 * first word to the closing mark (the attribution inside it, as a split quote is read).
 */
function joinInterruptedLead(text: string, st: TLeadInCandidate, q: TQuote): void {
  if (!st.cue || st.cue.start < st.sentence.start || st.cue.end > q.open) return;
  const head = text.slice(st.sentence.start, q.open);
  const m = INTERRUPTION.exec(head);
  if (!m || st.sentence.start + m.index > st.cue.start) return;
  const lead = head.slice(0, m.index);
  // The lead is prose of a few words at least, with no quotation of its own.
  // "When asked why …, he said, “…”": a question put to the speaker is not part of the answer.
  if (/["“”«»]/.test(lead) || lead.trim().split(/\s+/).length < 3 || /^\s*(?:When\s+|After\s+being\s+)?[Aa]sked\b/.test(lead)) return;
  let start = st.sentence.start;
  while (start < q.open && /\s/.test(text[start] ?? "")) start += 1;
  st.span = { start, end: prepositionalTail(text, q.close, st.sentence.end) };
  st.mode = "mixed";
}

/**
 * "Bernie Sanders' plan would “end all the kinds of health care we know,” Clinton declared": the words
 * of the sentence before the opening mark are the start of what was said when the attribution follows
 * the closing mark, so the statement runs from the sentence's first word to that mark (mixed).
 */
function joinLeadingWords(text: string, st: TLeadInCandidate, q: TQuote): void {
  if (!st.cue) return;
  const lead = text.slice(st.sentence.start, q.open);
  // Prose of two words or more, with no quotation, colon or question put to the speaker of its own.
  // A lead with its own reporting verb introduces the quote ("Fox told reporters, “…”"); it is not part of it.
  if (/,\s*$/.test(lead) && (lead.match(/[\p{L}]+/gu) ?? []).some(isReportingVerb)) return;
  if (/["“”«»:]/.test(lead) || lead.trim().split(/\s+/).length < 2 || /^\s*(?:When\s+|After\s+being\s+)?[Aa]sked\b/.test(lead)) return;
  // The attribution is in the quote's own sentence.
  if (st.cue.end > st.sentence.end) return;
  // The attribution is all that stands between the closing mark and the cue: ", Hollande said".
  if (!/^\s*,?\s*(?:(?:the\s+)?[\p{L}.’'-]+\s+){0,4}$/u.test(text.slice(q.close, st.cue.start))) return;
  let start = st.sentence.start;
  while (start < q.open && /\s/.test(text[start] ?? "")) start += 1;
  st.span = { start, end: trimEnd(text, q.close) };
  st.mode = "mixed";
}

// What may carry a quoted clause on before its attribution: "“…” for Clinton", "“…” if she loses",
// "“…” that the border is secure", "“…” because she would gain".
export const TRAILING_CLAUSE = /^\s+(?:for|to|if|unless|because|since|that|when|while|until|from|on|in|about|than)\s+[^,;:!?“”"«»]{1,150}?(?=,\s)/u;

/**
 * "“This will be a challenge” for Clinton, said Kunin.", "“You can't begin” until you prove it, he said.":
 * the words between the closing mark and an attribution that follows them finish what was said, so the
 * statement runs from the opening mark to the comma before the attribution (mixed).
 */
function joinTrailingClause(text: string, st: TLeadInCandidate, q: TQuote): void {
  if (!st.cue || q.open < st.sentence.start) return;
  // Only a quote that opens its sentence: after a lead-in ("He said “…” for …") the clause is the lead-in's.
  if (!/^\s*$/.test(text.slice(st.sentence.start, q.open))) return;
  const m = TRAILING_CLAUSE.exec(text.slice(q.close, st.cue.start));
  if (!m) return;
  const end = q.close + m[0].length;
  // The attribution is all that stands between that comma and the cue: "said Kunin", "he said".
  if (!/^,\s+(?:[\p{L}.’'-]+\s+){0,4}$|^,\s*$/u.test(text.slice(end, st.cue.start))) return;
  st.span = { start: q.open, end };
  st.mode = "mixed";
}

// "… “we don't know what the answer will be” on how many jobs might go": the clause runs on past the quote.
const PREPOSITION_AFTER = /^\s+(?:on|in|for|of|to|about|over|at|from|because|than)\s+\p{Ll}/u;

/** The end of a clause that continues past the closing mark with a preposition, or the closing mark. */
function prepositionalTail(text: string, close: number, sentenceEnd: number): number {
  if (!PREPOSITION_AFTER.test(text.slice(close, close + 20))) return close;
  const rest = text.slice(close, Math.min(sentenceEnd, close + 200));
  const stop = /[,;:!?“”"]|\.(?=\s|$)|\s[—–-]{1,2}\s/.exec(rest);
  return trimEnd(text, close + (stop ? stop.index : rest.length));
}

const PRONOUN_SUBJECT = /(?:^|[\s,])(?:he|she|He|She)\s+(?:(?:also|later|then|again|once|\p{Ll}+ly)\s+)*$/u;

/**
 * "She also said the turmoil was not the banks’ fault, “not by a long shot.”", "Huhn said Fiorina “was
 * personally … involved”": a reporting verb whose clause has no "that" leads into the quote when the
 * words after it read as a clause (a subject, then a finite verb) and a name or "he"/"she" stands right
 * before it. The quote's statement becomes the clause; a speaker given by context alone yields to that name.
 */
function widenBareClause(text: string, st: TLeadInCandidate, q: TQuote, floor: number, subjects: TSubjectFinder): void {
  const window = text.slice(floor, q.open);
  const words = [...window.matchAll(/[\p{L}][\p{L}’'-]*/gu)];
  for (let k = words.length - 1; k >= 0 && words.length - k <= 25; k -= 1) {
    const w = words[k];
    if (!w || !CLAUSE_VERBS.has(w[0]) || BELIEF_VERBS.has(w[0])) continue;
    const start = floor + (w.index ?? 0);
    const end = start + w[0].length;
    const clause = clauseStartAfter(text, end, q.close, w[0]);
    if (clause === -1 || clause >= q.open || !WORD.test(text.slice(clause, q.open))) return;
    const cue = { text: w[0], start, end };
    const before = text.slice(Math.max(st.sentence.start, start - 40), start);
    const probe: TLeadInCandidate = { ...st, speaker: null, source: null };
    nameSubject(text, probe, cue, subjects);
    if (probe.speaker && (!st.speaker || !st.cue)) {
      st.speaker = probe.speaker;
      st.source = probe.source;
    } else if (!probe.speaker && !(st.speaker && PRONOUN_SUBJECT.test(before))) return;
    st.span = { start: clause, end: prepositionalTail(text, q.close, st.sentence.end) };
    st.mode = "mixed";
    st.cue ??= cue;
    return;
  }
}

// Between the subject and its verb: "Ann Cole also told", "Tom Hale repeatedly argued".
const SUBJECT_GAP = /^\s+(?:(?:also|later|then|again|once|\p{Ll}+ly)\s+)*$/u;

/** A quote the rules left without a speaker takes the name standing right before its lead-in's verb. */
function nameSubject(text: string, st: TLeadInCandidate, cue: TCue, { index, registry }: TSubjectFinder): void {
  const mention = index
    .within({ start: Math.max(st.sentence.start, cue.start - 80), end: cue.start })
    .find((m) => m.name && !m.possessive && !m.place && m.kind !== "outlet" && SUBJECT_GAP.test(text.slice(m.end, cue.start)));
  if (!mention?.name) return;
  st.speaker = { name: registry.canonical(mention.name), kind: registry.profile(mention.name)?.kind ?? mention.kind };
  st.source = { start: mention.start, end: mention.end };
}

const LABEL_VERB = /^(?:call|calls|called|calling|describ\w+|label\w*|brand\w*|dub\w*|term\w*)$/;
// What joins one label to the next: "a “train wreck” and “outsourcer in chief”", "a “fascist” and a “Stalinist”".
const NEXT_LABEL = /^\s*,?\s*(?:and|or)\s+(?:(?:a|an|the)\s+)?/;
const JOINER_TAIL = /^\s*,?\s*(?:(?:and|or|but)\s+)?(?:(?:a|an|the)\s+)?$/;
const CLAUSE_END = /[;.!?]|\s[—–]\s|\s--\s/;
// "… a “reckless gambler” on Tuesday": when the label was given is not part of it.
const TIME_TAIL =
  /^\s*(?:(?:on|last|this|next|late|early|earlier|later)\s+)*(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week|weekend|month|year|night|morning|afternoon|evening|today|yesterday|tonight)?\s*$/;

/**
 * "called him a “train wreck” and “outsourcer in chief”": a label statement runs over every label
 * given in one breath, then to the end of the clause ("calls Horgos “a mistake” because so few
 * people live near it"). It keeps its verb ("calling it “unequal”" is what readers expect to see).
 */
export function fitLabelSpans(text: string, statements: readonly TLeadInCandidate[], quotes: readonly TQuote[]): void {
  const byOpen = new Map(quotes.map((q) => [q.open, q]));
  const byInner = new Map(quotes.map((q) => [q.inner.start, q]));
  statements.forEach((st, k) => {
    if (st.mode !== "mixed" || !st.cue || st.span.start !== st.cue.start || !LABEL_VERB.test(st.cue.text)) return;
    // The clause ends where the sentence does, or where the next statement begins.
    const next = statements[k + 1];
    // A next statement that is a quote starts at its opening mark, not at its first word.
    const nextStart = next ? (byInner.get(next.span.start)?.open ?? next.span.start) : Infinity;
    const limit = next && nextStart < st.sentence.end ? nextStart : st.sentence.end;
    let end = st.span.end;
    for (let m = NEXT_LABEL.exec(text.slice(end, end + 12)); m; m = NEXT_LABEL.exec(text.slice(end, end + 12))) {
      const label = byOpen.get(end + m[0].length);
      if (!label || label.close > limit) break;
      end = label.close;
    }
    const rest = text.slice(end, Math.max(end, limit));
    const stop = CLAUSE_END.exec(rest);
    const tail = rest.slice(0, stop ? stop.index : rest.length);
    // "a “new low” and a “…”" where the next label is a statement of its own: nothing to add.
    if (!TIME_TAIL.test(tail) && !JOINER_TAIL.test(tail)) end = trimEnd(text, end + tail.length);
    st.span = { start: st.span.start, end };
  });
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /[\s,]/.test(text[e - 1] ?? "")) e -= 1;
  return e;
}
