// Editorial corrections last (PGlite, and PostgreSQL when TEST_DATABASE_URL is set): an article is
// corrected, re-extracted and re-ingested from its URL with shifted text, and every correction is
// still applied; the one whose words left the text is reported as orphaned. Undo rebuilds the
// article without the undone correction.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { storeArticleText } from "@/lib/ingest/pipeline";
import { reextractArticles } from "@/lib/ingest/reextract";
import { recordCorrection } from "@/lib/review/record-correction";
import { undoCorrection } from "@/lib/review/undo-correction";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const URL = "https://news.example/japan-treaty";
const VANISHING = " before questioning, “I actually asked who makes these deals?”";

/** What a reader of the permalink sees: statements (words, speaker, mode) and pairs by their words. */
async function shown(db: PrismaClient, articleId: number) {
  const statements = await db.statement.findMany({
    where: { articleId },
    orderBy: { start: "asc" },
    select: { id: true, text: true, mode: true, correctedAt: true, speaker: { select: { name: true, slug: true } } },
  });
  const pairs = await db.pair.findMany({
    where: { response: { articleId } },
    select: { relation: true, claim: { select: { text: true } }, response: { select: { text: true } } },
  });
  return { statements, pairs: pairs.map((pair) => `${pair.claim.text.slice(0, 20)} → ${pair.response.text.slice(0, 20)}: ${pair.relation}`) };
}

describe.each(testTargets)("corrections that last, on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let text: string;
  let articleId: number;
  const ids: Record<string, number> = {};
  const find = async (words: string) => {
    const row = (await shown(db, articleId)).statements.find((statement) => statement.text.includes(words));
    if (!row) throw new Error(`no statement with ${words}`);
    return row;
  };

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    text = await readFile(path.join(process.cwd(), "prisma", "seed-articles", "japan-treaty-unfair.txt"), "utf8");
    articleId = (await storeArticleText(db, text, { url: URL })).articleId;

    const author = "Test Editor";
    const correct = async (name: string, request: Parameters<typeof recordCorrection>[1]) => {
      ids[name] = (await recordCorrection(db, request, author)).id;
    };
    await correct("speaker", {
      kind: "statement_speaker",
      statementId: (await find("training bases")).id,
      speaker: { newSpeaker: { name: "Japanese Defense Ministry", kind: "organization" } },
    });
    await correct("reject", { kind: "statement_reject", statementId: (await find("calling it")).id });
    await correct("pairAdd", { kind: "pair_add", claimId: (await find("make a fortune")).id, responseId: (await find("fulfill its security")).id, relation: "rebuts" });
    // A pair the engine makes and an editor judges wrong (it must exist for the removal to mean anything).
    const removed = await db.pair.findFirstOrThrow({ where: { claim: { text: { contains: "great relationship" } }, response: { text: { contains: "importance of the US-Japan alliance" } } } });
    await correct("pairRemove", { kind: "pair_remove", pairId: removed.id });
    const added = "the US is obliged to defend Japan";
    await correct("add", {
      kind: "statement_add",
      articleId,
      span: { start: text.indexOf(added), end: text.indexOf(added) + added.length },
      mode: "indirect",
      speaker: { newSpeaker: { name: "Security Treaty", kind: "organization" } },
    });
    await correct("vanishing", { kind: "statement_mode", statementId: (await find("who makes these deals")).id, mode: "mixed" });
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  async function expectCorrectionsShown(): Promise<void> {
    const { statements, pairs } = await shown(db, articleId);
    expect(statements.find((row) => row.text.includes("training bases"))?.speaker?.name).toBe("Japanese Defense Ministry");
    expect(statements.find((row) => row.text.includes("training bases"))?.correctedAt).toBeInstanceOf(Date);
    expect(statements.some((row) => row.text.includes("calling it"))).toBe(false);
    expect(pairs).toContain("They make a fortune  → Japan’s confidence t: rebuts");
    expect(pairs.some((pair) => pair.startsWith("We have a great rela → the importance of"))).toBe(false);
    expect(statements.find((row) => row.text === "the US is obliged to defend Japan")).toMatchObject({ mode: "indirect", speaker: { name: "Security Treaty" } });
  }

  it("shows every correction right after it is made, each recorded with its author", async () => {
    await expectCorrectionsShown();
    expect((await find("who makes these deals")).mode).toBe("mixed");
    const records = await db.correction.findMany({ select: { author: true, status: true } });
    expect(records).toHaveLength(6);
    expect(records.every((row) => row.author === "Test Editor" && row.status === "applied")).toBe(true);
  });

  it("keeps every correction through `reextract`", async () => {
    const summary = await reextractArticles(db, { since: null, all: true });
    expect(summary).toMatchObject({ rewritten: 1, failed: 0 });
    await expectCorrectionsShown();
    expect((await find("who makes these deals")).mode).toBe("mixed");
  });

  it("keeps them through a re-ingest of the updated page, and reports the one whose words are gone", async () => {
    expect(text).toContain(VANISHING);
    const updated = `Updated with reactions from Tokyo.\n${text.replace(VANISHING, "")}`;
    const stored = await storeArticleText(db, updated, { url: URL });
    expect(stored).toMatchObject({ outcome: "updated", articleId });
    await expectCorrectionsShown();
    const statuses = await db.correction.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, statusNote: true } });
    expect(statuses.filter((row) => row.status === "applied").map((row) => row.id)).toEqual(
      ["speaker", "reject", "pairAdd", "pairRemove", "add"].map((name) => ids[name]),
    );
    expect(statuses.find((row) => row.id === ids.vanishing)).toMatchObject({ status: "orphaned", statusNote: "its words are no longer in the article" });
  });

  it("undoes a correction with a record of its own: the rejected statement is back", async () => {
    const undo = await undoCorrection(db, ids.reject!, "Second Editor");
    expect((await shown(db, articleId)).statements.some((row) => row.text.includes("calling it"))).toBe(true);
    expect(await db.correction.findUniqueOrThrow({ where: { id: undo.id } })).toMatchObject({ kind: "undo", undoOfId: ids.reject, author: "Second Editor" });
    expect(await db.correction.findUniqueOrThrow({ where: { id: ids.reject } })).toMatchObject({ status: "undone" });
    // The other corrections are still in force after the rebuild.
    expect((await find("training bases")).speaker?.name).toBe("Japanese Defense Ministry");
    await expect(undoCorrection(db, ids.reject!, "Second Editor")).rejects.toMatchObject({ status: 409 });
  });

  it("merges two speakers for good: statements move, the old slug redirects, and re-extraction folds the old name in again", async () => {
    const ishiba = await db.speaker.findFirstOrThrow({ where: { name: "Shigeru Ishiba" } });
    const hayashi = await db.speaker.findFirstOrThrow({ where: { name: "Yoshimasa Hayashi" } });
    await recordCorrection(db, { kind: "speaker_merge", speakerId: hayashi.id, fromSpeakerId: ishiba.id }, "Test Editor");
    expect(await db.speakerRedirect.findUnique({ where: { slug: ishiba.slug } })).toMatchObject({ speakerId: hayashi.id });
    await reextractArticles(db, { since: null, all: true });
    expect((await find("imbalance in the military")).speaker?.name).toBe("Yoshimasa Hayashi");
    expect(await db.speaker.count({ where: { name: "Shigeru Ishiba" } })).toBe(0);
  });
});
