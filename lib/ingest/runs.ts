// Ingest runs and their per-item outcomes: what the admin page shows, and what proves that one
// failed item did not take its batch down.
import { hostname } from "node:os";
import { isProcessAlive } from "@/lib/db/data-dir-lock";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TRunSource = "feed" | "url" | "paste" | "seed";
export type TItemOutcome = "new" | "duplicate" | "updated" | "failed";
export type TRunItem = { position: number; url: string | null; title: string | null; outcome: TItemOutcome; reason: string | null; articleId: number | null };
export type TRunSummary = { runId: number; status: "succeeded" | "partial" | "failed"; error: string | null; items: TRunItem[] };

export class IngestRun {
  readonly items: TRunItem[] = [];

  private constructor(
    private readonly db: PrismaClient,
    readonly id: number,
  ) {}

  static async start(db: PrismaClient, source: TRunSource, input: string, feedId: number | null = null): Promise<IngestRun> {
    const run = await db.ingestRun.create({
      data: { source, input: input.slice(0, 2000), feedId, runnerHost: hostname(), runnerPid: process.pid },
      select: { id: true },
    });
    return new IngestRun(db, run.id);
  }

  async record(item: Omit<TRunItem, "position">): Promise<TRunItem> {
    const entry = { ...item, position: this.items.length, reason: item.reason?.slice(0, 1000) ?? null, title: item.title?.slice(0, 500) ?? null };
    this.items.push(entry);
    await this.db.ingestItem.create({ data: { runId: this.id, ...entry } });
    return entry;
  }

  /** Closes the run; `error` is a failure of the whole run (e.g. the feed could not be fetched). */
  async finish(error: string | null = null): Promise<TRunSummary> {
    const failed = this.items.filter((item) => item.outcome === "failed").length;
    const status = error !== null || (failed > 0 && failed === this.items.length) ? "failed" : failed > 0 ? "partial" : "succeeded";
    await this.db.ingestRun.update({ where: { id: this.id }, data: { status, error: error?.slice(0, 2000) ?? null, finishedAt: new Date() } });
    return { runId: this.id, status, error, items: this.items };
  }
}

/**
 * At start-up: runs this machine left "running" whose process is gone (or whose process id is now
 * ours, from before a restart) become "interrupted" with the reason. Runs of other machines are
 * theirs to repair. Returns how many were marked.
 */
export async function markInterruptedRuns(db: PrismaClient): Promise<number> {
  const host = hostname();
  const running = await db.ingestRun.findMany({ where: { status: "running", runnerHost: host }, select: { id: true, runnerPid: true } });
  const abandoned = running.filter((run) => run.runnerPid === null || run.runnerPid === process.pid || !isProcessAlive(run.runnerPid));
  for (const run of abandoned) {
    await db.ingestRun.updateMany({
      where: { id: run.id, status: "running" },
      data: {
        status: "interrupted",
        error: `interrupted: the process running it (${host}, pid ${run.runnerPid ?? "unknown"}) stopped before it finished`,
        finishedAt: new Date(),
      },
    });
  }
  return abandoned.length;
}

/** A message safe to store and show: first line, no stack. */
export function describeError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return (message.split("\n").find((line) => line.trim() !== "") ?? "unknown error").trim().slice(0, 500);
}
