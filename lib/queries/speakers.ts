// A speaker's page: what they claimed and the responses, what they answered, who rebuts them most.
// Every read is bounded whatever the speaker's share of the archive: the newest claims come from a
// plan that stops at the page's limit, answers and rebuttals are looked for in the latest articles
// quoting the speaker (a window, read from the ArticleSpeaker facet rows), the statement count
// stops at a cap, and each read runs under a time limit past which its section is left empty and
// the page says so.
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { speakerTag } from "@/lib/cache/content-tags";
import { PAGE_COUNT_CAP } from "@/lib/count-cap";
import { countArticlesByQuoteKey, tagsOfStatements, toStatementView, type TPairGroup, statementSelect } from "@/lib/queries/article-cards";
import { readWithin, type TReadClient } from "@/lib/queries/bounded-read";

const SPEAKER_STATEMENT_LIMIT = 100;

export type TRebutter = { slug: string; name: string; count: number };
export type TSpeakerSection = "claims" | "answers" | "rebutters";
export type TSpeakerBounds = {
  /** Answers and rebuttals are looked for in this many of the latest articles quoting the speaker. */
  windowArticles: number;
  /** The statement count stops one past this. */
  countCap: number;
  timeLimitMs: number;
};
/**
 * A window of 1,000 articles is ~1,600 of a much-quoted speaker's statements, each an index probe
 * into Pair: tens of milliseconds, where all of them were 0.5–0.9 s per read at 20k articles for
 * the most quoted speaker (and grew with the archive).
 */
export const DEFAULT_SPEAKER_BOUNDS: TSpeakerBounds = { windowArticles: 1_000, countCap: PAGE_COUNT_CAP, timeLimitMs: 2_000 };

const claimSelect = { ...statementSelect, claimOf: { select: { id: true, relation: true, response: { select: statementSelect } } } } as const;
const answerSelect = { id: true, relation: true, claim: { select: statementSelect }, response: { select: statementSelect } } as const;

/** The speaker's statements in the latest stored articles quoting them: where answers and rebuttals are looked for. */
const latestStatements = (speakerId: number, bounds: TSpeakerBounds) => Prisma.sql`(
  SELECT s.id, s."articleId" FROM (
    SELECT f."articleId" FROM "ArticleSpeaker" f WHERE f."speakerId" = ${speakerId}
    ORDER BY f."articleId" DESC LIMIT ${bounds.windowArticles}
  ) w JOIN "Statement" s ON s."speakerId" = ${speakerId} AND s."articleId" = w."articleId")`;

/**
 * The window's statements are few, but the planner would rather read the whole Pair table once
 * (a hash join) than probe its index for each: a cost that grows with the archive. Inside one
 * bounded read only.
 */
async function probeByIndex(tx: TReadClient): Promise<void> {
  await tx.$executeRawUnsafe("SET LOCAL enable_hashjoin = off");
  await tx.$executeRawUnsafe("SET LOCAL enable_mergejoin = off");
}

// The newest claims by publication. Sorting all of a much-quoted speaker's statements by their
// article's date was 0.7–0.9 s at 20k articles; written this way the planner walks articles newest
// first and stops at the limit for such a speaker, and sorts the few statements of a rare one.
async function readClaims(tx: TReadClient, speakerId: number) {
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT s.id FROM "Statement" s JOIN "Article" a ON a.id = s."articleId"
    WHERE s."speakerId" = ${speakerId} AND a."hiddenAt" IS NULL
    ORDER BY a."sortAt" DESC, s.start, s.id LIMIT ${SPEAKER_STATEMENT_LIMIT}`;
  const claims = await tx.statement.findMany({ where: { id: { in: rows.map((row) => row.id) } }, select: claimSelect });
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return rows.flatMap((row) => byId.get(row.id) ?? []);
}

async function readAnswers(tx: TReadClient, speakerId: number, bounds: TSpeakerBounds) {
  await probeByIndex(tx);
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT p.id FROM ${latestStatements(speakerId, bounds)} r
    JOIN "Pair" p ON p."responseId" = r.id JOIN "Article" a ON a.id = r."articleId"
    WHERE a."hiddenAt" IS NULL ORDER BY p.id DESC LIMIT ${SPEAKER_STATEMENT_LIMIT}`;
  return tx.pair.findMany({ where: { id: { in: rows.map((row) => row.id) } }, orderBy: { id: "desc" }, select: answerSelect });
}

async function readRebutters(tx: TReadClient, speakerId: number, bounds: TSpeakerBounds): Promise<TRebutter[]> {
  await probeByIndex(tx);
  const rows = await tx.$queryRaw<{ slug: string; name: string; n: bigint }[]>`
    SELECT rs.slug, rs.name, COUNT(*) AS n FROM ${latestStatements(speakerId, bounds)} c
    JOIN "Pair" p ON p."claimId" = c.id
    JOIN "Statement" r ON r.id = p."responseId"
    JOIN "Speaker" rs ON rs.id = r."speakerId"
    WHERE p.relation = 'rebuts'
    GROUP BY rs.slug, rs.name ORDER BY n DESC, rs.name LIMIT 10`;
  return rows.map((row) => ({ slug: row.slug, name: row.name, count: Number(row.n) }));
}

/** The statements, up to the cap + 1; the articles quoting the speaker, up to one past the window. */
async function countStatements(tx: TReadClient, speakerId: number, bounds: TSpeakerBounds): Promise<{ statements: number; articles: number }> {
  const [row] = await tx.$queryRaw<{ statements: bigint; articles: bigint }[]>`SELECT
    (SELECT count(*) FROM (SELECT 1 FROM "Statement" WHERE "speakerId" = ${speakerId} LIMIT ${bounds.countCap + 1}) s) AS statements,
    (SELECT count(*) FROM (SELECT 1 FROM "ArticleSpeaker" WHERE "speakerId" = ${speakerId} LIMIT ${bounds.windowArticles + 1}) a) AS articles`;
  return { statements: Number(row?.statements ?? 0), articles: Number(row?.articles ?? 0) };
}

async function loadSpeakerBySlug(slug: string, bounds: TSpeakerBounds = DEFAULT_SPEAKER_BOUNDS) {
  const speaker = await getDb().speaker.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, role: true, country: true, kind: true, aliases: true },
  });
  if (!speaker) return null;
  const within = <T>(read: (tx: TReadClient) => Promise<T>) => readWithin(bounds.timeLimitMs, read);
  const [claimsRead, answersRead, rebuttersRead, countRead] = await Promise.all([
    within((tx) => readClaims(tx, speaker.id)),
    within((tx) => readAnswers(tx, speaker.id, bounds)),
    within((tx) => readRebutters(tx, speaker.id, bounds)),
    within((tx) => countStatements(tx, speaker.id, bounds)),
  ]);
  const claims = claimsRead.ok ? claimsRead.value : [];
  const answers = answersRead.ok ? answersRead.value : [];
  const cut: TSpeakerSection[] = [];
  if (!claimsRead.ok) cut.push("claims");
  if (!answersRead.ok) cut.push("answers");
  if (!rebuttersRead.ok) cut.push("rebutters");
  const statementCount = countRead.ok ? countRead.value.statements : null;

  const keys = new Set<string>();
  for (const c of claims) {
    keys.add(c.quoteKey);
    for (const p of c.claimOf) keys.add(p.response.quoteKey);
  }
  for (const a of answers) {
    keys.add(a.claim.quoteKey);
    keys.add(a.response.quoteKey);
  }
  const seenIn = await countArticlesByQuoteKey([...keys]);
  // The same quote reported by several outlets appears once, with its "seen in" count.
  const seenQuotes = new Set<string>();
  const claimGroups: TPairGroup[] = [];
  for (const c of claims) {
    if (seenQuotes.has(c.quoteKey) && c.claimOf.length === 0) continue;
    seenQuotes.add(c.quoteKey);
    claimGroups.push({
      claim: toStatementView(c, seenIn),
      responses: c.claimOf.map((p) => ({ pairId: p.id, relation: p.relation, statement: toStatementView(p.response, seenIn) })),
    });
  }
  const answerGroups: TPairGroup[] = answers.map((a) => ({
    claim: toStatementView(a.claim, seenIn),
    responses: [{ pairId: a.id, relation: a.relation, statement: toStatementView(a.response, seenIn) }],
  }));
  return {
    ...speaker,
    /** Counted up to `countCap` + 1 (lib/count-cap.ts prints "10,000+"); null when not counted in time. */
    statementCount,
    claims: claimGroups,
    answers: answerGroups,
    rebutters: rebuttersRead.ok ? rebuttersRead.value : [],
    /** The sections a time limit cut short: each is empty, and the page says so. */
    cut,
    /** Answers and rebutters cover this many of the latest articles quoting the speaker; null when they cover all (or the count is unknown). */
    windowArticles: countRead.ok && countRead.value.articles > bounds.windowArticles ? bounds.windowArticles : null,
    /**
     * What this view shows, as cache tags (lib/cache/content-tags.ts): the rebutters and totals
     * move only with this speaker's statements and pairs; the quotes with their articles and speakers.
     */
    cacheTags: [
      speakerTag(speaker.id),
      ...tagsOfStatements([...claims.flatMap((c) => [c, ...c.claimOf.map((p) => p.response)]), ...answers.flatMap((a) => [a.claim, a.response])]),
    ],
  };
}

export const getSpeakerBySlug = cache(loadSpeakerBySlug);

/** Where a merged-away speaker's slug leads now (its URLs keep working). */
export async function findSpeakerRedirect(slug: string): Promise<string | null> {
  const row = await getDb().speakerRedirect.findUnique({ where: { slug }, select: { speaker: { select: { slug: true } } } });
  return row?.speaker.slug ?? null;
}
