// A run whose process died (crash, kill -9) must not stay "running" forever: the next start-up on
// that machine marks it interrupted, with the reason, and leaves runs of live processes alone.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { hostname } from "node:os";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { IngestRun, markInterruptedRuns } from "@/lib/ingest/runs";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

function pidOfFinishedProcess(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

describe.each(testTargets)("runs left running on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let alive: ChildProcess;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
    alive = spawn(process.execPath, ["-e", "setInterval(() => undefined, 1000)"], { stdio: "ignore" });
  });

  afterAll(async () => {
    alive?.kill();
    await db?.$disconnect();
    await database?.drop();
  });

  it("a new run records which machine and process runs it", async () => {
    const run = await IngestRun.start(db, "paste", "a paste");
    expect(await db.ingestRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true, runnerHost: true, runnerPid: true } })).toEqual({
      status: "running",
      runnerHost: hostname(),
      runnerPid: process.pid,
    });
    await run.finish();
  });

  it("marks runs of dead processes interrupted, keeps live and other machines' runs running", async () => {
    const deadPid = pidOfFinishedProcess();
    const make = (input: string, runnerHost: string, runnerPid: number) =>
      db.ingestRun.create({ data: { source: "paste", input, runnerHost, runnerPid }, select: { id: true } });
    const crashed = await make("crashed", hostname(), deadPid);
    const live = await make("live", hostname(), alive.pid!);
    const elsewhere = await make("elsewhere", "another-machine.example", deadPid);
    const finished = await IngestRun.start(db, "paste", "finished");
    await finished.finish();

    expect(await markInterruptedRuns(db)).toBe(1);

    const rows = await db.ingestRun.findMany({ where: { id: { in: [crashed.id, live.id, elsewhere.id, finished.id] } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.input, row.status])).toEqual([
      ["crashed", "interrupted"],
      ["live", "running"],
      ["elsewhere", "running"],
      ["finished", "succeeded"],
    ]);
    expect(rows[0]?.error).toContain(`pid ${deadPid}`);
    expect(rows[0]?.finishedAt).toBeInstanceOf(Date);
    expect(await markInterruptedRuns(db)).toBe(0);
  });
});
