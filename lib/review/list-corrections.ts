// The audit log's reads: every correction, newest first, filtered by article, speaker, kind,
// status or author; paged by id.
import { z } from "zod";
import type { PrismaClient, Prisma } from "@/lib/generated/prisma/client";
import { ZRowId } from "@/lib/api/row-id";
import { CORRECTION_LABELS, type TCorrectionKind } from "@/lib/review/correction-types";

const KINDS = Object.keys(CORRECTION_LABELS) as [TCorrectionKind, ...TCorrectionKind[]];

export const ZCorrectionFilters = z.object({
  article: ZRowId.optional(),
  speaker: ZRowId.optional(),
  kind: z.enum(KINDS).optional(),
  status: z.enum(["applied", "orphaned", "undone"]).optional(),
  author: z.string().trim().min(1).max(80).optional(),
  before: ZRowId.optional(),
});
export type TCorrectionFilters = z.infer<typeof ZCorrectionFilters>;

export const CORRECTIONS_PAGE_SIZE = 50;

export async function listCorrections(db: PrismaClient, filters: TCorrectionFilters) {
  const where: Prisma.CorrectionWhereInput = {
    ...(filters.article ? { OR: [{ articleId: filters.article }, { otherArticleId: filters.article }] } : {}),
    ...(filters.speaker ? { speakerId: filters.speaker } : {}),
    ...(filters.kind ? { kind: filters.kind } : {}),
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.author ? { author: { contains: filters.author, mode: "insensitive" as const } } : {}),
    ...(filters.before ? { id: { lt: filters.before } } : {}),
  };
  const rows = await db.correction.findMany({
    where,
    orderBy: { id: "desc" },
    take: CORRECTIONS_PAGE_SIZE + 1,
    select: {
      id: true, createdAt: true, author: true, kind: true, summary: true, status: true, statusNote: true, undoneAt: true, undoOfId: true,
      articleId: true, speakerId: true, target: true, before: true, after: true,
      article: { select: { slug: true, title: true } },
    },
  });
  const page = rows.slice(0, CORRECTIONS_PAGE_SIZE);
  return {
    corrections: page.map((row) => ({ ...row, label: CORRECTION_LABELS[row.kind] })),
    nextBefore: rows.length > CORRECTIONS_PAGE_SIZE ? (page.at(-1)?.id ?? null) : null,
  };
}
