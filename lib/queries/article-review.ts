// What an admin's review panel on a permalink needs: every statement with ids, the pairs touching
// the article, the story's other statements (a pair's claim may sit there), and the article's
// corrections that no longer find their place.
import "server-only";
import { getDb } from "@/lib/db";

const STORY_STATEMENTS = 200;

export async function getArticleReview(articleId: number, storyId: number) {
  const db = getDb();
  const statementFields = { id: true, text: true, mode: true, correctedAt: true, speaker: { select: { id: true, name: true } } } as const;
  const [statements, pairs, storyStatements, orphaned, article] = await Promise.all([
    db.statement.findMany({ where: { articleId }, orderBy: { start: "asc" }, select: statementFields }),
    db.pair.findMany({
      where: { OR: [{ claim: { articleId } }, { response: { articleId } }] },
      orderBy: { id: "asc" },
      select: { id: true, relation: true, correctedAt: true, claim: { select: statementFields }, response: { select: statementFields } },
    }),
    db.statement.findMany({
      where: { article: { storyId, id: { not: articleId }, hiddenAt: null } },
      orderBy: { id: "asc" },
      take: STORY_STATEMENTS,
      select: { ...statementFields, article: { select: { title: true } } },
    }),
    db.correction.findMany({ where: { OR: [{ articleId }, { otherArticleId: articleId }], status: "orphaned" }, orderBy: { id: "desc" }, select: { id: true, summary: true, statusNote: true, createdAt: true } }),
    db.article.findUniqueOrThrow({ where: { id: articleId }, select: { hiddenAt: true, hiddenReason: true, reviewState: true } }),
  ]);
  const speakers = new Map<number, { id: number; name: string; slug: string; role: string | null; country: string | null }>();
  const rows = await db.speaker.findMany({
    where: { statements: { some: { articleId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, slug: true, role: true, country: true },
  });
  for (const row of rows) speakers.set(row.id, row);
  return { statements, pairs, storyStatements, orphaned, speakers: [...speakers.values()], hidden: article.hiddenAt !== null, hiddenReason: article.hiddenReason, reviewState: article.reviewState };
}

export type TArticleReview = Awaited<ReturnType<typeof getArticleReview>>;
