// Resolves which database to use (DATABASE_URL or the embedded one), proves it answers,
// and brings its schema up to date. Shared by `npm start`, `npm run db:migrate` and scripts.
import { readFile, rm, writeFile } from "node:fs/promises";
import pg from "pg";
import { applyMigrations } from "./migrations";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "./embedded-postgres";

export type TPreparedDatabase = { url: string; embedded: TEmbeddedPostgres | null; applied: string[] };

export class DatabaseUnavailableError extends Error {
  override name = "DatabaseUnavailableError";
}

function describeTarget(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || "5432"}${parsed.pathname}`;
}

/** Connects once with a short timeout; the error names the variable and the target, never the password. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>, label = "DATABASE_URL"): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
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

export async function prepareDatabase(options: { url?: string; dataDir: string | null }): Promise<TPreparedDatabase> {
  const embedded = options.url ? null : await startEmbeddedPostgres(options.dataDir);
  const url = options.url ?? embedded!.url;
  try {
    const applied = await withClient(url, (client) => applyMigrations(client));
    return { url, embedded, applied };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

// While `npm start` serves the embedded database, it leaves its address here so that commands
// (`npm run ingest`, `npm run db:migrate`) join it instead of fighting over the data directory.
function runningServerFile(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}.server.json`;
}

export async function announceEmbeddedServer(dataDir: string, url: string): Promise<() => Promise<void>> {
  const file = runningServerFile(dataDir);
  await writeFile(file, JSON.stringify({ url, pid: process.pid }));
  return () => rm(file, { force: true });
}

async function findRunningServer(dataDir: string): Promise<string | null> {
  try {
    const { url, pid } = JSON.parse(await readFile(runningServerFile(dataDir), "utf8")) as { url: string; pid: number };
    process.kill(pid, 0);
    await withClient(url, (client) => client.query("SELECT 1"));
    return url;
  } catch {
    return null;
  }
}

/** For commands: DATABASE_URL, else the embedded database of a running `npm start`, else its own. */
export async function openDatabaseForScript(options: { url?: string; dataDir: string }): Promise<TPreparedDatabase> {
  if (!options.url) {
    const running = await findRunningServer(options.dataDir);
    if (running) return prepareDatabase({ url: running, dataDir: null });
  }
  return prepareDatabase(options);
}
