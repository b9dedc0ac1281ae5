// Another session holds a table in ACCESS EXCLUSIVE mode while `work` runs, so a read of that table
// cannot finish until then: how the tests show that a bounded read gives up in time.
import pg from "pg";

export async function whileTableLocked(url: string, table: string, work: () => Promise<void>): Promise<void> {
  const blocker = new pg.Client({ connectionString: url });
  await blocker.connect();
  try {
    await blocker.query("BEGIN");
    await blocker.query(`LOCK TABLE "${table}" IN ACCESS EXCLUSIVE MODE`);
    await work();
    await blocker.query("ROLLBACK");
  } finally {
    await blocker.end();
  }
}
