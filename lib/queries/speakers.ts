// A speaker's page: what they claimed and the responses, what they answered, who rebuts them most.
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { speakerTag } from "@/lib/cache/content-tags";
import { countArticlesByQuoteKey, tagsOfStatements, toStatementView, type TPairGroup, statementSelect } from "@/lib/queries/article-cards";

const SPEAKER_STATEMENT_LIMIT = 100;

export type TRebutter = { slug: string; name: string; count: number };

async function loadSpeakerBySlug(slug: string) {
  const db = getDb();
  const speaker = await db.speaker.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, role: true, country: true, kind: true, aliases: true },
  });
  if (!speaker) return null;
  const [claims, answers, rebutters, totals] = await Promise.all([
    db.statement.findMany({
      where: { speakerId: speaker.id, article: { hiddenAt: null } },
      orderBy: [{ article: { sortAt: "desc" } }, { start: "asc" }],
      take: SPEAKER_STATEMENT_LIMIT,
      select: { ...statementSelect, claimOf: { select: { id: true, relation: true, response: { select: statementSelect } } } },
    }),
    db.pair.findMany({
      where: { response: { speakerId: speaker.id, article: { hiddenAt: null } } },
      orderBy: { id: "desc" },
      take: SPEAKER_STATEMENT_LIMIT,
      select: { id: true, relation: true, claim: { select: statementSelect }, response: { select: statementSelect } },
    }),
    db.$queryRaw<{ slug: string; name: string; n: bigint }[]>`
      SELECT rs.slug, rs.name, COUNT(*) AS n FROM "Pair" p
      JOIN "Statement" c ON c.id = p."claimId"
      JOIN "Statement" r ON r.id = p."responseId"
      JOIN "Speaker" rs ON rs.id = r."speakerId"
      WHERE c."speakerId" = ${speaker.id} AND p.relation = 'rebuts'
      GROUP BY rs.slug, rs.name ORDER BY n DESC, rs.name LIMIT 10`,
    db.statement.aggregate({ where: { speakerId: speaker.id }, _count: { _all: true } }),
  ]);
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
    statementCount: totals._count._all,
    claims: claimGroups,
    answers: answerGroups,
    rebutters: rebutters.map((row): TRebutter => ({ slug: row.slug, name: row.name, count: Number(row.n) })),
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
