// Zero-setup PostgreSQL: PGlite (Postgres in WASM) served over the wire protocol on a local
// port, so the app reaches it through the same pg driver as a real server.
import { mkdir } from "node:fs/promises";
import { PGlite } from "@electric-sql/pglite";
import { serveOverWire, type TWireServer } from "./pglite-wire-server";

export type TEmbeddedPostgres = { url: string; stop(): Promise<void> };
export type TServedPostgres = TEmbeddedPostgres & Pick<TWireServer, "countConnected" | "whenNoneConnected">;

// Must cover every client pool that connects (app, poller, scripts): the socket server
// refuses connections beyond it.
const MAX_CONNECTIONS = 64;

/**
 * Starts PGlite on a free port of 127.0.0.1. `dataDir` null keeps it in memory. A data directory
 * must be opened through `openDataDir`, which makes sure no other process has it open.
 */
export async function startEmbeddedPostgres(dataDir: string | null): Promise<TServedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined);
  const server = await serveOverWire(db, { host: "127.0.0.1", maxConnections: MAX_CONNECTIONS });
  return {
    url: `postgresql://postgres@127.0.0.1:${server.port}/postgres?sslmode=disable`,
    countConnected: server.countConnected,
    whenNoneConnected: server.whenNoneConnected,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
