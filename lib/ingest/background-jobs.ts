// Work the server process does on a schedule: polling the feeds that are due, one pass at a
// time. Disabled with POLL_INTERVAL_MINUTES=0. Stopping aborts the fetches in flight, so a
// shutdown never waits on a stalled feed.
import { getPrisma } from "@/lib/db/client";
import type { TEnv } from "@/lib/env";
import { pollDueFeeds } from "@/lib/ingest/poll-feed";
import { describeError } from "@/lib/ingest/runs";

// How often to look for due feeds; each feed's own nextPollAt decides whether it is polled.
const TICK_MS = 60_000;

export async function runBackgroundJobs(env: Pick<TEnv, "POLL_INTERVAL_MINUTES" | "INGEST_ALLOW_PRIVATE_HOSTS">): Promise<() => Promise<void>> {
  if (env.POLL_INTERVAL_MINUTES === 0) return async () => undefined;
  const stopping = new AbortController();
  let running: Promise<unknown> | null = null;
  const tick = () => {
    if (running || stopping.signal.aborted) return;
    running = pollDueFeeds(getPrisma(), {
      allowPrivateHosts: env.INGEST_ALLOW_PRIVATE_HOSTS,
      pollIntervalMs: env.POLL_INTERVAL_MINUTES * 60_000,
      fetch: { signal: stopping.signal },
    })
      .catch((error: unknown) => console.error(`counterpoint: feed polling failed: ${describeError(error)}`))
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(tick, TICK_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    stopping.abort(new Error("the server is shutting down"));
    await running;
  };
}
