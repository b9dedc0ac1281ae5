// What the ingestion path would store for one corpus article, computed without a database: the
// same cleaning, extraction, hashes, near-duplicate bands, quote keys, speaker merging and country
// counts as storeArticleText → storeDocument, so the bulk loader writes identical rows.
import { extract } from "@/lib/extract";
import type { TSpeaker } from "@/lib/extract/types";
import { canonicalizeUrl } from "@/lib/ingest/canonical-url";
import { contentHash } from "@/lib/ingest/content-hash";
import { fingerprint, lshBands } from "@/lib/ingest/near-duplicate";
import { normalizeText } from "@/lib/ingest/normalize-text";
import { validatePastedText } from "@/lib/ingest/pipeline";
import { quoteKey } from "@/lib/ingest/quote-key";
import { nameKey } from "@/lib/ingest/store-entities";
import { statementColumns } from "@/lib/ingest/store-document";
import type { TCorpusArticle } from "./corpus-articles";

export type TPreparedSpeaker = {
  key: string;
  name: string;
  kind: TSpeaker["kind"];
  role: string | null;
  country: string | null;
  aliases: string[];
};

export type TPreparedStatement = {
  /** Index into the article's `speakers`. */
  speaker: number | null;
  mode: "direct" | "indirect" | "mixed";
  text: string;
  start: number;
  end: number;
  cueText: string | null;
  cueStart: number | null;
  cueEnd: number | null;
  sourceStart: number | null;
  sourceEnd: number | null;
  confidence: number;
  quoteKey: string;
};

export type TPreparedArticle = {
  index: number;
  storyIndex: number;
  title: string;
  outlet: string;
  outletDomain: string;
  canonicalUrl: string;
  sourceUrl: string;
  publishedAt: string;
  text: string;
  contentHash: string;
  fingerprint: string;
  nearBands: string[];
  speakers: TPreparedSpeaker[];
  statements: TPreparedStatement[];
  /** Statement indices within the article. */
  pairs: { claim: number; response: number; relation: "rebuts" | "supports" | "responds"; confidence: number }[];
  countries: { code: string; count: number }[];
};

// Mirrors store-entities' alias rule: a pronoun or a possessive is not another name for a speaker.
const PRONOUNS = new Set(["he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "hers", "their"]);

function mergeSpeakers(speakers: TSpeaker[], text: string): { merged: TPreparedSpeaker[]; byExtractionId: Map<string, number> } {
  const slots = new Map<string, number>();
  const merged: TPreparedSpeaker[] = [];
  const byExtractionId = new Map<string, number>();
  for (const speaker of speakers) {
    const key = nameKey(speaker.name);
    if (!key) continue;
    const slot = `${key}|${speaker.kind}`;
    let at = slots.get(slot);
    if (at === undefined) {
      at = merged.length;
      slots.set(slot, at);
      merged.push({ key, name: speaker.name, kind: speaker.kind, role: null, country: null, aliases: [] });
    }
    const entry = merged[at]!;
    entry.role ??= speaker.role;
    entry.country ??= speaker.country;
    byExtractionId.set(speaker.id, at);
    for (const mention of speaker.mentions) {
      const alias = text.slice(mention.start, mention.end).trim().replace(/['\u2019]s$/u, "");
      if (alias && alias !== speaker.name && !PRONOUNS.has(alias.toLowerCase()) && alias.length <= 120 && !entry.aliases.includes(alias)) {
        entry.aliases.push(alias);
      }
    }
  }
  return { merged, byExtractionId };
}

export function prepareArticle(article: TCorpusArticle): TPreparedArticle {
  const text = validatePastedText(normalizeText(article.text));
  const canonicalUrl = canonicalizeUrl(article.url);
  const extraction = extract(text, { url: canonicalUrl, outlet: article.outlet, publishedAt: article.publishedAt.toISOString() });
  const documents = extraction.documents;
  const { merged, byExtractionId } = mergeSpeakers(documents.flatMap((document) => document.speakers), text);

  const statements: TPreparedStatement[] = [];
  const statementIndex = new Map<string, number>();
  const byOffsets = new Map<string, number>();
  for (const statement of documents.flatMap((document) => document.statements)) {
    // The unique key (articleId, start, end) keeps the first of two statements over the same span.
    const offsets = `${statement.span.start}:${statement.span.end}`;
    const existing = byOffsets.get(offsets);
    if (existing !== undefined) {
      statementIndex.set(statement.id, existing);
      continue;
    }
    byOffsets.set(offsets, statements.length);
    statementIndex.set(statement.id, statements.length);
    statements.push({
      speaker: statement.speakerId ? (byExtractionId.get(statement.speakerId) ?? null) : null,
      ...statementColumns(statement, quoteKey(statement.text)),
    });
  }

  const pairKeys = new Set<string>();
  const pairs: TPreparedArticle["pairs"] = [];
  for (const pair of documents.flatMap((document) => document.pairs)) {
    const claim = statementIndex.get(pair.claimId);
    const response = statementIndex.get(pair.responseId);
    if (claim === undefined || response === undefined || claim === response || pairKeys.has(`${claim}:${response}`)) continue;
    pairKeys.add(`${claim}:${response}`);
    pairs.push({ claim, response, relation: pair.relation, confidence: pair.confidence });
  }

  const counts = new Map<string, number>();
  for (const mention of documents.flatMap((document) => document.countries)) {
    counts.set(mention.code, (counts.get(mention.code) ?? 0) + Math.max(1, mention.mentions.length));
  }

  const print = fingerprint(text);
  return {
    index: article.index,
    storyIndex: article.storyIndex,
    title: article.title.trim() || documents[0]?.title || "Untitled",
    outlet: article.outlet,
    outletDomain: new URL(canonicalUrl).hostname.replace(/^www\./, ""),
    canonicalUrl,
    sourceUrl: article.url,
    publishedAt: article.publishedAt.toISOString(),
    text,
    contentHash: contentHash(text),
    fingerprint: print,
    nearBands: lshBands(print),
    speakers: merged,
    statements,
    pairs,
    countries: [...counts].map(([code, count]) => ({ code, count })),
  };
}
