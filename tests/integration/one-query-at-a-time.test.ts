// A transaction's connection is sent one query at a time. A nested select inside a transaction
// (the speaker page's bounded reads) makes Prisma send its relation queries side by side on that
// one connection: pg 8 warns (pg 9 will refuse). Any deprecation warning here fails the tests.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

// Node warns once per process and this file runs in a process of its own: listening from its first
// line on, the list holds every warning its setup and tests caused.
const deprecations: string[] = [];
process.on("warning", (warning) => {
  if (warning.name === "DeprecationWarning") deprecations.push(warning.message);
});

import { testTargets } from "../support/test-database";
import { setUpDashboardDatabase } from "../support/dashboard-database";

const { getSpeakerBySlug } = await import("@/lib/queries/speakers");

describe.each(testTargets)("one query at a time on a connection, on %s", (target) => {
  const seeded = setUpDashboardDatabase(target);

  afterEach(async () => {
    // A warning is emitted on the next tick after the call that caused it.
    await new Promise((resolve) => setImmediate(resolve));
    expect(deprecations).toEqual([]);
  });

  it("reads a statement's speaker, article and pairs with their sides inside one transaction", async () => {
    const read = await seeded.db.$transaction((tx) =>
      tx.statement.findMany({
        where: { claimOf: { some: {} } },
        select: {
          id: true,
          speaker: { select: { slug: true } },
          article: { select: { slug: true, outlet: { select: { name: true } } } },
          claimOf: { select: { relation: true, response: { select: { speaker: { select: { slug: true } }, article: { select: { slug: true } } } } } },
        },
      }),
    );
    const pairs = await seeded.db.pair.count();
    expect(pairs).toBeGreaterThan(0);
    expect(read.reduce((sum, statement) => sum + statement.claimOf.length, 0)).toBe(pairs);
    expect(read.every((statement) => statement.article.slug.length > 0)).toBe(true);
  });

  it("renders a speaker page's claims with their responses", async () => {
    const trump = await getSpeakerBySlug("donald-trump");
    expect(trump?.cut).toEqual([]);
    expect(trump?.claims.length).toBeGreaterThan(0);
    expect(trump?.claims.some((claim) => claim.responses.length > 0)).toBe(true);
  });
});
