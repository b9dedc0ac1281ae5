// Re-applies an article's corrections to its stored rows, inside the caller's transaction: after
// every ingest that (re)writes the article, every re-extraction, and every new correction. The
// rows are read, `applyCorrections` says what is shown, and only the difference is written.
import type { Prisma } from "@/lib/generated/prisma/client";
import { reapplyArticleFields } from "@/lib/review/article-fields";
import { quoteKey } from "@/lib/ingest/quote-key";
import { applyCorrections, type TArticleRows, type TShownPair, type TShownStatement } from "@/lib/review/apply-corrections";
import { ZTextCorrection, TEXT_CORRECTION_KINDS, type TTextCorrection } from "@/lib/review/correction-types";
import type { CorrectionKind } from "@/lib/generated/prisma/enums";

type Tx = Prisma.TransactionClient;

export type TReapplySummary = { applied: number; orphaned: number };

const statementSelect = { id: true, articleId: true, start: true, end: true, text: true, speakerId: true, mode: true, correctedAt: true } as const;

/** Statements whose speaker was merged away (found again by a later extraction) go to the kept speaker. */
async function foldMergedSpeakers(tx: Tx, articleId: number): Promise<Map<number, number>> {
  await foldMergedSpeakersOf(tx, [articleId]);
  const merges = await tx.speakerRedirect.findMany({ select: { fromSpeakerId: true, speakerId: true } });
  return new Map(merges.map((row) => [row.fromSpeakerId, row.speakerId]));
}

/** The articles' statements move from speakers merged away to the kept ones (one round trip when none were merged). */
export async function foldMergedSpeakersOf(tx: Tx, articleIds: number[]): Promise<void> {
  const folded = await tx.$queryRaw<{ id: number }[]>`
    WITH moved AS (
      UPDATE "Statement" s SET "speakerId" = r."speakerId"
      FROM "Speaker" sp, "SpeakerRedirect" r
      WHERE s."articleId" = ANY(${articleIds}::int[]) AND sp.id = s."speakerId" AND r."nameKey" = sp."nameKey" AND r.kind = sp.kind AND r."speakerId" <> sp.id
      RETURNING sp.id)
    SELECT DISTINCT id FROM moved`;
  if (folded.length > 0) {
    await tx.$executeRaw`DELETE FROM "Speaker" sp WHERE sp.id = ANY(${folded.map((row) => row.id)}::int[])
      AND NOT EXISTS (SELECT 1 FROM "Statement" st WHERE st."speakerId" = sp.id)`;
  }
}

async function readCorrections(tx: Tx, articleId: number): Promise<{ usable: TTextCorrection[]; unreadable: number[] }> {
  const rows = await tx.correction.findMany({
    where: {
      OR: [{ articleId }, { otherArticleId: articleId }],
      status: { not: "undone" },
      kind: { in: [...TEXT_CORRECTION_KINDS] as CorrectionKind[] },
    },
    select: { id: true, createdAt: true, kind: true, target: true, after: true },
  });
  const usable: TTextCorrection[] = [];
  const unreadable: number[] = [];
  for (const row of rows) {
    const parsed = ZTextCorrection.safeParse({ kind: row.kind, target: row.target, after: row.after });
    if (parsed.success) usable.push({ ...parsed.data, id: row.id, at: row.createdAt });
    else unreadable.push(row.id);
  }
  return { usable, unreadable };
}

/** After an ingest or re-extraction rewrote the article: every correction in force, again. */
export async function reapplyAfterRewrite(tx: Tx, articleId: number): Promise<TReapplySummary> {
  await reapplyArticleFields(tx, articleId);
  return reapplyCorrections(tx, articleId);
}

export async function reapplyCorrections(tx: Tx, articleId: number): Promise<TReapplySummary> {
  const speakerMerges = await foldMergedSpeakers(tx, articleId);
  const { usable, unreadable } = await readCorrections(tx, articleId);
  if (unreadable.length > 0) {
    await tx.correction.updateMany({ where: { id: { in: unreadable } }, data: { status: "orphaned", statusNote: "its stored form is not readable" } });
  }
  if (usable.length === 0) return { applied: 0, orphaned: unreadable.length };

  const article = await tx.article.findUniqueOrThrow({ where: { id: articleId }, select: { text: true } });
  const ownRows: TShownStatement[] = await tx.statement.findMany({ where: { articleId }, select: statementSelect });
  const pairRows = await tx.pair.findMany({
    where: { OR: [{ claim: { articleId } }, { response: { articleId } }] },
    select: { id: true, claimId: true, responseId: true, relation: true, confidence: true, correctedAt: true },
  });
  const otherIds = new Set<number>();
  for (const correction of usable) {
    if ("claim" in correction.target) for (const end of [correction.target.claim, correction.target.response]) if (end.articleId !== articleId) otherIds.add(end.articleId);
  }
  const byId = new Map(ownRows.map((row) => [row.id!, row]));
  const pairEndIds = pairRows.flatMap((pair) => [pair.claimId, pair.responseId]).filter((id) => !byId.has(id));
  const otherStatements: TShownStatement[] = await tx.statement.findMany({
    where: { OR: [{ articleId: { in: [...otherIds] } }, { id: { in: pairEndIds } }] },
    select: statementSelect,
  });
  for (const row of otherStatements) byId.set(row.id!, row);
  const otherTexts = await tx.article.findMany({ where: { id: { in: [...otherIds] } }, select: { id: true, text: true } });
  const others: TArticleRows[] = otherTexts.map((other) => ({
    articleId: other.id,
    text: other.text,
    statements: otherStatements.filter((row) => row.articleId === other.id),
  }));
  const pairs: TShownPair[] = pairRows.flatMap((pair) => {
    const claim = byId.get(pair.claimId);
    const response = byId.get(pair.responseId);
    return claim && response ? [{ claim, response, relation: pair.relation, confidence: pair.confidence, correctedAt: pair.correctedAt }] : [];
  });

  const result = applyCorrections({ article: { articleId, text: article.text, statements: ownRows }, others, pairs, corrections: usable, speakerMerges });
  await writeStatements(tx, articleId, ownRows, result.statements);
  await writePairs(tx, pairRows, result.pairs);
  for (const outcome of result.outcomes) {
    await tx.correction.update({ where: { id: outcome.id }, data: { status: outcome.status, statusNote: outcome.note } });
  }
  const orphaned = result.outcomes.filter((outcome) => outcome.status === "orphaned").length + unreadable.length;
  return { applied: result.outcomes.length - orphaned + unreadable.length, orphaned };
}

function sameStatement(a: TShownStatement, b: TShownStatement): boolean {
  return a.start === b.start && a.end === b.end && a.speakerId === b.speakerId && a.mode === b.mode && a.correctedAt?.getTime() === b.correctedAt?.getTime();
}

async function writeStatements(tx: Tx, articleId: number, before: TShownStatement[], after: TShownStatement[]): Promise<void> {
  const kept = new Set(after.flatMap((statement) => (statement.id === null ? [] : [statement.id])));
  const gone = before.flatMap((statement) => (statement.id !== null && !kept.has(statement.id) ? [statement.id] : []));
  if (gone.length > 0) await tx.statement.deleteMany({ where: { id: { in: gone } } });
  const previous = new Map(before.map((statement) => [statement.id, statement]));
  const changed = after.filter((statement) => statement.id !== null && !sameStatement(previous.get(statement.id)!, statement));
  for (const statement of changed) {
    await tx.statement.update({
      where: { id: statement.id! },
      data: { start: statement.start, end: statement.end, text: statement.text, speakerId: statement.speakerId, mode: statement.mode, correctedAt: statement.correctedAt, quoteKey: quoteKey(statement.text) },
    });
  }
  for (const statement of after.filter((row) => row.id === null)) {
    const created = await tx.statement.create({
      data: {
        articleId, start: statement.start, end: statement.end, text: statement.text, speakerId: statement.speakerId, mode: statement.mode,
        correctedAt: statement.correctedAt, confidence: 1, quoteKey: quoteKey(statement.text),
      },
      select: { id: true },
    });
    statement.id = created.id;
  }
}

type TPairRow = { id: number; claimId: number; responseId: number; relation: TShownPair["relation"]; correctedAt: Date | null };

async function writePairs(tx: Tx, before: TPairRow[], after: TShownPair[]): Promise<void> {
  const wanted = new Map(after.map((pair) => [`${pair.claim.id}:${pair.response.id}`, pair]));
  const existing = new Map(before.map((row) => [`${row.claimId}:${row.responseId}`, row]));
  const gone = before.filter((row) => !wanted.has(`${row.claimId}:${row.responseId}`)).map((row) => row.id);
  if (gone.length > 0) await tx.pair.deleteMany({ where: { id: { in: gone } } });
  for (const [key, pair] of wanted) {
    if (pair.claim.id === null || pair.response.id === null || pair.claim.id === pair.response.id) continue;
    const row = existing.get(key);
    if (!row) {
      await tx.pair.createMany({
        data: [{ claimId: pair.claim.id, responseId: pair.response.id, relation: pair.relation, confidence: pair.confidence, correctedAt: pair.correctedAt }],
        skipDuplicates: true,
      });
    } else if (row.relation !== pair.relation || row.correctedAt?.getTime() !== pair.correctedAt?.getTime()) {
      await tx.pair.update({ where: { id: row.id }, data: { relation: pair.relation, correctedAt: pair.correctedAt } });
    }
  }
}
