// One embedded data directory, several processes: the first opens the files and serves them, the
// others join it, so nothing written by one of them is lost. Before the lock, two `npm run ingest`
// at once opened two PGlite instances on one directory and "new" articles went missing.
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lockFileOf } from "@/lib/db/data-dir-lock";
import { prepareDatabase, withClient } from "@/lib/db/prepare-database";

const root = path.resolve(import.meta.dirname, "../..");
const dirs: string[] = [];

afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "counterpoint-lock-"));
  dirs.push(dir);
  return path.join(dir, "pglite");
}

type TCommandResult = { code: number | null; stdout: string; stderr: string };

function ingest(dataDir: string, file: string): Promise<TCommandResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", file], {
      cwd: root,
      env: { ...process.env, PGLITE_DATA_DIR: dataDir, DATABASE_URL: "", NEXT_TELEMETRY_DISABLED: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A short wire story of its own, so that every paste is a new article. */
function story(round: number, side: string): { title: string; text: string } {
  const title = `Harbour board ${side} vote on the ferry levy, round ${round}`;
  const text = `${title}\n\nPORTVILLE, March ${round + 3} (Wire) - The harbour board voted on the ferry levy on Tuesday after a ` +
    `long session. "The levy keeps the ${side} crossing running," board chair Mara Lindqvist said. ` +
    `Councillor Tomas Reyes said the levy would fall hardest on commuters from the ${side} bank.\n`;
  return { title, text };
}

async function storedTitles(dataDir: string): Promise<string[]> {
  const database = await prepareDatabase({ dataDir });
  try {
    return await withClient(database.url, async (client) => (await client.query<{ title: string }>(`SELECT title FROM "Article" ORDER BY title`)).rows.map((row) => row.title));
  } finally {
    await database.embedded?.stop();
  }
}

describe("two commands on one embedded data directory", () => {
  it("two CLI ingests at once, round after round: every article reported new is stored, each run has its own number", { timeout: 900_000 }, async () => {
    const dataDir = await freshDataDir();
    const expected: string[] = [];
    for (let round = 1; round <= 3; round += 1) {
      const pastes = await Promise.all(
        ["east", "west"].map(async (side) => {
          const { title, text } = story(round, side);
          const file = path.join(path.dirname(dataDir), `round-${round}-${side}.txt`);
          await writeFile(file, text);
          return { title, file };
        }),
      );
      const results = await Promise.all(pastes.map((paste) => ingest(dataDir, paste.file)));
      for (const result of results) {
        expect(result.stderr).not.toContain("error:");
        expect(result.code).toBe(0);
        expect(result.stdout).toMatch(/^new /m);
      }
      const runNumbers = results.map((result) => /run #(\d+)/.exec(result.stdout)?.[1]);
      expect(new Set(runNumbers).size).toBe(2);
      expected.push(...pastes.map((paste) => paste.title));
      expect(await storedTitles(dataDir)).toEqual([...expected].sort());
      expect(existsSync(lockFileOf(dataDir))).toBe(false);
    }
  });

  it("a second opener joins the first, which keeps serving until the second is done", { timeout: 600_000 }, async () => {
    const dataDir = await freshDataDir();
    const first = await prepareDatabase({ dataDir });
    const second = await prepareDatabase({ dataDir });
    expect(second.url).toBe(first.url);
    await withClient(second.url, (client) => client.query(`INSERT INTO "Outlet" (slug, name) VALUES ('joined', 'Joined Outlet')`));

    let firstStopped = false;
    const stopping = first.embedded!.stop().then(() => (firstStopped = true));
    await withClient(second.url, (client) => client.query(`INSERT INTO "Outlet" (slug, name) VALUES ('after-stop', 'Written While The Owner Stops')`));
    expect(firstStopped).toBe(false);
    await second.embedded!.stop();
    await stopping;

    const third = await prepareDatabase({ dataDir });
    const names = await withClient(third.url, async (client) => (await client.query<{ name: string }>(`SELECT name FROM "Outlet" ORDER BY name`)).rows);
    await third.embedded!.stop();
    expect(names.map((row) => row.name)).toEqual(["Joined Outlet", "Written While The Owner Stops"]);
  });

  it("opens a data directory whose parent folders do not exist yet (a fresh clone's ./data/pglite)", { timeout: 600_000 }, async () => {
    const dataDir = path.join(path.dirname(await freshDataDir()), "not", "yet", "pglite");
    const database = await prepareDatabase({ dataDir });
    expect(database.applied.length).toBeGreaterThan(0);
    await database.embedded!.stop();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });

  it("a lock left by a process that is gone is taken over", { timeout: 600_000 }, async () => {
    const dataDir = await freshDataDir();
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(gone.stdout);
    await writeFile(lockFileOf(dataDir), JSON.stringify({ pid: deadPid, role: "command", url: "postgresql://postgres@127.0.0.1:9/postgres" }));

    const database = await prepareDatabase({ dataDir });
    expect(database.embedded).not.toBeNull();
    expect(database.url).not.toContain(":9/");
    await database.embedded!.stop();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
  });
});
