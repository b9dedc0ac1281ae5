// Resolves which database to use (DATABASE_URL or the embedded one), proves it answers,
// and brings its schema up to date. Shared by `npm start`, `npm run db:migrate` and scripts.
import pg from "pg";
import { applyMigrations } from "./migrations";
import type { TLockRole } from "./data-dir-lock";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "./embedded-postgres";
import { openDataDir } from "./open-data-dir";

export type TPreparedDatabase = { url: string; embedded: TEmbeddedPostgres | null; applied: string[] };

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

function describeTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/** Connects once with a short timeout; the error names the variable and the target, never the password. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>, label = "DATABASE_URL", timeoutMs = 5000): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(`Cannot connect to the database in ${label} (${describeTarget(url)}): ${reason}`);
  }
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// A server named in DATABASE_URL that does not answer within seconds is misconfigured; the embedded
// one runs in this process (or the one we joined) and, on a busy machine, may take far longer to
// answer its first connection.
const EMBEDDED_CONNECT_TIMEOUT_MS = 120_000;

async function migrate(url: string, timeoutMs = 5000): Promise<string[]> {
  return withClient(url, (client) => applyMigrations(client), "DATABASE_URL", timeoutMs);
}

/**
 * DATABASE_URL when given; else the embedded database in `dataDir` (joining the process that has
 * it open, if any), or in memory when `dataDir` is null. `role` "server" is for `npm start`.
 */
export async function prepareDatabase(options: { url?: string; dataDir: string | null; role?: TLockRole }): Promise<TPreparedDatabase> {
  if (options.url) return { url: options.url, embedded: null, applied: await migrate(options.url) };
  if (options.dataDir === null) {
    const embedded = await startEmbeddedPostgres(null);
    try {
      return { url: embedded.url, embedded, applied: await migrate(embedded.url, EMBEDDED_CONNECT_TIMEOUT_MS) };
    } catch (error) {
      await embedded.stop();
      throw error;
    }
  }
  let applied: string[] = [];
  const embedded = await openDataDir(options.dataDir, options.role ?? "command", async (url) => {
    applied = await migrate(url, EMBEDDED_CONNECT_TIMEOUT_MS);
  });
  try {
    // A joined process may run newer code than the owner (`npm run db:migrate` beside `npm start`).
    if (!embedded.owner) applied = await migrate(embedded.url, EMBEDDED_CONNECT_TIMEOUT_MS);
    return { url: embedded.url, embedded, applied };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}

/** For commands: DATABASE_URL, else the embedded database (shared with whichever process has it open). */
export async function openDatabaseForScript(options: { url?: string; dataDir: string }): Promise<TPreparedDatabase> {
  return prepareDatabase({ ...options, role: "command" });
}
