// Quoted words inside someone's judgement or report that the statement finder left as scare quotes:
// "Huckabee called the H1-B program “worse than amnesty.”", "Trump defended eminent domain, calling the
// seizure of private property an “absolute necessity” for …", "he took credit for “being right …”",
// "Walter Hewlett sniped that Fiorina was “learning on the job,”". The quote is somebody's words only
// when a verb of saying or judging governs it and that verb has a subject the text names (a name, or
// "he"/"she" for the person last quoted); a word the journalist put in quotes with no such verb is
// not a statement, and neither is a headline (its verbs are capitalized).
import { BELIEF_VERBS, CLAUSE_VERBS, JUDGE_VERBS, LABEL_AS_VERBS, OBJECT_CONTENT_VERBS, SPEECH_VERBS } from "./lexicon";
import { clauseStartAfter } from "./clause";
import { mainClauseStart } from "./coreference";
import { quoteLookup } from "./model/features";
import type { TQuote } from "./quotes";
import { splitSentences } from "./sentences";
import type { MentionIndex, SpeakerRegistry, TMention } from "./speakers";
import type { TRawStatement } from "./statements";
import type { TSpan, TSpeakerKind } from "./types";

/** How far before the quote its governing verb may stand. */
const REACH = 200;
/** At most this many words between the verb and the quote ("called the expropriation of private property for public use an “…”"). */
const MAX_GAP_WORDS = 20;
/** How far past the closing mark the clause may run ("… “absolute necessity” for the government to build …"). */
const TAIL_REACH = 200;
/** How many statements either side of a quote are looked at. */
const NEAR = 12;

// Label verbs give the quote as a name for something: "called X “…”", "dubbed it “…”", "described X as “…”".
const LABEL_VERB = /^(?:call|calls|called|calling|describ(?:e|es|ed|ing)|label(?:s|ed|led|ing|ling)?|brand(?:s|ed|ing)|dub(?:s|bed|bing)|term(?:s|ed|ing)|deem(?:s|ed|ing))$/;
// "called for", "called on … to", "called off": a demand or an idiom, not a label.
const NOT_LABEL_AFTER = /^\s+(?:for|on|off|up|out|back|in|into|upon)\b/;
// Judgements the lexicon lacks as verbs of one word: "took credit for “…”", "hitting Trump for …", "warning of “…”".
const JUDGE_PHRASE = /^(?:(?:took|take|takes|taking)\s+credit\s+for|(?:hit|hits|hitting)\s+(?:[\p{L}’'.-]+\s+){1,3}for|(?:cited|cites|citing|invoked|invokes|invoking|touted|touts|touting|bemoaned|bemoans|bemoaning|lamented|laments|lamenting|decried|decries|decrying))$/u;
// Between a subject and its verb: adverbs, auxiliaries, "on Thursday", an appositive set off by commas.
const SUBJECT_GAP =
  /^(?:,[^,;:“”"]{2,90},)?(?:\s+(?:also|later|then|again|once|still|even|has|have|had|did|would|will|\p{Ll}+ly|on\s+\p{Lu}\p{Ll}+day|\p{Lu}\p{Ll}+day|last\s+week|this\s+week|earlier|recently|previously|herself|himself|themselves))*\s+$/u;
// "…, calling …", "by hitting …", "while praising …": a participle takes the main clause's subject.
const PARTICIPLE_LEAD = /(?:,|\bby|\bwhile|\band|\bbefore|\bafter)\s*$/;
const PRONOUN_BEFORE = /(?:^|[\s,])(he|she|He|She)\s+(?:(?:also|later|then|again|once|still|has|have|had|\p{Ll}+ly)\s+)*$/u;
// Where a clause continuing past the quote stops.
const CLAUSE_STOP = /\s+(?:and|or|but)\s+that\b|\s+[“"‘]|[;:!?]|\s[—–]\s|\s--\s|\s-\s|,\s+(?:which|who|whom|where|while|whereas|but|and|saying|adding|according|as|although|though|a|an|the)\b|,["”’]/u;
const WORD = /[\p{L}][\p{L}’'-]*/gu;
// A sentence of prose ends with a stop, perhaps inside a closing quote or parenthesis.
const HAS_STOP = /[.!?]["”’')]*\s*$/;
const RELATIVE_BEFORE = /\b(what|that|which)\s+$/;
// Between one quote and the next of the same clause: "and that", ", adding,", "but".
const SAME_BREATH = /^\s*,?\s*(?:(?:and|or|but)\s+that|adding|and\s+added|saying|noting|continuing)\s*[,:]?\s*["“”‘']?\s*$/;

type TKind = "label" | "judge" | "report";

interface TGoverning {
  kind: TKind;
  /** Start and end of the verb (the cue). */
  start: number;
  end: number;
  /** Where the reported content starts (after "that"), for reports. */
  contentStart: number;
}

function overlaps(a: TSpan, b: TSpan): boolean {
  return a.start < b.end && b.start < a.end;
}

function wordsIn(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

/** Every word of four letters or more capitalized: a title ("The Art of the Deal"), not words someone said. */
function isTitle(text: string): boolean {
  const words = text.match(/[\p{L}][\p{L}’'-]*/gu) ?? [];
  const long = words.filter((w) => w.length >= 4);
  return long.length > 0 && long.every((w) => /^\p{Lu}/u.test(w));
}

/** The verb, nearest first, whose object or clause the quote at `open` belongs to. */
function governingVerb(text: string, floor: number, open: number): TGoverning | null {
  const window = text.slice(floor, open);
  const words: { w: string; start: number; end: number }[] = [];
  for (const m of window.matchAll(WORD)) words.push({ w: m[0], start: floor + (m.index ?? 0), end: floor + (m.index ?? 0) + m[0].length });
  for (let k = words.length - 1; k >= 0 && words.length - 1 - k < MAX_GAP_WORDS; k -= 1) {
    const word = words[k];
    if (!word) continue;
    const w = word.w;
    const between = text.slice(word.end, open);
    if (LABEL_VERB.test(w) || LABEL_AS_VERBS.has(w)) {
      if (NOT_LABEL_AFTER.test(between)) continue;
      // "described X as “…”", "portrayed X as “…”": these verbs need their "as".
      if ((/^describ/.test(w) || LABEL_AS_VERBS.has(w)) && !/\bas\s+(?:(?:a|an|the)\s+)?$/.test(between)) continue;
      return { kind: "label", start: word.start, end: word.end, contentStart: word.start };
    }
    if (JUDGE_VERBS.has(w)) return { kind: "judge", start: word.start, end: word.end, contentStart: word.start };
    // Two- and three-word judgements end at "for": look back from a "for" for the phrase it closes.
    if (w === "for" || JUDGE_PHRASE.test(w)) {
      for (let back = 1; back <= 5 && k - back >= 0; back += 1) {
        const first = words[k - back];
        if (!first) break;
        const phrase = text.slice(first.start, word.end);
        if (JUDGE_PHRASE.test(phrase)) return { kind: "judge", start: first.start, end: word.end, contentStart: first.start };
      }
      if (JUDGE_PHRASE.test(w)) return { kind: "judge", start: word.start, end: word.end, contentStart: word.start };
    }
    // "sniped that …", "made clear that …" need their "that"; "promising to create “…”" does not.
    if (w === "that" && k > 0) {
      for (let back = 1; back <= 4 && k - back >= 0; back += 1) {
        const verb = words[k - back];
        if (!verb) break;
        const v = verb.w;
        if (SPEECH_VERBS.has(v) || CLAUSE_VERBS.has(v) || BELIEF_VERBS.has(v) || (back === 1 && /^\p{Ll}{3,}ed$/u.test(v))) {
          // ", abortion aside, Planned Parenthood did …": the clause starts at its first word.
          return { kind: "report", start: verb.start, end: verb.end, contentStart: word.end + (/^[\s,]*/.exec(text.slice(word.end))?.[0].length ?? 0) };
        }
      }
    }
    if (OBJECT_CONTENT_VERBS.has(w) && /^\s+to\s/.test(between)) {
      return { kind: "report", start: word.start, end: word.end, contentStart: word.end + 1 };
    }
    // "He also argued the pipeline “wouldn't go 10 feet” without …": a clause with no "that".
    if (CLAUSE_VERBS.has(w) && !/,\s*$/.test(between) && !/^\s*,/.test(between)) {
      const clause = clauseStartAfter(text, word.end, Math.min(text.length, open + 200), w);
      if (clause !== -1 && clause < open && /[\p{L}\p{N}]/u.test(text.slice(clause, open))) return { kind: "report", start: word.start, end: word.end, contentStart: clause };
    }
  }
  return null;
}

/** A name usable as a speaker: a person or body, not a place, an outlet or a possessive. */
function isSpeakerMention(m: TMention): boolean {
  return !!m.name && !m.possessive && !m.place && m.kind !== "outlet";
}

interface TFound {
  speaker: { name: string; kind: TSpeakerKind };
  source: TSpan;
}

export interface TFragmentContext {
  text: string;
  paragraphs: readonly TSpan[];
  quotes: readonly TQuote[];
  index: MentionIndex;
  registry: SpeakerRegistry;
}

function ref(m: TMention, registry: SpeakerRegistry): TFound | null {
  if (!m.name) return null;
  const kind = registry.profile(m.name)?.kind ?? m.kind;
  if (kind !== "person" && kind !== "organization") return null;
  return { speaker: { name: registry.canonical(m.name), kind }, source: { start: m.start, end: m.end } };
}

// What follows a name that heads its clause: an optional appositive, adverbs, then a finite verb ("Trump attacked", "Ryan, who …, was").
const HEADS_CLAUSE =
  /^(?:,[^;:“”"]{2,150}?,)?\s+(?:(?:also|still|then|later|again|once|\p{Ll}+ly)\s+)*(?:\p{Ll}{2,}(?:ed|s)|was|is|has|had|have|did|does|will|would|could|can|made|took|gave|told|said|went|came|spoke|wrote|sent|put|got|saw|knew|thought|felt|left|won|lost|ran|met|became|began|brought|held|kept)\b/u;
// "Trump is promising to …", "Cruz was calling it …": a progressive form keeps its subject (a passive "was called" does not).
const PROGRESSIVE_GAP = /^\s+(?:(?:also|still|now)\s+)?(?:is|was|are|were|has\s+been|had\s+been)\s+(?:(?:also|still|now|\p{Ll}+ly)\s+)?$/u;
const SPOKESBODY_GAP = /^\s*(?:presidential\s+)?(?:campaign|office|team|administration|spokes(?:man|woman|person))\s+(?:(?:also|later|then|\p{Ll}+ly)\s+)?$/u;
const PARTITIVE_AFTER = /^\s+(?:percent|per\s+cent|of)\b/;
// "73 percent of Americans accepted": a name after a preposition is not the subject.
const AFTER_PREPOSITION = /\b(?:of|in|at|on|for|to|from|with|by|about|against|among|than)\s+$/;

/** The name heading the sentence's main clause ("Trump attacked Romney, calling …"), if the sentence has one. */
function clauseSubject(ctx: TFragmentContext, sentence: TSpan, mentions: readonly TMention[], before: number): TFound | null {
  const { text, registry } = ctx;
  const main = mainClauseStart(text, sentence);
  for (const from of main > sentence.start ? [main, sentence.start] : [sentence.start]) {
    const m = mentions.find((x) => !x.possessive && x.start >= from && x.end <= before && HEADS_CLAUSE.test(text.slice(x.end, Math.min(before + 40, x.end + 200))) && !AFTER_PREPOSITION.test(text.slice(Math.max(sentence.start, x.start - 12), x.start)));
    if (m) return ref(m, registry);
  }
  return null;
}

/** Who the verb at `vs` belongs to, or null when the text does not say. */
function subjectOf(ctx: TFragmentContext, sentence: TSpan, paragraph: number, vs: number, near: readonly TRawStatement[], inQuote: (i: number) => boolean): TFound | null {
  const { text, index, registry } = ctx;
  const lead = text.slice(Math.max(sentence.start, vs - 40), vs);
  // Names inside someone's quoted words ("“Absolutely not,” Clinton responded") are not subjects.
  // "Sanders’ campaign called …": a campaign, office or team speaks for the person it belongs to.
  const mentions = index.within({ start: sentence.start, end: vs }).filter((m) => (isSpeakerMention(m) || (m.possessive && !!m.name && !m.place)) && !inQuote(m.start));
  const progressive = /^\p{Ll}+ing\b/u.test(text.slice(vs, vs + 20));
  if (PARTICIPLE_LEAD.test(lead) && /ing$/.test(text.slice(vs, vs + 12).split(/\s/)[0] ?? "")) {
    // The main clause's subject ("Trump defended eminent domain, calling …"): the speaker a cue in
    // this sentence already named, else the name heading the clause.
    const prior = near.find((s) => s.sentence.start === sentence.start && s.span.start < vs && s.cue !== null && s.speaker !== null);
    if (prior?.speaker && prior.source) return { speaker: prior.speaker, source: prior.source };
    return clauseSubject(ctx, sentence, mentions, vs);
  }
  for (let k = mentions.length - 1; k >= 0; k -= 1) {
    const m = mentions[k];
    if (!m || vs - m.end > 100) break;
    const gap = text.slice(m.end, vs);
    const subjectGap = m.possessive ? SPOKESBODY_GAP.test(gap) : SUBJECT_GAP.test(gap) || (progressive && PROGRESSIVE_GAP.test(gap));
    if (subjectGap && !AFTER_PREPOSITION.test(text.slice(Math.max(sentence.start, m.start - 12), m.start))) return ref(m, registry);
    // "Seventy percent of voters called …": a count of people names nobody.
    if (PARTITIVE_AFTER.test(text.slice(m.end, m.end + 12))) return null;
  }
  const pron = PRONOUN_BEFORE.exec(text.slice(Math.max(sentence.start, vs - 40), vs));
  if (pron?.[1]) {
    // "he" is the name heading this sentence ("Ryan … was more direct — what he called …"), else the
    // person last quoted, in this paragraph or the one before.
    const at = vs - pron[0].length + pron[0].indexOf(pron[1]);
    const head = clauseSubject(ctx, sentence, mentions, at);
    if (head?.speaker.kind === "person") return { speaker: head.speaker, source: { start: at, end: at + pron[1].length } };
    const prior = [...near].reverse().find((s) => s.span.start < at && s.speaker?.kind === "person");
    if (prior?.speaker && paragraph - prior.paragraph <= 1) {
      return { speaker: prior.speaker, source: { start: at, end: at + pron[1].length } };
    }
  }
  return null;
}

/** Where the clause holding the quote ends: at the closing mark when a comma closes it, else at the next clause break. */
function clauseEnd(text: string, q: TQuote, limit: number): number {
  if (/,\s*$/.test(text.slice(q.inner.start, q.close - 1)) || /^\s*,/.test(text.slice(q.close, q.close + 2))) return q.close;
  const rest = text.slice(q.close, Math.min(limit, q.close + TAIL_REACH));
  const stop = CLAUSE_STOP.exec(rest);
  let end = q.close + (stop ? stop.index : rest.length);
  while (end > q.close && /[\s,.]/.test(text[end - 1] ?? "")) end -= 1;
  // A sentence-final period after the closing mark stays outside; one inside it is part of the quote.
  return end;
}

/** A first paragraph of one short sentence: the headline. */
function isHeadline(ctx: TFragmentContext, sentence: TSpan): boolean {
  const first = ctx.paragraphs[0];
  if (!first || ctx.paragraphs.length < 2 || sentence.start < first.start || sentence.end > first.end) return false;
  return wordsIn(ctx.text.slice(first.start, first.end)) <= 16 && !/[.!?]\s+\S/.test(ctx.text.slice(first.start, first.end).trim());
}

function sentenceAt(ctx: TFragmentContext, cache: Map<number, TSpan[]>, pi: number, pos: number, inQuote: (i: number) => boolean): TSpan | null {
  const para = ctx.paragraphs[pi];
  if (!para) return null;
  let sentences = cache.get(pi);
  if (!sentences) {
    sentences = splitSentences(ctx.text, para, inQuote);
    cache.set(pi, sentences);
  }
  return sentences.find((s) => pos >= s.start && pos < s.end) ?? null;
}

/**
 * Adds a statement for each quote no statement covers whose sentence has a verb of saying or judging
 * governing it with a named subject. New statements are inserted in text order (fact-check links are
 * re-indexed). Returns how many were added.
 */
export function attributeQuotedFragments(ctx: TFragmentContext, raw: TRawStatement[]): number {
  const { text, quotes } = ctx;
  const added: TRawStatement[] = [];
  const sorted = [...raw].sort((a, b) => a.span.start - b.span.start);
  const byInnerStart = new Map(quotes.map((o) => [o.inner.start, o]));
  const cache = new Map<number, TSpan[]>();
  const lookup = quoteLookup(quotes);
  const inQuote = (i: number): boolean => lookup.at(i) !== null;
  let cursor = 0;
  // Quotes come in text order: the paragraph holding each is found by walking forward.
  let pi = 0;
  for (const q of quotes) {
    if (!q.closed || q.multiParagraph) continue;
    const qspan = { start: q.open, end: q.close };
    // Statements near the quote only, so a paste with thousands of quotes stays linear.
    while (cursor < sorted.length && (sorted[cursor]?.span.start ?? 0) < q.open) cursor += 1;
    const near = sorted.slice(Math.max(0, cursor - NEAR), cursor + NEAR);
    const covered = near.some((s) => overlaps(s.span, qspan)) || added.slice(-NEAR).some((s) => overlaps(s.span, qspan));
    if (covered) continue;
    const inner = text.slice(q.inner.start, q.inner.end);
    if (isTitle(inner)) continue;
    while (pi < ctx.paragraphs.length && (ctx.paragraphs[pi]?.end ?? 0) <= q.open) pi += 1;
    const sentence = sentenceAt(ctx, cache, pi, q.open, inQuote);
    if (!sentence || q.open <= sentence.start) continue;
    // A headline or caption ("Obama slams GOP’s ‘doom and despair’ on economy") has no closing stop.
    // Wires append a stop to the headline: a one-sentence first paragraph of a few words is one too.
    if (!HAS_STOP.test(text.slice(sentence.start, sentence.end)) || isHeadline(ctx, sentence)) continue;
    // The clause starts after any statement already found earlier in the sentence and after the last clause break.
    let floor = Math.max(sentence.start, q.open - REACH);
    for (const s of near) if (s.span.end <= q.open && s.span.end > floor && s.sentence.start === sentence.start) floor = s.span.end;
    const head = text.slice(floor, q.open);
    const br = Math.max(head.lastIndexOf(";"), head.lastIndexOf(":"), head.lastIndexOf(" — "), head.lastIndexOf(" -- "));
    if (br !== -1) floor += br + 1;
    const verb = governingVerb(text, floor, q.open);
    if (!verb) continue;
    const subject = subjectOf(ctx, sentence, pi, verb.start, near, inQuote);
    if (!subject) continue;
    const next = near.find((s) => s.span.start >= q.close);
    const sameSentence = next && next.span.start < sentence.end;
    let start = verb.kind === "report" ? verb.contentStart : verb.start;
    // "what Gilbert called “…”", "charges that Limbaugh, for one, called “…”": the relative clause is the statement.
    const relative = verb.kind === "label" ? RELATIVE_BEFORE.exec(text.slice(Math.max(sentence.start, subject.source.start - 12), subject.source.start)) : null;
    if (relative) start = subject.source.start - relative[0].length + (relative[1] === "what" ? 0 : relative[0].length);
    // "argued that being American “is an idea” and that “…”", "said it could be “messy,” adding, “…”": the
    // quote that follows in the same breath is this clause's end; its statement takes the lead-in instead.
    const nextQuote = next ? byInnerStart.get(next.span.start) : undefined;
    const between = nextQuote ? text.slice(q.close, nextQuote.open) : "";
    const oneClause = nextQuote !== undefined && (SAME_BREATH.test(between) || (!/[,;:.!?—–]|\s-{1,2}\s/.test(between) && wordsIn(between) <= 12));
    if (sameSentence && next && nextQuote && next.mode === "direct" && oneClause) {
      next.span = { start, end: nextQuote.close };
      next.mode = "mixed";
      if (!next.cue) {
        next.speaker = subject.speaker;
        next.source = subject.source;
        next.cue = { text: text.slice(verb.start, verb.end), start: verb.start, end: verb.end };
      }
      continue;
    }
    const limit = sameSentence && next ? next.span.start : sentence.end;
    // A label statement that starts at its verb ends at its quote: fitLabelSpans runs it on over
    // further labels and the rest of the clause.
    const end = verb.kind === "label" && !relative ? q.close : clauseEnd(text, q, limit);
    if (end <= start || wordsIn(text.slice(start, end)) < 3) continue;
    added.push({
      speaker: subject.speaker,
      mode: "mixed",
      span: { start, end },
      cue: { text: text.slice(verb.start, verb.end), start: verb.start, end: verb.end },
      source: subject.source,
      confidence: 0.7,
      sentence,
      paragraph: pi,
      responseCue: null,
      factCheckOf: null,
      question: /\?\s*["”’]?\s*$/.test(text.slice(start, end)),
    });
  }
  if (!added.length) return 0;
  // Insert in text order, keeping fact-check links pointing at the same statements.
  const all = raw.map((s, k) => ({ s, old: k as number | null })).concat(added.map((s) => ({ s, old: null })));
  all.sort((a, b) => a.s.span.start - b.s.span.start);
  const isSorted = raw.every((s, k) => k === 0 || (raw[k - 1]?.span.start ?? 0) <= s.span.start);
  const order = isSorted ? all : raw.map((s, k) => ({ s, old: k as number | null })).concat(added.map((s) => ({ s, old: null })));
  const newIndex = new Map<number, number>();
  order.forEach((e, k) => {
    if (e.old !== null) newIndex.set(e.old, k);
  });
  raw.length = 0;
  for (const e of order) {
    const s = e.s;
    if (s.factCheckOf !== null) s.factCheckOf = newIndex.get(s.factCheckOf) ?? null;
    raw.push(s);
  }
  return added.length;
}
