// A story: all its articles as cards, and the quotes several of its articles repeat.
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { loadArticleCards } from "@/lib/queries/article-cards";

const STORY_ARTICLE_LIMIT = 100;

export const getStoryBySlug = cache(async (slug: string) => {
  const db = getDb();
  const story = await db.story.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, firstAt: true, latestAt: true },
  });
  if (!story) return null;
  const [articles, repeated] = await Promise.all([
    db.article.findMany({
      where: { storyId: story.id, hiddenAt: null },
      orderBy: [{ sortAt: "desc" }, { id: "desc" }],
      take: STORY_ARTICLE_LIMIT,
      select: { id: true },
    }),
    db.$queryRaw<{ text: string; speaker: string | null; n: bigint }[]>`
      SELECT MIN(s.text) AS text, MIN(sp.name) AS speaker, COUNT(DISTINCT s."articleId") AS n
      FROM "Statement" s JOIN "Article" a ON a.id = s."articleId" LEFT JOIN "Speaker" sp ON sp.id = s."speakerId"
      WHERE a."storyId" = ${story.id}
      GROUP BY s."quoteKey" HAVING COUNT(DISTINCT s."articleId") > 1
      ORDER BY n DESC, text LIMIT 20`,
  ]);
  return {
    ...story,
    articles: await loadArticleCards(articles.map((a) => a.id)),
    repeatedQuotes: repeated.map((row) => ({ text: row.text, speaker: row.speaker, articleCount: Number(row.n) })),
  };
});
