// One heavy-work thread: runs each task it is sent and posts back its result or its error.
import { parentPort } from "node:worker_threads";
import { runHeavyTask, type THeavyTask } from "@/lib/ingest/heavy-work/tasks";

export type TWorkerReply =
  | { ready: true }
  | { ok: true; result: unknown }
  | { ok: false; error: { name: string; message: string } };

parentPort?.on("message", (task: THeavyTask) => {
  let reply: TWorkerReply;
  try {
    reply = { ok: true, result: runHeavyTask(task) };
  } catch (error) {
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    reply = { ok: false, error: { name, message } };
  }
  parentPort?.postMessage(reply);
});
// Loading (and, under tsx, compiling) takes seconds on a busy machine: items' budgets start after it.
parentPort?.postMessage({ ready: true } satisfies TWorkerReply);
