// Work the server process does on a schedule: polling feeds that are due. Disabled with
// POLL_INTERVAL_MINUTES=0.
import type { TEnv } from "@/lib/env";

export async function runBackgroundJobs(env: TEnv): Promise<() => Promise<void>> {
  if (env.POLL_INTERVAL_MINUTES === 0) return async () => undefined;
  return async () => undefined;
}
