// Undoing a correction is itself a correction (kind `undo`, pointing at the one undone). A text
// correction is undone by rebuilding its article from the text and the corrections still in
// force; speaker and article corrections put back the value they replaced.
import type { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { reextractInTransaction } from "@/lib/ingest/reextract";
import { ZArticleFields, reapplyArticleFields, writeArticleFields, type TArticleFields } from "@/lib/review/article-fields";
import { TEXT_CORRECTION_KINDS } from "@/lib/review/correction-types";

type Tx = Prisma.TransactionClient;

export type TUndoneCorrection = { id: number; undoneId: number; message: string };

const ZSpeakerName = z.object({ name: z.string() });
const ZSpeakerDetails = z.object({ role: z.string().nullable(), country: z.string().nullable() });
const ZHidden = z.object({ hidden: z.boolean(), reason: z.string().nullable() });
const ZReview = z.object({ state: z.enum(["machine", "reviewed", "disputed"]), reviewedAt: z.string().nullable() });

export async function undoCorrection(db: PrismaClient, correctionId: number, author: string): Promise<TUndoneCorrection> {
  return db.$transaction((tx) => undoInTransaction(tx, correctionId, author), { timeout: 60_000, maxWait: 60_000 });
}

async function undoInTransaction(tx: Tx, correctionId: number, author: string): Promise<TUndoneCorrection> {
  const correction = await tx.correction.findUnique({ where: { id: correctionId } });
  if (!correction) throw new AppError("not_found", 404, `correction #${correctionId} not found`);
  if (correction.status === "undone") throw new AppError("already_undone", 409, `correction #${correctionId} was already undone`);
  if (correction.kind === "undo") throw new AppError("not_undoable", 409, "an undo cannot be undone: make the correction again");
  if (correction.kind === "speaker_merge" || correction.kind === "speaker_split") {
    throw new AppError("not_undoable", 409, "a merge or split is not undone here: split the speaker (or merge them) instead");
  }
  await tx.correction.update({ where: { id: correction.id }, data: { status: "undone", undoneAt: new Date() } });

  if (TEXT_CORRECTION_KINDS.has(correction.kind) && correction.articleId !== null) {
    await reextractInTransaction(tx, correction.articleId, true);
    if (correction.otherArticleId !== null) await reextractInTransaction(tx, correction.otherArticleId, true);
  } else if (correction.kind === "speaker_rename" && correction.speakerId !== null) {
    await tx.speaker.updateMany({ where: { id: correction.speakerId }, data: ZSpeakerName.parse(correction.before) });
  } else if (correction.kind === "speaker_details" && correction.speakerId !== null) {
    await tx.speaker.updateMany({ where: { id: correction.speakerId }, data: ZSpeakerDetails.parse(correction.before) });
  } else if (correction.kind === "article_hide" && correction.articleId !== null) {
    const before = ZHidden.parse(correction.before);
    await tx.article.update({ where: { id: correction.articleId }, data: { hiddenAt: before.hidden ? new Date() : null, hiddenReason: before.reason } });
  } else if (correction.kind === "article_review" && correction.articleId !== null) {
    const before = ZReview.parse(correction.before);
    await tx.article.update({ where: { id: correction.articleId }, data: { reviewState: before.state, reviewedAt: before.reviewedAt ? new Date(before.reviewedAt) : null } });
  } else if (correction.kind === "article_fields" && correction.articleId !== null) {
    // Back to the value before this correction, then any later correction still in force on top.
    const before = ZArticleFields.parse(correction.before);
    const changed = Object.keys(ZArticleFields.parse(correction.after)) as (keyof TArticleFields)[];
    await writeArticleFields(tx, correction.articleId, Object.fromEntries(changed.map((field) => [field, before[field]])));
    await reapplyArticleFields(tx, correction.articleId);
  }

  const message = `Undid #${correction.id}: ${correction.summary}`;
  const undo = await tx.correction.create({
    data: {
      author,
      kind: "undo",
      summary: message,
      articleId: correction.articleId,
      otherArticleId: correction.otherArticleId,
      speakerId: correction.speakerId,
      target: { correctionId: correction.id },
      before: correction.after ?? {},
      after: correction.before ?? {},
      undoOfId: correction.id,
    },
    select: { id: true },
  });
  return { id: undo.id, undoneId: correction.id, message };
}
