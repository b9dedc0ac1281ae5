// Corrections teach: the client's two examples are ingested, an editor corrects them where the
// extractor errs (guided by the client's expected annotation, as a careful reader would be),
// marks them reviewed, and `export:gold` writes gold holding every non-optional speaker, statement
// and pair of tests/fixtures/extract/client-examples/, and nothing marked "not a statement".
// Set GOLD_EXPORT_DIR to keep the export (e.g. to score it with the shared scorer).
import { mkdtemp, readFile, readdir, rm, writeFile, mkdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestPaste } from "@/lib/ingest/pipeline";
import { exportReviewedGold, type TGoldExport } from "@/lib/review/export-gold";
import { recordCorrection } from "@/lib/review/record-correction";
import type { TCorrectionRequest } from "@/lib/review/correction-types";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

type TExpectedStatement = { key: string; speaker: string; mode: "direct" | "indirect" | "mixed"; excerpt: string; optional?: boolean };
type TExpectedPair = { claim: string; response: string; relation: "rebuts" | "supports" | "responds"; optional?: boolean; alternatives?: string[]; alternatives_claim?: string[] };
type TExpected = {
  input: string;
  documents: { speakers: { name: string; role: string | null; country: string | null; kind: "person" | "organization" | "outlet" | "commenter" }[]; statements: TExpectedStatement[]; pairs: TExpectedPair[] }[];
  not_statements?: string[];
};

const EXPECTED_DIR = path.join(process.cwd(), "tests", "fixtures", "extract", "client-examples");
const SEED_DIR = path.join(process.cwd(), "prisma", "seed-articles");
const EDITOR = "Gold Editor";

type TRow = { id: number; articleId: number; start: number; end: number; text: string; mode: string; speaker: { id: number; name: string } | null };

/** The stored statement covering at least 60% of an excerpt (the scorer's rule), in any article. */
function covering(rows: TRow[], texts: Map<number, string>, excerpt: string): TRow | null {
  let best: { row: TRow; cover: number } | null = null;
  for (const row of rows) {
    const at = texts.get(row.articleId)?.indexOf(excerpt) ?? -1;
    if (at === -1) continue;
    const cover = (Math.min(row.end, at + excerpt.length) - Math.max(row.start, at)) / excerpt.length;
    if (cover >= 0.6 && (!best || cover > best.cover)) best = { row, cover };
  }
  return best?.row ?? null;
}

describe.each(testTargets)("gold export of reviewed articles on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let expected: TExpected[];
  let files: TGoldExport[];
  const rejectedTexts: string[] = [];
  /** Expected file's input name → the articles its paste became (one text can hold another's quotes). */
  const articlesOf = new Map<string, Set<number>>();
  const scope = (input: string) => (row: TRow) => articlesOf.get(input)!.has(row.articleId);

  const rows = () =>
    db.statement.findMany({ select: { id: true, articleId: true, start: true, end: true, text: true, mode: true, speaker: { select: { id: true, name: true } } } });
  const correct = (request: TCorrectionRequest) => recordCorrection(db, request, EDITOR);

  async function speakerChoice(name: string, kind: TExpected["documents"][number]["speakers"][number]["kind"]) {
    const known = await db.speaker.findFirst({ where: { name }, select: { id: true } });
    return known ? { speakerId: known.id } : { newSpeaker: { name, kind } };
  }

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    for (const file of (await readdir(SEED_DIR)).sort()) {
      const run = await ingestPaste(db, await readFile(path.join(SEED_DIR, file), "utf8"));
      articlesOf.set(`articles/${file}`, new Set(run.items.flatMap((item) => (item.articleId === null ? [] : [item.articleId]))));
    }
    expected = await Promise.all((await readdir(EXPECTED_DIR)).sort().map(async (file) => JSON.parse(await readFile(path.join(EXPECTED_DIR, file), "utf8")) as TExpected));
    const texts = new Map((await db.article.findMany({ select: { id: true, text: true } })).map((row) => [row.id, row.text]));

    // 1. Statements: chrome and statements nobody expects go; missed ones are added; wrong speakers and modes fixed.
    const allExpected = expected.flatMap((file) => file.documents.flatMap((doc) => doc.statements.map((statement) => ({ statement, doc, input: file.input }))));
    for (const row of await rows()) {
      const wanted = allExpected.some(({ statement, input }) => scope(input)(row) && covering([row], texts, statement.excerpt));
      if (!wanted) {
        rejectedTexts.push(row.text);
        await correct({ kind: "statement_reject", statementId: row.id });
      }
    }
    for (const { statement, doc, input } of allExpected.filter(({ statement }) => !statement.optional)) {
      const speaker = doc.speakers.find((candidate) => candidate.name === statement.speaker)!;
      const found = covering((await rows()).filter(scope(input)), texts, statement.excerpt);
      if (!found) {
        const articleId = [...texts].find(([id, text]) => articlesOf.get(input)!.has(id) && text.includes(statement.excerpt))![0];
        const start = texts.get(articleId)!.indexOf(statement.excerpt);
        await correct({ kind: "statement_add", articleId, span: { start, end: start + statement.excerpt.length }, mode: statement.mode, speaker: await speakerChoice(speaker.name, speaker.kind) });
        continue;
      }
      if (found.speaker?.name !== statement.speaker) await correct({ kind: "statement_speaker", statementId: found.id, speaker: await speakerChoice(speaker.name, speaker.kind) });
      if (found.mode !== statement.mode) await correct({ kind: "statement_mode", statementId: found.id, mode: statement.mode });
    }

    // 2. Pairs: missing ones added, wrong relations fixed.
    for (const file of expected) {
      const byKey = new Map(file.documents.flatMap((doc) => doc.statements.map((statement) => [statement.key, statement])));
      for (const pair of file.documents.flatMap((doc) => doc.pairs).filter((candidate) => !candidate.optional)) {
        const current = (await rows()).filter(scope(file.input));
        const claim = covering(current, texts, byKey.get(pair.claim)!.excerpt)!;
        const response = covering(current, texts, byKey.get(pair.response)!.excerpt)!;
        const stored = await db.pair.findFirst({ where: { claimId: claim.id, responseId: response.id } });
        if (!stored) await correct({ kind: "pair_add", claimId: claim.id, responseId: response.id, relation: pair.relation });
        else if (stored.relation !== pair.relation && !pair.alternatives?.includes(stored.relation)) await correct({ kind: "pair_relation", pairId: stored.id, relation: pair.relation });
      }
    }

    // 2b. Pairs nobody expects (optional ones and alternative claims count as expected) go.
    for (const file of expected) {
      const byKey = new Map(file.documents.flatMap((doc) => doc.statements.map((statement) => [statement.key, statement])));
      const current = (await rows()).filter(scope(file.input));
      const idOf = (key: string) => covering(current, texts, byKey.get(key)!.excerpt)?.id;
      const wanted = new Set(
        file.documents.flatMap((doc) => doc.pairs).flatMap((pair) => [pair.claim, ...(pair.alternatives_claim ?? [])].map((claim) => `${idOf(claim)}:${idOf(pair.response)}`)),
      );
      const ids = current.map((row) => row.id);
      for (const pair of await db.pair.findMany({ where: { responseId: { in: ids } } })) {
        if (!wanted.has(`${pair.claimId}:${pair.responseId}`)) await correct({ kind: "pair_remove", pairId: pair.id });
      }
    }

    // 3. Reviewed.
    for (const article of await db.article.findMany({ select: { id: true } })) await correct({ kind: "article_review", articleId: article.id, state: "reviewed" });
    const exported = await exportReviewedGold(db);
    files = exported.files;
    const keep = process.env.GOLD_EXPORT_DIR;
    const dir = keep ?? (await mkdtemp(path.join(os.tmpdir(), "counterpoint-gold-")));
    await mkdir(path.join(dir, "articles"), { recursive: true });
    for (const file of files) {
      await writeFile(path.join(dir, `${file.name}.json`), JSON.stringify(file.gold, null, 2));
      await writeFile(path.join(dir, file.gold.input), file.text);
    }
    if (!keep) await rm(dir, { recursive: true, force: true });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  /** The exported statement standing for an expected one: same file text, its excerpt inside the stored statement covering the expected excerpt. */
  async function exportedFor(statement: TExpectedStatement, input: string) {
    const texts = new Map((await db.article.findMany({ select: { id: true, text: true } })).map((row) => [row.id, row.text]));
    const stored = covering((await rows()).filter(scope(input)), texts, statement.excerpt);
    if (!stored) return null;
    const ownText = texts.get(stored.articleId)!;
    for (const file of files.filter((candidate) => candidate.text.includes(ownText))) {
      for (const doc of file.gold.documents) {
        const match = doc.statements.find((candidate) => stored.text.includes(candidate.excerpt));
        if (match) return { file, doc, statement: match };
      }
    }
    return null;
  }

  it("writes one gold file per input text, every excerpt found exactly once in its text", () => {
    expect(files).toHaveLength(2);
    for (const file of files) {
      for (const statement of file.gold.documents.flatMap((doc) => doc.statements)) {
        expect(file.text.split(statement.excerpt).length - 1, statement.excerpt).toBe(1);
      }
    }
  });

  it("holds every non-optional speaker and statement of the client's examples, with the right speaker and mode", async () => {
    for (const file of expected) {
      for (const statement of file.documents.flatMap((doc) => doc.statements).filter((candidate) => !candidate.optional)) {
        const found = await exportedFor(statement, file.input);
        expect(found, statement.excerpt).not.toBeNull();
        expect(found!.statement).toMatchObject({ speaker: statement.speaker, mode: statement.mode });
        expect(found!.doc.speakers.map((speaker) => speaker.name)).toContain(statement.speaker);
      }
    }
  });

  it("holds every non-optional pair, with its relation (or an accepted alternative)", async () => {
    for (const file of expected) {
      const byKey = new Map(file.documents.flatMap((doc) => doc.statements.map((statement) => [statement.key, statement])));
      for (const pair of file.documents.flatMap((doc) => doc.pairs).filter((candidate) => !candidate.optional)) {
        const claim = await exportedFor(byKey.get(pair.claim)!, file.input);
        const response = await exportedFor(byKey.get(pair.response)!, file.input);
        const exportedPairs = response!.file.gold.documents.flatMap((doc) => doc.pairs);
        const link = exportedPairs.find((candidate) => candidate.claim === claim!.statement.key && candidate.response === response!.statement.key);
        expect(link, `${pair.claim} → ${pair.response}`).toBeDefined();
        expect([pair.relation, ...(pair.alternatives ?? [])]).toContain(link!.relation);
      }
    }
  });

  it("holds no pair the client does not expect (the editor removed the false ones)", () => {
    const expectedPairs = expected.reduce((sum, file) => sum + file.documents.reduce((n, doc) => n + doc.pairs.length, 0), 0);
    const exportedPairs = files.reduce((sum, file) => sum + file.gold.documents.reduce((n, doc) => n + doc.pairs.length, 0), 0);
    expect(exportedPairs).toBeLessThanOrEqual(expectedPairs);
  });

  it("holds nothing marked not a statement, and lists those words as not_statements", () => {
    const exported = files.flatMap((file) => file.gold.documents.flatMap((doc) => doc.statements.map((statement) => statement.excerpt)));
    const marked = files.flatMap((file) => file.gold.not_statements);
    for (const text of rejectedTexts) {
      expect(exported.some((excerpt) => text.includes(excerpt))).toBe(false);
      expect(marked).toContain(text);
    }
    for (const chrome of expected.flatMap((file) => file.not_statements ?? [])) {
      expect(exported.some((excerpt) => chrome.includes(excerpt) || excerpt.includes(chrome))).toBe(false);
    }
  });
});
