// The migrations apply on PGlite and PostgreSQL 15, are idempotent, and produce exactly the
// schema that prisma/schema.prisma describes (a drift test that fails when the two disagree).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, readMigrations } from "@/lib/db/migrations";
import { withClient } from "@/lib/db/prepare-database";
import { diffDatamodels, hasChanges, readSchema } from "@/lib/db/schema-diff";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";
import { describeCatalog } from "../support/describe-catalog";

describe("schema snapshot", () => {
  it("the last migration's snapshot matches prisma/schema.prisma (no un-migrated change)", async () => {
    const last = (await readMigrations()).at(-1);
    expect(last, "prisma/migrations has no migration").toBeDefined();
    const snapshot = await readFile(path.join(last!.dir, "schema.prisma"), "utf8");
    const pending = await diffDatamodels(snapshot, await readSchema());
    expect(hasChanges(pending), `schema.prisma changed without a migration:\n${pending}`).toBe(false);
  });
});

describe.each(testTargets)("migrations on %s", (target) => {
  let migrated: TTestDatabase;
  let fromSchema: TTestDatabase;

  beforeAll(async () => {
    migrated = await createTestDatabase(target);
    fromSchema = await createTestDatabase(target, { migrate: false });
    const script = await diffDatamodels(null, await readSchema());
    await withClient(fromSchema.url, (client) => client.query(script));
  });

  afterAll(async () => {
    await migrated?.drop();
    await fromSchema?.drop();
  });

  it("records every migration in _prisma_migrations like prisma migrate deploy", async () => {
    const rows = await withClient(migrated.url, async (client) =>
      (await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name`,
      )).rows,
    );
    const expected = await readMigrations();
    expect(rows.map((row) => row.migration_name)).toEqual(expected.map((migration) => migration.name));
    expect(rows.map((row) => row.checksum)).toEqual(expected.map((migration) => migration.checksum));
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  it("applies nothing the second time", async () => {
    const applied = await withClient(migrated.url, (client) => applyMigrations(client));
    expect(applied).toEqual([]);
  });

  it("produces the same tables, columns, indexes and constraints as the schema (no drift)", async () => {
    const fromMigrations = await withClient(migrated.url, describeCatalog);
    const fromDatamodel = await withClient(fromSchema.url, describeCatalog);
    expect(fromMigrations).toEqual(fromDatamodel);
    expect(fromMigrations.tables).toEqual(
      expect.arrayContaining(["Article", "Outlet", "Feed", "Story", "Speaker", "Statement", "Pair"]),
    );
  });

  it("rolls a failing migration back and refuses to continue until it is resolved", async () => {
    const scratch = await createTestDatabase(target);
    try {
      const broken = { name: "99999999999999_broken", sql: "CREATE TABLE broken_one (id int); SELECT 1/0;", checksum: "x", dir: "" };
      const all = [...(await readMigrations()), broken];
      await expect(withClient(scratch.url, (client) => applyMigrations(client, all))).rejects.toThrow(/broken failed and was rolled back/);
      const tables = await withClient(scratch.url, describeCatalog);
      expect(tables.tables).not.toContain("broken_one");
    } finally {
      await scratch.drop();
    }
  });
});
