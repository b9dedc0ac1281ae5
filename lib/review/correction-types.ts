// The shapes of corrections: what a request asks for (one zod schema for the API, the permalink's
// forms and the tests), and what a stored correction that re-applies to the text holds.
import { z } from "zod";
import { MAX_ROW_ID } from "@/lib/api/row-id";
import { ZAnchor } from "@/lib/review/anchor";

const ZId = z.number().int().positive().max(MAX_ROW_ID);
const ZMode = z.enum(["direct", "indirect", "mixed"]);
const ZRelation = z.enum(["rebuts", "supports", "responds"]);
const ZSpeakerKind = z.enum(["person", "organization", "outlet", "commenter"]);
const ZName = z.string().trim().min(1, "must not be empty").max(200, "is longer than 200 characters");
const ZCountry = z.string().trim().toUpperCase().regex(/^[A-Z]{2}$/, "must be a two-letter country code such as JP");
export const ZReviewState = z.enum(["machine", "reviewed", "disputed"]);
export type TReviewState = z.infer<typeof ZReviewState>;

/** A statement's speaker: an existing one, or one created by name. */
const ZSpeakerChoice = z.union([
  z.object({ speakerId: ZId }),
  z.object({ newSpeaker: z.object({ name: ZName, kind: ZSpeakerKind.default("person") }) }),
]);
export type TSpeakerChoice = z.infer<typeof ZSpeakerChoice>;

const ZOffsets = z
  .object({ start: z.number().int().nonnegative(), end: z.number().int().positive() })
  .refine((span) => span.end > span.start, { message: "must end after it starts", path: ["end"] });

export const ZCorrectionRequest = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("statement_speaker"), statementId: ZId, speaker: ZSpeakerChoice }),
  z.object({ kind: z.literal("statement_mode"), statementId: ZId, mode: ZMode }),
  z.object({ kind: z.literal("statement_span"), statementId: ZId, span: ZOffsets }),
  z.object({ kind: z.literal("statement_reject"), statementId: ZId }),
  z.object({ kind: z.literal("statement_add"), articleId: ZId, span: ZOffsets, mode: ZMode, speaker: ZSpeakerChoice }),
  z.object({ kind: z.literal("pair_add"), claimId: ZId, responseId: ZId, relation: ZRelation }),
  z.object({ kind: z.literal("pair_remove"), pairId: ZId }),
  z.object({ kind: z.literal("pair_relation"), pairId: ZId, relation: ZRelation }),
  z.object({ kind: z.literal("speaker_rename"), speakerId: ZId, name: ZName }),
  z
    .object({ kind: z.literal("speaker_details"), speakerId: ZId, role: ZName.nullable().optional(), country: ZCountry.nullable().optional() })
    .refine((r) => r.role !== undefined || r.country !== undefined, { message: "give a role or a country", path: ["role"] }),
  z.object({ kind: z.literal("speaker_merge"), speakerId: ZId, fromSpeakerId: ZId }),
  z.object({ kind: z.literal("speaker_split"), speakerId: ZId, name: ZName, statementIds: z.array(ZId).min(1).max(500) }),
  z.object({ kind: z.literal("article_hide"), articleId: ZId, hidden: z.boolean(), reason: z.string().trim().max(200).optional() }),
  z
    .object({
      kind: z.literal("article_fields"),
      articleId: ZId,
      title: ZName.optional(),
      outlet: ZName.nullable().optional(),
      publishedAt: z.iso.datetime({ offset: true }).nullable().optional(),
    })
    .refine((r) => r.title !== undefined || r.outlet !== undefined || r.publishedAt !== undefined, {
      message: "give a title, an outlet or a date",
      path: ["title"],
    }),
  z.object({ kind: z.literal("article_review"), articleId: ZId, state: ZReviewState }),
]);
export type TCorrectionRequest = z.infer<typeof ZCorrectionRequest>;
export type TCorrectionKind = TCorrectionRequest["kind"] | "undo";

/** One end of a pair: the statement's article and its anchor there. */
export const ZPairEnd = z.object({ articleId: ZId, anchor: ZAnchor });
export type TPairEnd = z.infer<typeof ZPairEnd>;

/** The stored target + after of the corrections re-applied to extraction rows, as one union. */
export const ZTextCorrection = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("statement_speaker"), target: z.object({ anchor: ZAnchor }), after: z.object({ speakerId: ZId }) }),
  z.object({ kind: z.literal("statement_mode"), target: z.object({ anchor: ZAnchor }), after: z.object({ mode: ZMode }) }),
  z.object({ kind: z.literal("statement_span"), target: z.object({ anchor: ZAnchor }), after: z.object({ anchor: ZAnchor }) }),
  z.object({ kind: z.literal("statement_reject"), target: z.object({ anchor: ZAnchor }), after: z.object({}) }),
  z.object({
    kind: z.literal("statement_add"),
    target: z.object({ anchor: ZAnchor }),
    after: z.object({ speakerId: ZId.nullable(), mode: ZMode }),
  }),
  z.object({ kind: z.literal("pair_add"), target: z.object({ claim: ZPairEnd, response: ZPairEnd }), after: z.object({ relation: ZRelation }) }),
  z.object({ kind: z.literal("pair_remove"), target: z.object({ claim: ZPairEnd, response: ZPairEnd }), after: z.object({}) }),
  z.object({ kind: z.literal("pair_relation"), target: z.object({ claim: ZPairEnd, response: ZPairEnd }), after: z.object({ relation: ZRelation }) }),
]);
export type TTextCorrection = z.infer<typeof ZTextCorrection> & { id: number; at: Date };

export const TEXT_CORRECTION_KINDS: ReadonlySet<string> = new Set(ZTextCorrection.options.map((option) => option.shape.kind.value));

/** What each kind says it changed, for the audit log and the message after an action. */
export const CORRECTION_LABELS: Record<TCorrectionKind, string> = {
  statement_speaker: "changed a statement's speaker",
  statement_mode: "changed a statement's mode",
  statement_span: "changed a statement's words",
  statement_reject: "marked not a statement",
  statement_add: "added a statement",
  pair_add: "added a pair",
  pair_remove: "removed a pair",
  pair_relation: "changed a pair's relation",
  speaker_rename: "renamed a speaker",
  speaker_details: "set a speaker's role or country",
  speaker_merge: "merged two speakers",
  speaker_split: "split a speaker",
  article_hide: "hid or showed an article",
  article_fields: "fixed an article's title, outlet or date",
  article_review: "set an article's review state",
  undo: "undid a correction",
};
