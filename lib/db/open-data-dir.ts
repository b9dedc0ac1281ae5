// Opens an embedded data directory for this process. The first process takes the directory's
// lock and serves the database over the wire protocol; the others join it, or wait until it is
// gone. Two PGlite instances never open the same files.
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { breakStaleLock, isProcessAlive, lockFileOf, readLockHolder, tryLockDataDir, type TDataDirLock, type TLockRole } from "./data-dir-lock";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "./embedded-postgres";

/** Processes that joined announce themselves with this name, so the owner knows whom it serves. */
export const JOINED_APPLICATION_NAME = "counterpoint-joined";
const RETRY_MS = 150;
const SAY_WAITING_AFTER_MS = 2000;
// The owner answers from its own event loop, which a busy machine can hold up for a long while;
// a join that times out is only retried.
const JOIN_TIMEOUT_MS = 60_000;

export type TOpenedDataDir = TEmbeddedPostgres & { owner: boolean };

/**
 * `prepare` runs on the database before any other process may join (migrations, start-up
 * repairs), and only in the process that opened the files.
 */
export async function openDataDir(dataDir: string, role: TLockRole, prepare: (url: string) => Promise<void>): Promise<TOpenedDataDir> {
  const file = lockFileOf(dataDir);
  const since = Date.now();
  let saidWaiting = false;
  for (;;) {
    const lock = await tryLockDataDir(dataDir, role);
    if (lock) return serveAsOwner(dataDir, lock, prepare);
    const holder = await readLockHolder(file);
    if (holder === null) continue;
    if (!isProcessAlive(holder.pid)) {
      await breakStaleLock(dataDir, holder);
      continue;
    }
    // A server joins only a server: joining a command would keep that command running for as
    // long as the server runs.
    if (holder.url && (holder.role === "server" || role === "command")) {
      const joined = await join(holder.url);
      if (joined) return joined;
    }
    if (!saidWaiting && Date.now() - since > SAY_WAITING_AFTER_MS) {
      saidWaiting = true;
      console.error(`counterpoint: waiting for process ${holder.pid}, which has the embedded database ${dataDir} open (lock file ${file})`);
    }
    await sleep(RETRY_MS);
  }
}

async function serveAsOwner(dataDir: string, lock: TDataDirLock, prepare: (url: string) => Promise<void>): Promise<TOpenedDataDir> {
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  try {
    embedded = await startEmbeddedPostgres(dataDir);
    await prepare(embedded.url);
    await lock.publish(embedded.url);
  } catch (error) {
    await embedded?.stop();
    await lock.release();
    throw error;
  }
  const served = embedded;
  return {
    url: served.url,
    owner: true,
    async stop() {
      const others = served.countConnected(JOINED_APPLICATION_NAME);
      if (others > 0) console.error(`counterpoint: still serving the embedded database to ${others} other process${others === 1 ? "" : "es"}; exiting when they finish`);
      await served.whenNoneConnected(JOINED_APPLICATION_NAME);
      await served.stop();
      await lock.release();
    },
  };
}

/** Joins the owner's server; the open connection keeps the owner serving until `stop`. */
async function join(url: string): Promise<TOpenedDataDir | null> {
  const presence = new pg.Client({ connectionString: url, application_name: JOINED_APPLICATION_NAME, connectionTimeoutMillis: JOIN_TIMEOUT_MS });
  // The owner going away later surfaces on the queries themselves, not on this idle connection.
  presence.on("error", () => undefined);
  try {
    await presence.connect();
    await presence.query("SELECT 1");
  } catch {
    await presence.end().catch(() => undefined);
    return null;
  }
  return { url, owner: false, stop: () => presence.end().catch(() => undefined) };
}
