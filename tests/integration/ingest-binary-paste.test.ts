// A binary file without NUL bytes, pasted or passed to `npm run ingest`: refused with one clear
// line, and nothing stored (before, it became hundreds of garbage articles).
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { IngestInputError, ingestPaste } from "@/lib/ingest/pipeline";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const root = path.resolve(import.meta.dirname, "../..");

/** Deterministic bytes 1–255: what an image or archive looks like, with no NUL to give it away. */
function binaryWithoutNul(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = 0x51ed270b;
  for (let i = 0; i < length; i += 1) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    bytes[i] = 1 + ((state >>> 16) % 255);
  }
  return bytes;
}

function runIngest(databaseUrl: string, file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "scripts/ingest.ts", file], { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(testTargets)("a binary paste on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let work: string;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    work = await mkdtemp(path.join(tmpdir(), "counterpoint-binary-"));
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("is refused by the pipeline and stores no run, paste or article", async () => {
    const text = new TextDecoder("utf-8").decode(binaryWithoutNul(48_000));
    await expect(ingestPaste(db, text, { label: "holiday-photo.jpg" })).rejects.toBeInstanceOf(IngestInputError);
    expect([await db.article.count(), await db.paste.count(), await db.ingestRun.count()]).toEqual([0, 0, 0]);
  });

  it("is refused by `npm run ingest` with one line and exit code 1", { timeout: 300_000 }, async () => {
    const file = path.join(work, "archive.bin");
    await writeFile(file, binaryWithoutNul(48_000));
    const result = await runIngest(database.url, file);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
    expect(lines).toEqual([expect.stringMatching(/^error: the text is not readable text .*binary file/)]);
    expect(await db.article.count()).toBe(0);
  });
});
