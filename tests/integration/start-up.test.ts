// Zero-setup start-up: the embedded database keeps its data across restarts, and a bad
// DATABASE_URL stops the program with one line naming the variable.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { prepareDatabase, withClient } from "@/lib/db/prepare-database";
import { parseEnv, EnvError } from "@/lib/env";

const root = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

function runCommand(script: string, env: Record<string, string>) {
  return spawnSync(process.execPath, ["--import", "tsx", script], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("embedded PostgreSQL", () => {
  it("keeps its data when started again on the same data directory", async () => {
    const dataDir = path.join(await mkdtemp(path.join(tmpdir(), "counterpoint-pglite-")), "pglite");
    dirs.push(path.dirname(dataDir));
    const first = await prepareDatabase({ dataDir });
    expect(first.applied.length).toBeGreaterThan(0);
    await withClient(first.url, (client) =>
      client.query(`INSERT INTO "Outlet" (slug, name) VALUES ('kept-outlet', 'Kept Outlet')`),
    );
    await first.embedded!.stop();

    const second = await prepareDatabase({ dataDir });
    expect(second.applied).toEqual([]);
    const names = await withClient(second.url, async (client) => (await client.query<{ name: string }>(`SELECT name FROM "Outlet"`)).rows);
    await second.embedded!.stop();
    expect(names.map((row) => row.name)).toEqual(["Kept Outlet"]);
  });
});

describe("configuration errors", () => {
  it("a malformed DATABASE_URL is one line naming the variable, exit code 1", () => {
    const result = runCommand("scripts/db-migrate.ts", { DATABASE_URL: "mysql://nope" });
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n").filter((line) => !line.includes("nodedir"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("DATABASE_URL");
    expect(result.stdout).not.toContain("at ");
  });

  it("an unreachable DATABASE_URL says which variable and where, without the password", () => {
    const result = runCommand("scripts/start.ts", { DATABASE_URL: "postgresql://someone:s3cret-pass@127.0.0.1:9/nowhere" });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Cannot connect to the database in DATABASE_URL (127.0.0.1:9/nowhere)");
    expect(result.stderr).not.toContain("s3cret-pass");
    expect(result.stderr.trim().split("\n").filter((line) => !line.includes("nodedir"))).toHaveLength(1);
  });

  it("rejects every invalid variable with its name and accepts the documented values", () => {
    expect(() => parseEnv({ ADMIN_TOKEN: "short" })).toThrow(EnvError);
    expect(() => parseEnv({ ADMIN_TOKEN: "short" })).toThrow(/ADMIN_TOKEN/);
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
    expect(() => parseEnv({ INGEST_ALLOW_PRIVATE_HOSTS: "yes please" })).toThrow(/INGEST_ALLOW_PRIVATE_HOSTS/);
    const env = parseEnv({ DATABASE_URL: "postgresql://u:p@db.internal:5432/news", INGEST_ALLOW_PRIVATE_HOSTS: "true", PORT: "8080", ADMIN_TOKEN: "0123456789abcdef0123" });
    expect(env).toMatchObject({ DATABASE_URL: "postgresql://u:p@db.internal:5432/news", INGEST_ALLOW_PRIVATE_HOSTS: true, PORT: 8080 });
    expect(parseEnv({}).INGEST_ALLOW_PRIVATE_HOSTS).toBe(false);
    expect(parseEnv({}).ADMIN_TOKEN).toBeUndefined();
  });
});
