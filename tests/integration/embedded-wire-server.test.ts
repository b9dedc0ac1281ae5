// The embedded database serves many connections through one PGlite backend: parameterized
// queries from different clients never mix, a transaction is never entered by another
// connection, and a client that disappears mid-transaction has its work rolled back.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres, type TEmbeddedPostgres } from "@/lib/db/embedded-postgres";

let embedded: TEmbeddedPostgres;
const clients: pg.Client[] = [];

async function connect(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: embedded.url });
  await client.connect();
  clients.push(client);
  return client;
}

beforeAll(async () => {
  embedded = await startEmbeddedPostgres(null);
  const setup = await connect();
  await setup.query("CREATE TABLE ledger (id serial PRIMARY KEY, owner text NOT NULL, amount int NOT NULL)");
});

afterAll(async () => {
  await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  await embedded.stop();
});

describe("embedded PostgreSQL over the wire", () => {
  it("answers every client its own parameterized query when eight clients interleave", async () => {
    const many = await Promise.all(Array.from({ length: 8 }, () => connect()));
    const results = await Promise.all(
      many.map(async (client, clientIndex) => {
        const wrong: string[] = [];
        for (let n = 0; n < 150; n += 1) {
          const value = clientIndex * 1000 + n;
          const { rows } = await client.query<{ doubled: number; tag: string }>("SELECT $1::int * 2 AS doubled, $2::text AS tag", [value, `c${clientIndex}`]);
          if (rows[0]?.doubled !== value * 2 || rows[0]?.tag !== `c${clientIndex}`) wrong.push(`${value}: ${JSON.stringify(rows[0])}`);
        }
        return wrong;
      }),
    );
    expect(results.flat()).toEqual([]);
  });

  it("keeps another connection out of an open transaction until it commits", async () => {
    const writer = await connect();
    const reader = await connect();
    await writer.query("BEGIN");
    await writer.query("INSERT INTO ledger (owner, amount) VALUES ($1, $2)", ["writer", 10]);
    let readerDone = false;
    const read = reader.query<{ n: string }>("SELECT count(*) AS n FROM ledger WHERE owner = $1", ["writer"]).then((result) => {
      readerDone = true;
      return result;
    });
    await writer.query("INSERT INTO ledger (owner, amount) VALUES ($1, $2)", ["writer", 20]);
    expect(readerDone).toBe(false);
    await writer.query("COMMIT");
    const { rows } = await read;
    expect(rows[0]?.n).toBe("2");
  });

  it("rolls back the transaction of a client that disconnects without committing", async () => {
    const quitter = await connect();
    await quitter.query("BEGIN");
    await quitter.query("INSERT INTO ledger (owner, amount) VALUES ($1, $2)", ["quitter", 99]);
    quitter.on("error", () => undefined);
    (quitter as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const other = await connect();
    const { rows } = await other.query<{ n: string }>("SELECT count(*) AS n FROM ledger WHERE owner = 'quitter'");
    expect(rows[0]?.n).toBe("0");
    const { rows: state } = await other.query<{ ok: number }>("SELECT 1 AS ok");
    expect(state[0]?.ok).toBe(1);
  });
});
