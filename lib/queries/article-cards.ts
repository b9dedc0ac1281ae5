// Article cards: an article with its claim → response pairs (responses may sit in other articles
// of the story) and its key claims, shaped for the timeline, story and speaker views.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DocumentKind, Relation, SpeakerKind, StatementMode } from "@/lib/generated/prisma/client";
import { articleTag, speakerTag } from "@/lib/cache/content-tags";
import { SEEN_IN_CAP } from "@/lib/seen-in";
import { readWithin } from "@/lib/queries/bounded-read";

export type TSpeakerRef = { slug: string; name: string; role: string | null; country: string | null; kind: SpeakerKind };
export type TArticleRef = { slug: string; title: string };
export type TStatementView = {
  id: number;
  text: string;
  mode: StatementMode;
  cue: string | null;
  /** Null for a quote nobody in the text can be named for. */
  speaker: TSpeakerRef | null;
  article: TArticleRef;
  /** How many articles carry this same quote (by quoteKey), counted up to SEEN_IN_CAP + 1 (lib/seen-in.ts). */
  seenIn: number;
};
export type TResponseView = { pairId: number; relation: Relation; statement: TStatementView };
export type TPairGroup = { claim: TStatementView; responses: TResponseView[] };
export type TArticleCard = {
  id: number;
  slug: string;
  title: string;
  kind: DocumentKind;
  author: string | null;
  /** Where the timeline places the card: publishedAt, or ingestedAt for an undated article. */
  sortAt: Date;
  /** Null when the source stated no plausible date. */
  publishedAt: Date | null;
  ingestedAt: Date;
  /** Editors' review of the article: shown on the card as on the permalink. */
  review: { state: "machine" | "reviewed" | "disputed"; at: Date | null };
  outlet: { slug: string; name: string } | null;
  pairs: TPairGroup[];
  keyClaims: TStatementView[];
  statementCount: number;
};

const KEY_CLAIMS = 3;

const speakerSelect = { slug: true, name: true, role: true, country: true, kind: true } as const;
/** The statement fields every view of a quote needs (cards, permalinks, speaker pages). */
export const statementSelect = {
  id: true,
  text: true,
  mode: true,
  cueText: true,
  quoteKey: true,
  confidence: true,
  start: true,
  articleId: true,
  speakerId: true,
  speaker: { select: speakerSelect },
  article: { select: { slug: true, title: true } },
} as const;

type TStatementRow = Prisma.StatementGetPayload<{ select: typeof statementSelect }>;

/** The cache tags of the articles and speakers some statements show (lib/cache/content-tags.ts). */
export function tagsOfStatements(rows: Iterable<{ articleId: number; speakerId: number | null }>): string[] {
  const tags = new Set<string>();
  for (const row of rows) {
    tags.add(articleTag(row.articleId));
    if (row.speakerId !== null) tags.add(speakerTag(row.speakerId));
  }
  return [...tags];
}

// A common quote ("unfair") recurs in tens of thousands of articles: each quote is counted up to
// SEEN_IN_CAP + 1 distinct articles, an index-only scan of Statement(quoteKey, articleId) that
// stops there, so a page's counts cost the same however common its quotes are. The planner,
// expecting ~90 rows a key, would rather fetch every row of the key through a bitmap and sort
// them (9 s for one timeline page at 100k articles, against 0.3 s): bitmap scans are off for
// this one read. Past the time limit the counts are left out (no "seen in" line), never an error.
// Never cached on their own: they are part of each cached view that shows them (lib/cache).
const SEEN_IN_TIME_LIMIT_MS = 2_000;

export async function countArticlesByQuoteKey(quoteKeys: string[]): Promise<Map<string, number>> {
  if (quoteKeys.length === 0) return new Map();
  const keys = Prisma.join([...new Set(quoteKeys)].map((key) => Prisma.sql`(${key})`));
  const read = await readWithin(SEEN_IN_TIME_LIMIT_MS, async (tx) => {
    await tx.$executeRawUnsafe("SET LOCAL enable_bitmapscan = off");
    return tx.$queryRaw<{ quoteKey: string; n: bigint }[]>`
      SELECT k.key AS "quoteKey", (
        SELECT count(*) FROM (
          SELECT DISTINCT s."articleId" FROM "Statement" s WHERE s."quoteKey" = k.key LIMIT ${SEEN_IN_CAP + 1}
        ) seen
      ) AS n
      FROM (VALUES ${keys}) AS k(key)`;
  });
  if (!read.ok) return new Map();
  return new Map(read.value.filter((row) => row.n > 0n).map((row) => [row.quoteKey, Number(row.n)]));
}

type TPairedStatementRow = TStatementRow & {
  claimOf: { id: number; relation: Relation; response: TStatementRow }[];
  responseOf: { id: number; relation: Relation; claim: TStatementRow }[];
};

/**
 * An article's claim → responses groups, keyed by claim id: its own claims with their responses,
 * and claims made elsewhere that its statements answer (a comment rebutting a quoted politician).
 */
export function groupPairs(articleId: number, statements: TPairedStatementRow[], seenIn: Map<string, number>): Map<number, TPairGroup> {
  const groups = new Map<number, TPairGroup>();
  const groupFor = (claim: TStatementRow) => {
    let group = groups.get(claim.id);
    if (!group) {
      group = { claim: toStatementView(claim, seenIn), responses: [] };
      groups.set(claim.id, group);
    }
    return group;
  };
  for (const s of statements) {
    for (const p of s.claimOf) groupFor(s).responses.push({ pairId: p.id, relation: p.relation, statement: toStatementView(p.response, seenIn) });
  }
  for (const s of statements) {
    for (const p of s.responseOf) {
      if (p.claim.articleId === articleId) continue;
      groupFor(p.claim).responses.push({ pairId: p.id, relation: p.relation, statement: toStatementView(s, seenIn) });
    }
  }
  return groups;
}

export function toStatementView(row: TStatementRow, seenIn: Map<string, number>): TStatementView {
  return {
    id: row.id,
    text: row.text,
    mode: row.mode,
    cue: row.cueText,
    speaker: row.speaker,
    article: row.article,
    seenIn: seenIn.get(row.quoteKey) ?? 1,
  };
}

/** Cards for the given articles, in the order of `articleIds`. */
export async function loadArticleCards(articleIds: number[]): Promise<TArticleCard[]> {
  return (await loadArticleCardsWithTags(articleIds)).cards;
}

/** The cards, and the cache tags of every article and speaker they show. */
export async function loadArticleCardsWithTags(articleIds: number[]): Promise<{ cards: TArticleCard[]; tags: string[] }> {
  if (articleIds.length === 0) return { cards: [], tags: [] };
  const db = getDb();
  const articles = await db.article.findMany({
    where: { id: { in: articleIds } },
    select: {
      id: true,
      slug: true,
      title: true,
      kind: true,
      author: true,
      sortAt: true,
      publishedAt: true,
      ingestedAt: true,
      reviewState: true,
      reviewedAt: true,
      outlet: { select: { slug: true, name: true } },
      statements: {
        orderBy: { start: "asc" },
        select: {
          ...statementSelect,
          claimOf: { select: { id: true, relation: true, response: { select: statementSelect } } },
          responseOf: { select: { id: true, relation: true, claim: { select: statementSelect } } },
        },
      },
    },
  });
  const quoteKeys = new Set<string>();
  for (const article of articles) {
    for (const s of article.statements) {
      quoteKeys.add(s.quoteKey);
      for (const p of s.claimOf) quoteKeys.add(p.response.quoteKey);
      for (const p of s.responseOf) quoteKeys.add(p.claim.quoteKey);
    }
  }
  const seenIn = await countArticlesByQuoteKey([...quoteKeys]);
  const byId = new Map(articles.map((article) => [article.id, article]));
  const tags = tagsOfStatements(
    articles.flatMap((article) => article.statements.flatMap((s) => [s, ...s.claimOf.map((p) => p.response), ...s.responseOf.map((p) => p.claim)])),
  );
  const cards = articleIds.flatMap((id) => {
    const article = byId.get(id);
    if (!article) return [];
    const groups = groupPairs(article.id, article.statements, seenIn);
    const paired = new Set<number>();
    for (const group of groups.values()) {
      paired.add(group.claim.id);
      for (const r of group.responses) paired.add(r.statement.id);
    }
    const keyClaims = groups.size
      ? []
      : [...article.statements]
          .sort((x, y) => y.confidence - x.confidence || x.start - y.start)
          .slice(0, KEY_CLAIMS)
          .sort((x, y) => x.start - y.start)
          .map((s) => toStatementView(s, seenIn));
    return [
      {
        id: article.id,
        slug: article.slug,
        title: article.title,
        kind: article.kind,
        author: article.author,
        sortAt: article.sortAt,
        publishedAt: article.publishedAt,
        ingestedAt: article.ingestedAt,
        review: { state: article.reviewState, at: article.reviewedAt },
        outlet: article.outlet,
        pairs: [...groups.values()],
        keyClaims,
        statementCount: article.statements.length,
      },
    ];
  });
  return { cards, tags: [...articleIds.map(articleTag), ...tags] };
}
