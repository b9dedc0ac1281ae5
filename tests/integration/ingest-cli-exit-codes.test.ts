// `npm run ingest -- <file>` as a user runs it (the real script in a child process): exit code 0
// when every item was stored or deliberately skipped, and on a second run of the same file (all
// duplicates); non-zero with one line per failed item and its reason otherwise. Also the door for a
// gzip-compressed feed file, several targets in one command, and options it does not know.
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { FIXTURES, startFeedServer, type TFeedServer } from "../support/feed-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "../..");

type TResult = { code: number | null; stdout: string[]; stderr: string[] };

function runIngest(databaseUrl: string, ...args: string[]): Promise<TResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", ...args], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, INGEST_ALLOW_PRIVATE_HOSTS: "true" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const lines = (text: string) => text.split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
    child.on("close", (code) => resolve({ code, stdout: lines(stdout), stderr: lines(stderr) }));
  });
}

const fixtureText = (name: string) => readFile(path.join(FIXTURES, "real-world", "feeds", name), "utf8");

describe.each(testTargets)("npm run ingest exit codes on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let server: TFeedServer;
  let work: string;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    server = await startFeedServer();
    work = await mkdtemp(path.join(tmpdir(), "counterpoint-cli-"));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await server?.close();
    await database?.drop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("a gzipped feed file whose items are all stored exits 0, and so does the second run of all duplicates", { timeout: 300_000 }, async () => {
    // The link-less bulletin without its text-less item: every item can be stored.
    const feed = (await fixtureText("linkless-items.xml")).replace(/<item>\s*<title>Bulletin index updated[\s\S]*?<\/item>/, "");
    const file = path.join(work, "bulletin.xml.gz");
    await writeFile(file, gzipSync(Buffer.from(feed)));

    const first = await runIngest(database.url, file);
    expect(first.stderr).toEqual([]);
    expect(first.code).toBe(0);
    expect(first.stdout).toEqual([
      "new       Council delays vote on the northern bypass — From the feed item itself: it links to no page.",
      "new       Library opens on Sundays from December — From the feed item itself: it links to no page.",
      expect.stringMatching(/^run #\d+ succeeded: 2 new$/),
    ]);

    const again = await runIngest(database.url, file);
    expect(again.code).toBe(0);
    expect(again.stderr).toEqual([]);
    expect(again.stdout.at(-1)).toMatch(/^run #\d+ succeeded: 2 duplicate$/);
    expect(await db.article.count()).toBe(2);
  });

  it("a feed with an item that cannot be stored exits non-zero with one line per failed item and its reason", { timeout: 300_000 }, async () => {
    // The unreachable-pages feed without its stalling item (the command line waits out real deadlines).
    const refused = `http://127.0.0.1:1`;
    const feed = (await fixtureText("unreachable-pages.xml"))
      .replace(/<item>\s*<title>Strike closes[\s\S]*?<\/item>/, "")
      .replaceAll("{{BASE}}", server.base)
      .replaceAll("{{REFUSED}}", refused);
    const file = path.join(work, "brannock.xml");
    await writeFile(file, feed);
    const before = await db.article.count();

    const result = await runIngest(database.url, file);
    expect(result.code).toBe(1);
    expect(result.stderr).toEqual([
      `failed: Photo gallery: autumn in Brannock — the page could not be fetched: ${server.base}/galleries/autumn answered HTTP 404; the feed gives no text for the item either`,
      "error: 1 item(s) could not be ingested (see above)",
    ]);
    expect(result.stdout[0]).toMatch(/^new {7}Brannock mayor defends tram budget — From the feed's summary; the page could not be fetched: .*HTTP 404$/);
    expect(result.stdout[1]).toMatch(/^new {7}Brannock hospital opens new wing — From the feed's summary; the page could not be fetched: /);
    expect(result.stdout[2]).toMatch(/^failed {4}Photo gallery: autumn in Brannock — /);
    expect(result.stdout.at(-1)).toMatch(/^run #\d+ partial: 2 new, 1 failed$/);
    expect(await db.article.count()).toBe(before + 2);

    // The same failure on the next run: still non-zero, nothing added.
    const again = await runIngest(database.url, file);
    expect(again.code).toBe(1);
    expect(again.stderr[0]).toBe(result.stderr[0]);
    expect(await db.article.count()).toBe(before + 2);
  });

  it("ingests every file it is given, in order, and refuses an option it does not know before touching anything", { timeout: 300_000 }, async () => {
    const pages = path.join(FIXTURES, "real-world", "pages");
    const before = await db.article.count();

    const both = await runIngest(database.url, path.join(pages, "short-denial.html"), path.join(pages, "login-wall.html"), path.join(pages, "short-ministry-statement.html"));
    expect(both.code).toBe(1);
    expect(both.stdout.filter((line) => line.startsWith("new"))).toHaveLength(2);
    // The sign-in page is refused before any run starts; the file after it is still stored.
    expect(both.stdout.filter((line) => /^run #\d+ succeeded/.test(line))).toHaveLength(2);
    expect(both.stderr).toEqual([expect.stringMatching(/^failed: .*sign-in page/), "error: 1 item(s) could not be ingested (see above)"]);
    expect(await db.article.count()).toBe(before + 2);

    const unknown = await runIngest(database.url, "--dry-run", path.join(pages, "short-denial.html"));
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.join("\n")).toMatch(/unknown option --dry-run/);
    expect(await db.article.count()).toBe(before + 2);
  });
});
