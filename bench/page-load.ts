// Drives the built app under load with autocannon over loopback: a page measured warm (its few URLs
// asked again and again, at high concurrency) and cold (a distinct URL for every request, at low
// concurrency), with the server's resident memory sampled throughout.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import autocannon, { type TAutocannonRequest } from "autocannon";
import type { TScenario } from "./page-scenarios";

export type TCacheSide = "warm" | "cold";
export type TPageResult = {
  name: string;
  articles: number;
  rps: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  errors: number;
  cache: TCacheSide;
  concurrency: number;
};
export type TServer = { child: ChildProcess; base: string; stop(): Promise<void> };

export const CONCURRENCY: Record<TCacheSide, number> = { warm: 16, cold: 4 };
// A run lasts LOAD_SECONDS, longer if fewer than MIN_SAMPLES responses came back by then (a slow or
// busy machine), but never past MAX_SECONDS: percentiles of two or three responses mean nothing.
const LOAD_SECONDS = 7;
const MIN_SAMPLES = 20;
const MAX_SECONDS = 60;

const round = (value: number, digits = 1) => Number(value.toFixed(digits));

export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))] ?? 0;
}

export async function startServer(nextBin: string, cwd: string, databaseUrl: string, port: number): Promise<TServer> {
  const child = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", PUBLIC_URL: `http://127.0.0.1:${port}` },
  });
  const base = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
      if (child.exitCode === null) process.kill(-child.pid, "SIGKILL");
    }
  };
  for (let attempt = 0; attempt < 120; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${base}/`);
      await response.arrayBuffer();
      if (response.ok) return { child, base, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  await stop();
  throw new Error("next start did not answer within 60 s");
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // exited meanwhile
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // exited meanwhile
    }
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

type TFired = { latencies: number[]; rps: number; errors: number; requested: number };

/**
 * Warm: every connection cycles through `paths`. Cold: each request takes the next unused path,
 * and the run ends early once every path was asked for (a repeat could be a cache hit).
 */
function fire(base: string, paths: string[], cache: TCacheSide): Promise<TFired> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let bad = 0;
    let next = 0;
    let timeUp = false;
    let stopped = false;
    const requests =
      cache === "warm"
        ? paths.map((p) => ({ method: "GET", path: p }))
        : [{ method: "GET", path: paths[0] ?? "/", setupRequest: (request: TAutocannonRequest) => ({ ...request, path: paths[next++] ?? paths[0] ?? "/" }) }];
    const instance = autocannon(
      { url: base, connections: CONCURRENCY[cache], duration: MAX_SECONDS, timeout: 30, requests },
      (error, result) => {
        stopped = true;
        if (error) reject(error);
        else resolve({ latencies, rps: result.requests.total / (result.duration || MAX_SECONDS), errors: result.errors + result.timeouts + bad, requested: next });
      },
    );
    const stop = () => {
      if (stopped) return;
      stopped = true;
      instance.stop();
    };
    setTimeout(() => {
      timeUp = true;
      if (latencies.length >= MIN_SAMPLES) stop();
    }, LOAD_SECONDS * 1000);
    instance.on("response", (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      if (statusCode >= 400) bad += 1;
      if ((timeUp && latencies.length >= MIN_SAMPLES) || (cache === "cold" && next >= paths.length)) stop();
    });
  });
}

export async function measurePage(
  server: TServer,
  scenario: TScenario,
  cache: TCacheSide,
  articles: number,
  peak: { bytes: number },
  log: (message: string) => void,
): Promise<TPageResult> {
  const paths = cache === "warm" ? scenario.warm : scenario.cold;
  // Warm-up: each URL once, in turn (a timed burst would leave abandoned renders running into the measurement).
  if (cache === "warm") for (const p of paths) await (await fetch(`${server.base}${p}`)).arrayBuffer();
  const sampler = setInterval(() => {
    if (server.child.pid) peak.bytes = Math.max(peak.bytes, treeRss(server.child.pid));
  }, 250);
  try {
    const { latencies, rps, errors, requested } = await fire(server.base, paths, cache);
    const result: TPageResult = {
      name: scenario.name,
      articles,
      rps: round(rps),
      p50_ms: round(percentile(latencies, 0.5)),
      p95_ms: round(percentile(latencies, 0.95)),
      p99_ms: round(percentile(latencies, 0.99)),
      errors,
      cache,
      concurrency: CONCURRENCY[cache],
    };
    const exhausted = cache === "cold" && requested >= paths.length ? ` (all ${paths.length} distinct URLs used)` : "";
    log(`${scenario.name} ${cache} c=${result.concurrency} @ ${articles}: ${result.rps} req/s, p50 ${result.p50_ms} ms, p95 ${result.p95_ms} ms, p99 ${result.p99_ms} ms${errors ? `, ${errors} errors` : ""}${exhausted}`);
    return result;
  } finally {
    clearInterval(sampler);
  }
}
