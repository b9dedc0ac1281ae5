// extract(text, options): the version-1 JSON of ../shared/EXTRACTION.md — documents, speakers,
// statements, pairs and countries — from segment → quotes → speakers → statements → pairs.
//
// Engine choice: a hand-written rule engine with precompiled regexes. compromise 14.17 was measured
// on the fixtures at ~94 ms per 1,400 words (≈ 50 ms per 800-word article) for parsing alone, five
// times the 10 ms budget, and its people()/quotations() missed "Japan’s Prime Minister Shigeru
// Ishiba" and curly/nested quotes; these rules run well under 1 ms per article (see bench/extract.ts).
import { countryCodeOf, findCountryMentions } from "./countries";
import { assignSpeakerCountries } from "./document-country";
import { findPairs, type TPairCandidate } from "./pairs";
import { findResponseStatements, mergeResponseStatements } from "./responses";
import { segmentDocuments, type TSegment } from "./segment";
import { MentionIndex, readAppositive, readPrefixRole, SpeakerRegistry } from "./speakers";
import { attributeToBodies, spokespersonBodies } from "./spokespeople";
import { attributeOrphanQuotes } from "./orphan-quotes";
import { fitLabelSpans, widenQuoteLeadIns } from "./quote-clauses";
import { attributeQuotedFragments } from "./quoted-fragments";
import { findQuotes } from "./quotes";
import type { TRuleHint } from "./model/features";
import { AttributionTagger, ZModelWeights } from "./model/model";
import taggerWeights from "./model/weights.json";
import { mergeModelStatements, TAGGER_POLICIES, type TTaggerPolicy, type TTaggerScope } from "./model/statements";
import { StatementFinder, type TRawStatement } from "./statements";
import { hostNameOf } from "@/lib/host-name";
import {
  ZExtractOptions,
  type TCountryMention,
  type TDocument,
  type TExtraction,
  type TExtractOptions,
  type TSpan,
  type TSpeaker,
  type TStatement,
} from "./types";

export type { TExtraction, TExtractOptions } from "./types";
export { ZExtraction, ZExtractOptions } from "./types";


// A story on an election: a politician's spokesperson speaks for the campaign.
const ELECTION_STORY = /\b(?:campaign|primary|primaries|caucus(?:es)?|nominee|candidate)\b/i;

const BODY_WORD = /\b(?:Ministry|Government|Embassy|Kremlin|Army|Navy|Police|Cabinet|Presidency)\b/i;

function buildRegistry(text: string, index: MentionIndex): SpeakerRegistry {
  const registry = new SpeakerRegistry();
  const pending: { name: string; role: string | null; country: string | null }[] = [];
  for (const m of index.mentions) {
    registry.add(m);
    if (m.name && m.kind === "person") {
      const appos = readAppositive(text, m.end);
      if (appos) pending.push({ name: m.name, role: appos.role, country: appos.country });
    }
    if (m.name && m.kind !== "outlet" && m.role === null && m.country === null) {
      const prefix = readPrefixRole(text, m.start);
      if (prefix) pending.push({ name: m.name, role: m.kind === "person" ? prefix.role : null, country: prefix.country });
    }
  }
  for (const a of pending) registry.enrich(a.name, a.role, a.country);
  // "Russia's Foreign Ministry warned … Foreign ministry spokeswoman Maria Zakharova wrote": a spokesperson
  // of a body the text just tied to a country belongs to that country.
  const bodyCountry = new Map<string, string>();
  for (const m of index.mentions) {
    if (!m.name) continue;
    const profile = registry.profile(m.name);
    if (!profile) continue;
    if (profile.kind === "organization" && profile.country) {
      const body = BODY_WORD.exec(profile.name)?.[0].toLowerCase();
      if (body) bodyCountry.set(body, profile.country);
    } else if (profile.kind === "person" && profile.country === null && profile.role) {
      const body = BODY_WORD.exec(profile.role)?.[0].toLowerCase();
      const code = body ? bodyCountry.get(body) : undefined;
      if (code) registry.enrich(profile.name, null, code);
    }
  }
  return registry;
}

/**
 * Countries a document mentions. A dateline's place ("WOLFSBURG, Germany, Oct 28 (Wire) -") is where
 * the story was filed, often far from what it is about, so it counts only if the body names it too.
 */
/** "Germany's Baerbock Says …": a headline may be the only place that ties a speaker to a country. */
function enrichFromHeadline(title: string, registry: SpeakerRegistry): void {
  const re = /(\p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)['’]s (\p{Lu}[\p{L}’'-]+)/gu;
  for (let m = re.exec(title); m; m = re.exec(title)) {
    const code = m[1] ? countryCodeOf(m[1]) : null;
    const profile = m[2] ? registry.profile(m[2]) : null;
    if (code && profile && profile.kind === "person" && profile.name.includes(" ")) registry.enrich(profile.name, null, code);
  }
}

function countriesOf(text: string, span: TSpan, datelines: readonly TSpan[]): TCountryMention[] {
  const byCode = new Map<string, TSpan[]>();
  for (const hit of findCountryMentions(text, span.start, span.end)) {
    if (datelines.some((d) => hit.start >= d.start && hit.end <= d.end)) continue;
    const list = byCode.get(hit.code) ?? [];
    list.push({ start: hit.start, end: hit.end });
    byCode.set(hit.code, list);
  }
  return [...byCode.entries()].map(([code, mentions]) => ({ code, mentions }));
}

/** Every span where a canonical speaker is named in the document (full name, surname, sources). */
function mentionsOf(index: MentionIndex, seg: TSegment, registry: SpeakerRegistry, name: string): TSpan[] {
  const spans: TSpan[] = [];
  for (const p of seg.paragraphs) {
    for (const m of index.within(p)) {
      if (m.name && registry.canonical(m.name) === name) spans.push({ start: m.start, end: m.end });
    }
  }
  return spans;
}

function findNameSpan(text: string, seg: TSegment, name: string): TSpan[] {
  const at = text.indexOf(name, seg.span.start);
  return at !== -1 && at + name.length <= seg.span.end ? [{ start: at, end: at + name.length }] : [];
}

let tagger: AttributionTagger | null = null;
/**
 * The committed weights, validated once per process on first use. A JSON import (as the pair model's)
 * so bundlers ship the file with the server code: the default engine needs it on every ingest.
 */
function loadTagger(): AttributionTagger {
  tagger ??= new AttributionTagger(ZModelWeights.parse(taggerWeights));
  return tagger;
}

/**
 * Which statement engine runs: the rules alone; the rules plus every cue-anchored statement of the
 * attribution tagger ("model"); or the rules plus the tagger's surest reading ("hybrid", the default:
 * rule spans extended to the lead-in the tagger reads, quoted content with a verb of saying, a named
 * source and a clear margin — TAGGER_POLICIES.sure, gated on the dispute gold's precision).
 */
export type TEngine = "rules" | "model" | "hybrid";
export const ENGINES: readonly TEngine[] = ["rules", "model", "hybrid"];
export const DEFAULT_ENGINE: TEngine = "hybrid";
/** The tagger policy of each engine that uses the tagger. */
export const ENGINE_POLICIES: Record<Exclude<TEngine, "rules">, TTaggerPolicy> = { model: TAGGER_POLICIES.all, hybrid: TAGGER_POLICIES.sure };

/** The extraction of one text. Never throws on any string input; options are validated by zod. */
export function extract(text: string, options: TExtractOptions = {}, engine: TEngine = DEFAULT_ENGINE): TExtraction {
  return engine === "rules" ? extractWith(text, options, null) : extractWith(text, options, loadTagger(), ENGINE_POLICIES[engine]);
}

/** The extraction with a given tagger beside the rules, or with the rules alone (null). */
export function extractWith(
  text: string,
  options: TExtractOptions,
  withTagger: AttributionTagger | null,
  policy: TTaggerPolicy | TTaggerScope = "all",
): TExtraction {
  const { extraction, candidates } = extractStatements(text, options, withTagger, policy);
  for (const p of findPairs(candidates)) {
    extraction.documents[p.docIndex]?.pairs.push({ claimId: p.claimId, responseId: p.responseId, relation: p.relation, confidence: p.confidence });
  }
  return extraction;
}

/**
 * Everything but the pairs: the extraction with empty `pairs`, and what the pair finder sees of each
 * statement. The pair model's training script starts here, so it learns from what the engine finds.
 */
export function extractStatements(
  text: string,
  options: TExtractOptions = {},
  withTagger: AttributionTagger | null = null,
  policy: TTaggerPolicy | TTaggerScope = "all",
): { extraction: TExtraction; candidates: TPairCandidate[] } {
  const opts = ZExtractOptions.parse(options);
  const segments = segmentDocuments(text, { oneArticle: opts.oneArticle });
  const single = segments.length === 1;
  const mentionIndex = new MentionIndex(text, segments.flatMap((s) => s.paragraphs));
  const registry = buildRegistry(text, mentionIndex);
  for (const seg of segments) if (seg.title) enrichFromHeadline(seg.title, registry);

  // Read once per text: a paste of many documents must not rescan every mention for each one.
  const electionStory = ELECTION_STORY.test(text);
  const bodies = spokespersonBodies(text, mentionIndex, registry, electionStory);
  let speakerSeq = 0;
  let statementSeq = 0;
  const documents: TDocument[] = [];
  const candidates: TPairCandidate[] = [];

  segments.forEach((seg, docIndex) => {
    const outlet = seg.outlet ?? (single ? (opts.outlet ?? null) : null);
    const factCheckVoice = outlet ?? (single ? hostNameOf(opts.url) : null);
    const commenter = seg.kind === "comment" ? seg.author : null;
    const found: TRawStatement[] = new StatementFinder(text, registry, mentionIndex).run({
      paragraphs: seg.paragraphs,
      outlet: seg.kind === "comment" ? null : factCheckVoice,
      commenter,
    });
    const rules =
      seg.kind === "comment"
        ? found
        : mergeResponseStatements(found, findResponseStatements({ text, paragraphs: seg.paragraphs, registry, mentions: mentionIndex, found, outlet: factCheckVoice }));
    // A commenter's own sentences are claims the rules already cut; the tagger learned news prose.
    const chosen = withTagger && seg.kind !== "comment" ? (typeof policy === "string" ? TAGGER_POLICIES[policy] : policy) : null;
    const ctx = { text, paragraphs: seg.paragraphs, registry, mentions: mentionIndex };
    // A late tagger reads the finished rule statements, as it saw them in training (bench/tagger-training.ts).
    const early = withTagger && chosen && !chosen.late ? mergeModelStatements(withTagger, ctx, rules, chosen) : rules;
    attributeOrphanQuotes(text, early, mentionIndex, registry);
    const quotes = findQuotes(text, seg.paragraphs);
    attributeQuotedFragments({ text, paragraphs: seg.paragraphs, quotes, index: mentionIndex, registry }, early);
    widenQuoteLeadIns(text, [...early].sort((a, b) => a.span.start - b.span.start), quotes, { index: mentionIndex, registry });
    fitLabelSpans(text, [...early].sort((a, b) => a.span.start - b.span.start), quotes);
    const raw = withTagger && chosen?.late ? mergeModelStatements(withTagger, ctx, early, chosen) : early;
    attributeToBodies(text, raw, bodies, registry, electionStory);
    const speakers = new Map<string, TSpeaker>();
    const speakerIdOf = (name: string, kind: TSpeaker["kind"], source: TSpan | null): string => {
      let sp = speakers.get(name);
      if (!sp) {
        speakerSeq += 1;
        const profile = kind === "person" || kind === "organization" ? registry.profile(name) : null;
        const mentions =
          kind === "commenter" || kind === "outlet" ? findNameSpan(text, seg, name) : mentionsOf(mentionIndex, seg, registry, name);
        sp = { id: `sp${speakerSeq}`, name, role: profile?.role ?? null, country: profile?.country ?? null, kind, mentions };
        speakers.set(name, sp);
      }
      if (source && !sp.mentions.some((m) => m.start === source.start)) sp.mentions.push(source);
      return sp.id;
    };
    const statements: TStatement[] = raw.map((r) => {
      statementSeq += 1;
      return {
        id: `st${statementSeq}`,
        speakerId: r.speaker ? speakerIdOf(r.speaker.name, r.speaker.kind, r.source) : null,
        mode: r.mode,
        text: text.slice(r.span.start, r.span.end),
        span: r.span,
        cue: r.cue,
        source: r.source,
        confidence: r.confidence,
      };
    });
    raw.forEach((r, k) => {
      const st = statements[k];
      if (!st) return;
      const sentenceNames = mentionIndex
        .within(r.sentence)
        .map((m) => (m.name ? registry.canonical(m.name) : null))
        .filter((n): n is string => n !== null);
      const profile = r.speaker ? registry.profile(r.speaker.name) : null;
      candidates.push({
        id: st.id,
        docIndex,
        docKind: seg.kind,
        paragraph: r.paragraph,
        sentence: r.sentence.start,
        speaker: r.speaker?.name ?? null,
        speakerKind: r.speaker?.kind ?? null,
        country: profile?.country ?? null,
        opposition: /\b(?:opposition|shadow)\b/i.test(profile?.role ?? ""),
        text: st.text,
        mode: st.mode,
        sentenceText: text.slice(r.sentence.start, r.sentence.end),
        spanStartInSentence: Math.max(0, r.span.start - r.sentence.start),
        sentenceNames,
        responseCue: r.responseCue,
        factCheckOf: r.factCheckOf !== null ? (statements[r.factCheckOf]?.id ?? null) : null,
        question: r.question,
      });
    });
    for (const sp of speakers.values()) sp.mentions.sort((a, b) => a.start - b.start);
    assignSpeakerCountries([...speakers.values()], text, seg.span);
    const kind = seg.kind === "unknown" && (statements.length > 0 || outlet || opts.url) ? "article" : seg.kind;
    documents.push({
      span: seg.span,
      kind,
      title: seg.title,
      outlet,
      author: seg.author,
      publishedAt: single ? (opts.publishedAt ?? null) : null,
      speakers: [...speakers.values()],
      statements,
      pairs: [],
      countries: countriesOf(text, seg.span, seg.datelines),
    });
  });

  return { extraction: { version: 1, documents }, candidates };
}

/** The rule engine's statements, cues and sources as hints for the attribution tagger. */
export function ruleHints(text: string): TRuleHint[] {
  const hints: TRuleHint[] = [];
  for (const doc of extractWith(text, {}, null).documents) {
    for (const st of doc.statements) {
      hints.push({ kind: st.mode, start: st.span.start, end: st.span.end });
      if (st.cue) hints.push({ kind: "cue", start: st.cue.start, end: st.cue.end });
      if (st.source) hints.push({ kind: "source", start: st.source.start, end: st.source.end });
    }
  }
  return hints;
}
