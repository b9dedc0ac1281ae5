// The version-1 extraction JSON of ../shared/EXTRACTION.md as zod schemas, plus the internal
// shapes the stages hand to one another. `Z…` schemas validate, `T…` types are inferred from them.
import { z } from "zod";

export const ZSpan = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TSpan = z.infer<typeof ZSpan>;

export const ZCue = z.object({
  text: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type TCue = z.infer<typeof ZCue>;

export const ZDocumentKind = z.enum(["article", "comment", "unknown"]);
export type TDocumentKind = z.infer<typeof ZDocumentKind>;

export const ZSpeakerKind = z.enum(["person", "organization", "outlet", "commenter"]);
export type TSpeakerKind = z.infer<typeof ZSpeakerKind>;

export const ZStatementMode = z.enum(["direct", "indirect", "mixed"]);
export type TStatementMode = z.infer<typeof ZStatementMode>;

export const ZRelation = z.enum(["rebuts", "supports", "responds"]);
export type TRelation = z.infer<typeof ZRelation>;

/** ISO 3166-1 alpha-2. */
export const ZCountryCode = z.string().regex(/^[A-Z]{2}$/);

export const ZSpeaker = z.object({
  id: z.string(),
  name: z.string().min(1),
  role: z.string().nullable(),
  country: ZCountryCode.nullable(),
  kind: ZSpeakerKind,
  mentions: z.array(ZSpan),
});
export type TSpeaker = z.infer<typeof ZSpeaker>;

export const ZStatement = z.object({
  id: z.string(),
  // null when nobody in the text can be named as the source (a quote with no attribution).
  speakerId: z.string().nullable(),
  mode: ZStatementMode,
  text: z.string(),
  span: ZSpan,
  cue: ZCue.nullable(),
  source: ZSpan.nullable(),
  // Additive field (not in EXTRACTION.md's example): how sure the attribution is, 0..1.
  // The database stores it; consumers that only know version 1 can ignore it.
  confidence: z.number().min(0).max(1),
});
export type TStatement = z.infer<typeof ZStatement>;

export const ZPair = z.object({
  claimId: z.string(),
  responseId: z.string(),
  relation: ZRelation,
  // Additive field, like statement confidence: how sure the link and its relation are, 0..1.
  confidence: z.number().min(0).max(1),
});
export type TPair = z.infer<typeof ZPair>;

export const ZCountryMention = z.object({
  code: ZCountryCode,
  mentions: z.array(ZSpan),
});
export type TCountryMention = z.infer<typeof ZCountryMention>;

export const ZDocument = z.object({
  span: ZSpan,
  kind: ZDocumentKind,
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  author: z.string().nullable(),
  publishedAt: z.string().nullable(),
  speakers: z.array(ZSpeaker),
  statements: z.array(ZStatement),
  pairs: z.array(ZPair),
  countries: z.array(ZCountryMention),
});
export type TDocument = z.infer<typeof ZDocument>;

export const ZExtraction = z.object({
  version: z.literal(1),
  documents: z.array(ZDocument),
});
export type TExtraction = z.infer<typeof ZExtraction>;

export const ZExtractOptions = z.object({
  url: z.string().url().optional(),
  outlet: z.string().trim().min(1).max(200).optional(),
  publishedAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  /** The text is one article (a page's main text, a feed item), never split into several documents as a paste is. */
  oneArticle: z.boolean().optional(),
});
export type TExtractOptions = z.infer<typeof ZExtractOptions>;
