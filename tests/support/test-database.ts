// A fresh, migrated database per test file: in-memory PGlite always, and a throw-away database
// on the PostgreSQL server named by TEST_DATABASE_URL (or DATABASE_URL) when one is given.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { applyMigrations } from "@/lib/db/migrations";
import { withClient } from "@/lib/db/prepare-database";

export type TTestTarget = "pglite" | "postgres";
export type TTestDatabase = { target: TTestTarget; url: string; drop(): Promise<void> };

const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || "";

/** The databases integration tests run against: PGlite, plus Postgres when a server URL is set. */
export const testTargets: TTestTarget[] = serverUrl ? ["pglite", "postgres"] : ["pglite"];

export async function createTestDatabase(target: TTestTarget = "pglite", options: { migrate?: boolean } = {}): Promise<TTestDatabase> {
  const migrate = options.migrate ?? true;
  if (target === "pglite") {
    const embedded = await startEmbeddedPostgres(null);
    if (migrate) await withClient(embedded.url, (client) => applyMigrations(client));
    return { target, url: embedded.url, drop: () => embedded.stop() };
  }
  if (!serverUrl) throw new Error("set TEST_DATABASE_URL to run tests against a PostgreSQL server");
  const name = `counterpoint_test_${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE "${name}"`), "TEST_DATABASE_URL");
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  if (migrate) await withClient(url.toString(), (client) => applyMigrations(client));
  return {
    target,
    url: url.toString(),
    drop: async () => {
      await withClient(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`), "TEST_DATABASE_URL");
    },
  };
}

export type TUsedDatabase = { db: PrismaClient; url: string };

/**
 * A fresh, migrated database and a client on it for one describe block: registers the block's
 * setup and teardown; `db` and `url` are there from its first test on.
 */
export function setUpTestDatabase(target: TTestTarget, options: { connections?: number } = {}): TUsedDatabase {
  const used = {} as TUsedDatabase;
  let database: TTestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(target);
    used.url = database.url;
    used.db = createPrismaClient(database.url, options.connections);
  });
  afterAll(async () => {
    await used.db?.$disconnect();
    await database?.drop();
  });
  return used;
}
