// An article's corrected title, outlet and date: written when corrected, and written again after a
// re-ingest from its URL (which takes them from the page) by `reapplyArticleFields`.
import type { Prisma } from "@/lib/generated/prisma/client";
import { z } from "zod";
import { upsertOutlet } from "@/lib/ingest/store-entities";

type Tx = Prisma.TransactionClient;

export const ZArticleFields = z.object({
  title: z.string().optional(),
  outlet: z.string().nullable().optional(),
  publishedAt: z.string().nullable().optional(),
});
export type TArticleFields = z.infer<typeof ZArticleFields>;

/** Writes corrected title, outlet or date; the timeline's time follows the date. */
export async function writeArticleFields(tx: Tx, articleId: number, fields: TArticleFields): Promise<void> {
  const data: Prisma.ArticleUncheckedUpdateInput = {};
  if (fields.title !== undefined) data.title = fields.title;
  if (fields.outlet !== undefined) data.outletId = fields.outlet === null ? null : await upsertOutlet(tx, fields.outlet, null);
  if (fields.publishedAt !== undefined) {
    const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { ingestedAt: true } });
    data.publishedAt = fields.publishedAt === null ? null : new Date(fields.publishedAt);
    data.sortAt = data.publishedAt ?? article.ingestedAt;
  }
  if (Object.keys(data).length > 0) await tx.article.update({ where: { id: articleId }, data });
}

/** Each field at the value of its latest correction still in force. */
export async function reapplyArticleFields(tx: Tx, articleId: number): Promise<void> {
  const rows = await tx.correction.findMany({
    where: { articleId, kind: "article_fields", status: { not: "undone" } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { after: true },
  });
  if (rows.length === 0) return;
  const fields: TArticleFields = {};
  for (const row of rows) Object.assign(fields, ZArticleFields.parse(row.after));
  await writeArticleFields(tx, articleId, fields);
}
