// The timeline: stories newest first, keyset-paginated on (Story.latestAt, Story.id) so a page
// deep in the past costs the same as the first; each story lists only its matching articles.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor, type TCursor, type TTimelineFilters } from "@/lib/filters";
import { articleMatchesSql } from "@/lib/queries/article-filter-sql";
import { loadArticleCards, type TArticleCard } from "@/lib/queries/article-cards";
import { readWithin } from "@/lib/queries/bounded-read";

export const TIMELINE_PAGE_SIZE = 10;
export const ARTICLES_PER_STORY = 3;

export type TTimelineStory = {
  id: number;
  slug: string;
  title: string;
  latestAt: Date;
  articleCount: number;
  articles: TArticleCard[];
};
/** `timedOut`: the stories could not be found within TIMELINE_TIME_LIMIT_MS (the page says so). */
export type TTimelinePage = { stories: TTimelineStory[]; nextCursor: string | null; timedOut?: true };

/**
 * Finding a page of stories walks stories newest first until ten match: instant for filters that
 * match often, but a filter combination that matches nothing (a relation no pair has, with a
 * country) walks the whole archive, 8.6 s at 100k. Past this limit the page says so instead.
 */
export const TIMELINE_TIME_LIMIT_MS = 3_000;

export async function listTimeline(
  filters: Omit<TTimelineFilters, "cursor">,
  cursor?: TCursor,
  pageSize: number = TIMELINE_PAGE_SIZE,
  timeLimitMs: number = TIMELINE_TIME_LIMIT_MS,
): Promise<TTimelinePage> {
  const db = getDb();
  const matches = articleMatchesSql(filters);
  const after = cursor
    ? Prisma.sql`AND (st."latestAt", st.id) < (${cursor.at}, ${cursor.id})`
    : Prisma.empty;
  const found = await readWithin(timeLimitMs, (tx) => tx.$queryRaw<{ id: number; latestAt: Date }[]>`
    SELECT st.id, st."latestAt" FROM "Story" st
    WHERE EXISTS (SELECT 1 FROM "Article" a WHERE a."storyId" = st.id AND ${matches}) ${after}
    ORDER BY st."latestAt" DESC, st.id DESC
    LIMIT ${pageSize + 1}`);
  if (!found.ok) return { stories: [], nextCursor: null, timedOut: true };
  const storyRows = found.value;
  const pageRows = storyRows.slice(0, pageSize);
  const last = pageRows.at(-1);
  const nextCursor = storyRows.length > pageSize && last ? encodeCursor({ at: last.latestAt, id: last.id }) : null;
  if (pageRows.length === 0) return { stories: [], nextCursor: null };

  const storyIds = pageRows.map((row) => row.id);
  // A big story shows its newest few matching articles and links to the rest: a page's size
  // (and its render time) stays bounded however many outlets covered the event.
  const articleRows = await db.$queryRaw<{ id: number; storyId: number }[]>`
    SELECT id, "storyId" FROM (
      SELECT a.id, a."storyId", a."sortAt",
        row_number() OVER (PARTITION BY a."storyId" ORDER BY a."sortAt" DESC, a.id DESC) AS rank
      FROM "Article" a
      WHERE a."storyId" IN (${Prisma.join(storyIds)}) AND ${matches}
    ) ranked
    WHERE rank <= ${ARTICLES_PER_STORY}
    ORDER BY "sortAt" DESC, id DESC`;
  const [stories, counts, cards] = await Promise.all([
    db.story.findMany({ where: { id: { in: storyIds } }, select: { id: true, slug: true, title: true, latestAt: true } }),
    db.article.groupBy({ by: ["storyId"], where: { storyId: { in: storyIds } }, _count: { _all: true } }),
    loadArticleCards(articleRows.map((row) => row.id)),
  ]);
  const cardsById = new Map(cards.map((card) => [card.id, card]));
  const countByStory = new Map(counts.map((row) => [row.storyId, row._count._all]));
  const storyById = new Map(stories.map((story) => [story.id, story]));
  return {
    nextCursor,
    stories: storyIds.flatMap((id) => {
      const story = storyById.get(id);
      if (!story) return [];
      const articles = articleRows
        .filter((row) => row.storyId === id)
        .flatMap((row) => cardsById.get(row.id) ?? []);
      return [{ ...story, articleCount: countByStory.get(id) ?? articles.length, articles }];
    }),
  };
}

export const FEED_ITEM_LIMIT = 50;

/** The newest matching articles (not stories) as cards: what a feed subscriber receives. */
export async function listTimelineArticles(
  filters: Omit<TTimelineFilters, "cursor">,
  limit: number = FEED_ITEM_LIMIT,
): Promise<TArticleCard[]> {
  const rows = await getDb().$queryRaw<{ id: number }[]>`
    SELECT a.id FROM "Article" a WHERE ${articleMatchesSql(filters)}
    ORDER BY a."sortAt" DESC, a.id DESC LIMIT ${limit}`;
  return loadArticleCards(rows.map((row) => row.id));
}
