// A small, bounded pool of worker threads for the heavy ingestion steps, so the server's own
// thread keeps answering requests. Each item has a time and size budget: an item over its time
// budget has its thread terminated (and replaced) and fails with a reason the run records.
import path from "node:path";
import { Worker } from "node:worker_threads";
import { TASK_LABELS, taskInputLength, type THeavyResult, type THeavyTask } from "@/lib/ingest/heavy-work/tasks";
import type { TWorkerReply } from "@/lib/ingest/heavy-work/worker";

export class HeavyWorkError extends Error {
  override name = "HeavyWorkError";
}

export type TPoolLimits = {
  threads: number;
  timeBudgetMs: number;
  /** Longest input (in characters) an item may have. */
  maxInputChars: number;
  /** Items that may wait for a thread; more are refused at once rather than queued forever. */
  maxQueued: number;
};

// next start bundles server code, so the entry is found from the project root, not this module's URL.
const WORKER_ENTRY = path.join(process.cwd(), "lib", "ingest", "heavy-work", "worker-entry.mjs");
// A runaway item runs its own thread out of memory, not the server.
const WORKER_HEAP_MB = 1024;

type TJob = { task: THeavyTask; resolve: (value: unknown) => void; reject: (error: Error) => void };
type TSlot = { worker: Worker | null; ready: boolean; job: TJob | null; timer: NodeJS.Timeout | null };

function megabytes(chars: number): string {
  return `${(chars / 1_000_000).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;
}

export class HeavyWorkPool {
  private readonly slots: TSlot[];
  private readonly queue: TJob[] = [];
  private closed = false;

  constructor(
    readonly limits: TPoolLimits,
    private readonly entry: string = WORKER_ENTRY,
  ) {
    this.slots = Array.from({ length: Math.max(1, limits.threads) }, () => ({ worker: null, ready: false, job: null, timer: null }));
  }

  run<T extends THeavyTask>(task: T): Promise<THeavyResult<T>> {
    const label = TASK_LABELS[task.kind];
    if (this.closed) return Promise.reject(new HeavyWorkError(`${label} skipped: the server is shutting down`));
    const length = taskInputLength(task);
    if (length > this.limits.maxInputChars) {
      return Promise.reject(new HeavyWorkError(`${label} skipped: the input is ${megabytes(length)}, over the ${megabytes(this.limits.maxInputChars)} limit`));
    }
    if (this.queue.length >= this.limits.maxQueued) {
      return Promise.reject(new HeavyWorkError(`${label} skipped: ${this.queue.length} items are already waiting; try again later`));
    }
    return new Promise<THeavyResult<T>>((resolve, reject) => {
      this.queue.push({ task, resolve: resolve as (value: unknown) => void, reject });
      this.dispatch();
    });
  }

  /** Ends every thread; queued and running items fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new HeavyWorkError(`${TASK_LABELS[job.task.kind]} skipped: the server is shutting down`));
    await Promise.all(this.slots.map((slot) => this.fail(slot, new HeavyWorkError("the server is shutting down"))));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.job) continue;
      const job = this.queue.shift();
      if (!job) return;
      this.start(slot, job);
    }
  }

  private start(slot: TSlot, job: TJob): void {
    const worker = slot.worker ?? this.spawn(slot);
    slot.job = job;
    worker.postMessage(job.task);
    if (slot.ready) this.startClock(slot, job);
  }

  /** The item's time budget, counted from when its thread can start on it. */
  private startClock(slot: TSlot, job: TJob): void {
    const seconds = Math.round(this.limits.timeBudgetMs / 100) / 10;
    slot.timer = setTimeout(() => {
      void this.fail(slot, new HeavyWorkError(`${TASK_LABELS[job.task.kind]} took longer than ${seconds} s; skipped`));
    }, this.limits.timeBudgetMs);
  }

  private spawn(slot: TSlot): Worker {
    const worker = new Worker(this.entry, { resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    // Idle threads must not keep a command-line process alive; a running item's timer does.
    worker.unref();
    worker.on("message", (reply: TWorkerReply) => {
      const job = slot.job;
      if (slot.worker !== worker) return;
      if ("ready" in reply) {
        slot.ready = true;
        if (job) this.startClock(slot, job);
        return;
      }
      if (!job) return;
      this.settle(slot);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
      this.dispatch();
    });
    const lost = (reason: string) => {
      if (slot.worker !== worker) return;
      const job = slot.job;
      slot.worker = null;
      this.settle(slot);
      job?.reject(new HeavyWorkError(`${job ? TASK_LABELS[job.task.kind] : "work"} failed: ${reason}`));
      this.dispatch();
    };
    worker.on("error", (error) => lost(error.message));
    worker.on("exit", (code) => lost(`its thread stopped (exit code ${code})`));
    slot.worker = worker;
    slot.ready = false;
    return worker;
  }

  private settle(slot: TSlot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.job = null;
  }

  /** Fails the slot's item and terminates its thread; the next item gets a fresh one. */
  private async fail(slot: TSlot, error: Error): Promise<void> {
    const { worker, job } = slot;
    slot.worker = null;
    this.settle(slot);
    job?.reject(error);
    this.dispatch();
    if (worker) await worker.terminate();
  }
}
