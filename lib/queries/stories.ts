// A story: its newest articles as cards (at most 100), and the quotes several of them repeat.
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { storyTag } from "@/lib/cache/content-tags";
import { loadArticleCardsWithTags } from "@/lib/queries/article-cards";

const STORY_ARTICLE_LIMIT = 100;

/**
 * The articles the page shows, newest first: a story followed for months can gather thousands,
 * and the repeated quotes are counted over these alone, so the page's work stays bounded.
 */
const shownArticles = (storyId: number) => Prisma.sql`
  SELECT a.id FROM "Article" a WHERE a."storyId" = ${storyId} AND a."hiddenAt" IS NULL
  ORDER BY a."sortAt" DESC, a.id DESC LIMIT ${STORY_ARTICLE_LIMIT}`;

async function loadStoryBySlug(slug: string) {
  const db = getDb();
  const story = await db.story.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, firstAt: true, latestAt: true },
  });
  if (!story) return null;
  const [articles, repeated] = await Promise.all([
    db.$queryRaw<{ id: number }[]>(shownArticles(story.id)),
    db.$queryRaw<{ text: string; speaker: string | null; n: bigint }[]>`
      SELECT MIN(s.text) AS text, MIN(sp.name) AS speaker, COUNT(DISTINCT s."articleId") AS n
      FROM "Statement" s LEFT JOIN "Speaker" sp ON sp.id = s."speakerId"
      WHERE s."articleId" IN (${shownArticles(story.id)})
      GROUP BY s."quoteKey" HAVING COUNT(DISTINCT s."articleId") > 1
      ORDER BY n DESC, text LIMIT 20`,
  ]);
  // The cards also show statements of other stories' articles (responses across stories): those
  // articles' own changes expire this page too.
  const { cards, tags } = await loadArticleCardsWithTags(articles.map((a) => a.id));
  return {
    ...story,
    articles: cards,
    repeatedQuotes: repeated.map((row) => ({ text: row.text, speaker: row.speaker, articleCount: Number(row.n) })),
    /** What this view shows, as cache tags (lib/cache/content-tags.ts). */
    cacheTags: [storyTag(story.id), ...tags],
  };
}

export const getStoryBySlug = cache(loadStoryBySlug);
