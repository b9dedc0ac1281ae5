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

export async function assignStory(tx: Tx, article: TStoryEvidence): Promise<number> {
  return (await findStoryByQuotes(tx, article)) ?? createStory(tx, article.title, article.sortAt);
}

export type TStoryEvidence = { title: string; sortAt: Date; quoteKeys: string[]; statements: TStatement[] };

/** The keys of an article's direct, distinctive quotes: the ones that tie it to a story. */
export function storyQuoteKeys(article: Pick<TStoryEvidence, "quoteKeys" | "statements">): string[] {
  return article.quoteKeys.filter((_, index) => {
    const statement = article.statements[index];
    return statement !== undefined && statement.mode === "direct" && isDistinctiveQuote(statement.text);
  });
}

/** The dates (inclusive) within which another article's quote ties it to this one's story. */
export function storyWindow(sortAt: Date): { from: Date; to: Date } {
  const windowMs = STORY_WINDOW_DAYS * 24 * 3600 * 1000;
  return { from: new Date(sortAt.getTime() - windowMs), to: new Date(sortAt.getTime() + windowMs) };
}

/** The story of a recent article reporting one of the same distinctive quotes, or null. */
export async function findStoryByQuotes(tx: Tx, article: TStoryEvidence, excludeArticleId: number | null = null): Promise<number | null> {
  const keys = storyQuoteKeys(article);
  if (keys.length === 0) return null;
  const { from, to } = storyWindow(article.sortAt);
  const rows = await tx.$queryRaw<{ storyId: number }[]>`
    SELECT a."storyId" FROM "Statement" s JOIN "Article" a ON a.id = s."articleId"
    WHERE s."quoteKey" = ANY(${keys}::text[]) AND a."sortAt" BETWEEN ${from} AND ${to}
      AND (${excludeArticleId}::int IS NULL OR a.id <> ${excludeArticleId}::int)
    GROUP BY a."storyId" ORDER BY count(*) DESC, a."storyId" LIMIT 1`;
  return rows[0]?.storyId ?? null;
}

async function createStory(tx: Tx, title: string, at: Date): Promise<number> {
  const story = await tx.story.create({ data: newStoryRow(title, at), select: { id: true } });
  return story.id;
}

export function newStoryRow(title: string, at: Date) {
  return { title, slug: `${slugify(title, 60)}-${randomBytes(3).toString("hex")}`, firstAt: at, latestAt: at };
}
