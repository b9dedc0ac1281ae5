// Chooses the story an article belongs to: the story of a recent article that reports one of
// the same distinctive quotes, else a new story named after the article.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TStatement } from "@/lib/extract/types";
import { isDistinctiveQuote } from "@/lib/ingest/quote-key";
import { slugify } from "@/lib/ingest/slugify";
import { randomBytes } from "node:crypto";

type Tx = Prisma.TransactionClient;

// The same words quoted two weeks apart are usually a new development, not the same event.
const STORY_WINDOW_DAYS = 14;

export async function assignStory(
  tx: Tx,
  article: { title: string; sortAt: Date; quoteKeys: string[]; statements: TStatement[] },
): Promise<number> {
  const keys = article.quoteKeys.filter((_, index) => {
    const statement = article.statements[index];
    return statement !== undefined && statement.mode === "direct" && isDistinctiveQuote(statement.text);
  });
  if (keys.length > 0) {
    const windowMs = STORY_WINDOW_DAYS * 24 * 3600 * 1000;
    const from = new Date(article.sortAt.getTime() - windowMs);
    const to = new Date(article.sortAt.getTime() + windowMs);
    const rows = await tx.$queryRaw<{ storyId: number }[]>`
      SELECT a."storyId" FROM "Statement" s JOIN "Article" a ON a.id = s."articleId"
      WHERE s."quoteKey" = ANY(${keys}::text[]) AND a."sortAt" BETWEEN ${from} AND ${to}
      GROUP BY a."storyId" ORDER BY count(*) DESC, a."storyId" LIMIT 1`;
    if (rows[0]) return rows[0].storyId;
  }
  return createStory(tx, article.title, article.sortAt);
}

async function createStory(tx: Tx, title: string, at: Date): Promise<number> {
  const story = await tx.story.create({
    data: { title, slug: `${slugify(title, 60)}-${randomBytes(3).toString("hex")}`, firstAt: at, latestAt: at },
    select: { id: true },
  });
  return story.id;
}
