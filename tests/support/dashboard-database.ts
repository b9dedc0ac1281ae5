// The seeded dashboard rows in a fresh database for one describe block. It becomes the app's
// DATABASE_URL, since the page queries under test open their own client from it.
import { afterAll, beforeAll } from "vitest";
import { disconnectPrisma } from "@/lib/db/client";
import { setUpTestDatabase, type TTestTarget, type TUsedDatabase } from "./test-database";
import { seedDashboardRows } from "./seed-dashboard-dev";

/** Registers the block's setup and teardown; `db` and `url` are there from its first test on. */
export function setUpDashboardDatabase(target: TTestTarget): TUsedDatabase {
  const seeded = setUpTestDatabase(target, { connections: 2 });
  beforeAll(async () => {
    await seedDashboardRows(seeded.db);
    process.env.DATABASE_URL = seeded.url;
  });
  // Registered after setUpTestDatabase's, so it runs first: the app's client goes before the database.
  afterAll(async () => {
    await disconnectPrisma();
  });
  return seeded;
}
