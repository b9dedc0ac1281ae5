// A fresh database holding the seeded dashboard rows for one describe block. It becomes the app's
// DATABASE_URL, since the page queries under test open their own client from it.
import { afterAll, beforeAll } from "vitest";
import { createPrismaClient, disconnectPrisma } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { createTestDatabase, type TTestDatabase, type TTestTarget } from "./test-database";
import { seedDashboardRows } from "./seed-dashboard-dev";

export type TDashboardDatabase = { db: PrismaClient; url: string };

/** Registers the block's setup and teardown; `db` and `url` are there from its first test on. */
export function useDashboardDatabase(target: TTestTarget): TDashboardDatabase {
  const seeded = {} as TDashboardDatabase;
  let database: TTestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(target);
    seeded.url = database.url;
    seeded.db = createPrismaClient(database.url, 2);
    await seedDashboardRows(seeded.db);
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await disconnectPrisma();
    await seeded.db?.$disconnect();
    await database?.drop();
  });
  return seeded;
}
