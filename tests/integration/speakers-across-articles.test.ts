// One stored speaker per person across articles (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set): a later article's "Trump" or "Donald J. Trump" is the "Donald Trump" already stored, and
// the role and country one article knows stay filled; a surname two stored people share is left alone.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ingestPaste } from "@/lib/ingest/pipeline";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const ARTICLES = {
  full: [
    "Tariff Talks Resume In Geneva",
    'U.S. President Donald Trump said on Monday that the new duties were "working exactly as planned" and would stay in place.',
  ],
  surname: [
    "Markets Slip As Duties Bite",
    'Trump told reporters at the White House that trading partners "will come around" before the summer.',
  ],
  middleInitial: [
    "Farm States Ask For Relief",
    'Donald J. Trump said the farm relief fund "will be bigger than ever" and promised a decision within weeks.',
  ],
  namesake: [
    "First Lady Visits Clinic",
    'Melania Trump said the clinic "gives children a real chance" during a visit on Thursday.',
  ],
  ambiguous: [
    "Campaign Stop In Ohio",
    'Trump said the crowd was "the biggest this town has seen" as the rally ended.',
  ],
};

describe.each(testTargets)("speakers across articles on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  const articleIds: Record<string, number> = {};

  const speakerOf = async (name: keyof typeof ARTICLES) => {
    const statements = await db.statement.findMany({
      where: { articleId: articleIds[name] ?? -1 },
      select: { speaker: { select: { id: true, name: true, role: true, country: true, aliases: true } } },
    });
    expect(statements.length, `${name} has statements`).toBeGreaterThan(0);
    return statements[0]?.speaker ?? null;
  };

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    for (const [name, paragraphs] of Object.entries(ARTICLES)) {
      const run = await ingestPaste(db, paragraphs.join("\n\n"), { label: name });
      articleIds[name] = run.items[0]?.articleId ?? -1;
    }
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("gives a later article's surname and middle-initial forms to the one stored Donald Trump, with his role and country", async () => {
    const full = await speakerOf("full");
    expect(full).toMatchObject({ name: "Donald Trump", role: "President", country: "US" });
    expect((await speakerOf("surname"))?.id).toBe(full?.id);
    expect((await speakerOf("middleInitial"))?.id).toBe(full?.id);
    const stored = await db.speaker.findUniqueOrThrow({ where: { id: full?.id ?? -1 }, select: { aliases: true } });
    expect(stored.aliases).toEqual(expect.arrayContaining(["Trump", "Donald J. Trump"]));
    expect(await db.speaker.count({ where: { nameKey: "donald j trump" } })).toBe(0);
  });

  it("keeps a different person with the same surname apart, and a bare surname two people share unmerged", async () => {
    const melania = await speakerOf("namesake");
    const donald = await speakerOf("full");
    expect(melania?.name).toBe("Melania Trump");
    expect(melania?.id).not.toBe(donald?.id);
    const ambiguous = await speakerOf("ambiguous");
    expect(ambiguous?.name).toBe("Trump");
    expect([donald?.id, melania?.id]).not.toContain(ambiguous?.id);
  });
});
