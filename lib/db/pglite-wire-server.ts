// Serves one PGlite database to many connections over the Postgres wire protocol.
// PGlite has a single backend, so requests from different connections must never interleave
// inside one extended-query exchange (Parse…Sync) nor inside an open transaction. The stock
// @electric-sql/pglite-socket server queues single messages, which lets another connection's
// Parse replace the unnamed statement between this one's Parse and Bind ("unnamed prepared
// statement does not exist"). Here every request up to its Sync/Query is one unit of work, and
// while a connection holds a transaction only its units run.
import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
// Messages after which the client waits for an answer: the end of one unit of work.
const UNIT_END = new Set(["S", "Q", "H", "X", "p", "c", "f"].map((letter) => letter.charCodeAt(0)));
const TERMINATE = "X".charCodeAt(0);

type TUnit = { connection: number; bytes: Uint8Array; write: (chunk: Uint8Array) => void; done: (error?: unknown) => void };

class UnitQueue {
  private units: TUnit[] = [];
  private owner: number | null = null;
  private pumping = false;

  constructor(private readonly db: PGlite) {}

  run(unit: Omit<TUnit, "done">): Promise<void> {
    return new Promise((resolve, reject) => {
      this.units.push({ ...unit, done: (error) => (error === undefined ? resolve() : reject(error)) });
      void this.pump();
    });
  }

  /** A closed connection gives up its queued work and, if it held one, its transaction. */
  async release(connection: number): Promise<void> {
    this.units = this.units.filter((unit) => unit.connection !== connection);
    if (this.owner === connection) {
      // No unit of this connection is running (its chain has settled) and, as owner, no other
      // connection's either. exec() takes PGlite's own lock, so it must not run under runExclusive.
      if (this.db.isInTransaction()) await this.db.exec("ROLLBACK");
      this.owner = null;
    }
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.units.findIndex((unit) => unit.connection === this.owner);
        if (index < 0 || this.units.length === 0) break;
        const [unit] = this.units.splice(index, 1);
        if (!unit) break;
        try {
          await this.db.runExclusive(() => this.db.execProtocolRawStream(unit.bytes, { onRawData: unit.write }));
          unit.done();
        } catch (error) {
          unit.done(error);
        }
        this.owner = this.db.isInTransaction() ? unit.connection : null;
      }
    } finally {
      this.pumping = false;
    }
  }
}

export type TWireServer = {
  port: number;
  countConnected(applicationName: string): number;
  /** Resolves once no connection that announced this application_name is open. */
  whenNoneConnected(applicationName: string): Promise<void>;
  close(): Promise<void>;
};

/** The application_name a client sent in its startup message (protocol 3: key\0value\0…\0). */
function readApplicationName(startup: Buffer): string | null {
  const fields = startup.subarray(8).toString("utf8").split("\0");
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === "application_name") return fields[i + 1] ?? null;
  return null;
}

export async function serveOverWire(db: PGlite, options: { host?: string; port?: number; maxConnections?: number } = {}): Promise<TWireServer> {
  const queue = new UnitQueue(db);
  const sockets = new Map<net.Socket, string | null>();
  const idleWaiters: { applicationName: string; resolve: () => void }[] = [];
  const countConnected = (applicationName: string) => [...sockets.values()].filter((name) => name === applicationName).length;
  const settleIdleWaiters = () => {
    for (const waiter of idleWaiters.splice(0)) {
      if (countConnected(waiter.applicationName) === 0) waiter.resolve();
      else idleWaiters.push(waiter);
    }
  };
  let nextConnection = 1;

  const server = net.createServer((socket) => {
    const connection = nextConnection++;
    sockets.set(socket, null);
    socket.setNoDelay(true);
    let buffer = Buffer.alloc(0);
    let started = false;
    let pending: Buffer[] = [];
    let chain = Promise.resolve();
    const write = (chunk: Uint8Array) => {
      if (socket.writable && chunk.length > 0) socket.write(chunk);
    };
    const send = (bytes: Buffer) => {
      // Units of one connection reach the queue in the order the client sent them.
      chain = chain.then(() => queue.run({ connection, bytes, write })).catch(() => {
        socket.destroy();
      });
    };

    socket.on("data", (data) => {
      buffer = Buffer.concat([buffer, data]);
      for (;;) {
        if (!started) {
          if (buffer.length < 8) return;
          const length = buffer.readInt32BE(0);
          if (buffer.length < length) return;
          const code = buffer.readInt32BE(4);
          const message = buffer.subarray(0, length);
          buffer = buffer.subarray(length);
          if (code === SSL_REQUEST || code === GSSENC_REQUEST) {
            socket.write("N");
            continue;
          }
          if (code === CANCEL_REQUEST) {
            socket.end();
            return;
          }
          started = true;
          sockets.set(socket, readApplicationName(message));
          send(Buffer.from(message));
          continue;
        }
        if (buffer.length < 5) return;
        const length = buffer.readInt32BE(1) + 1;
        if (buffer.length < length) return;
        const type = buffer[0]!;
        pending.push(Buffer.from(buffer.subarray(0, length)));
        buffer = buffer.subarray(length);
        if (type === TERMINATE) {
          pending = [];
          socket.end();
          return;
        }
        if (UNIT_END.has(type)) {
          send(Buffer.concat(pending));
          pending = [];
        }
      }
    });
    const close = () => {
      if (!sockets.delete(socket)) return;
      settleIdleWaiters();
      void chain.finally(() => queue.release(connection));
    };
    socket.on("close", close);
    socket.on("error", close);
  });
  server.maxConnections = options.maxConnections ?? 64;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("the embedded database server has no TCP address");
  return {
    port: address.port,
    countConnected,
    whenNoneConnected: (applicationName) =>
      new Promise<void>((resolve) => {
        idleWaiters.push({ applicationName, resolve });
        settleIdleWaiters();
      }),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets.keys()) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
