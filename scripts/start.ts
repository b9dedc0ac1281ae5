// `npm start`: the zero-setup entry point. Validates the environment, starts the embedded
// database when DATABASE_URL is unset, applies migrations, loads the example articles into an
// empty database, builds the app if no build exists, then serves it with `next start`.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { prepareDatabase } from "@/lib/db/prepare-database";
import { getPrisma } from "@/lib/db/client";
import { runBackgroundJobs } from "@/lib/ingest/background-jobs";
import { markInterruptedRuns } from "@/lib/ingest/runs";
import { seedExamplesIfEmpty } from "@/lib/ingest/seed-examples";
import { countArticlesFromOlderEngines, olderEngineNotice } from "@/lib/queries/engine-status";
import { runScript } from "./run-script";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function runNext(args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [nextBin, ...args], { cwd: root, env, stdio: "inherit" });
}

function waitForExit(child: ChildProcess): Promise<number> {
  return new Promise((resolve) => child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0))));
}

runScript(async () => {
  const dev = process.argv.includes("--dev");
  const env = parseEnv();
  const database = await prepareDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, role: "server" });
  const where = database.embedded ? `embedded PostgreSQL (data in ${env.PGLITE_DATA_DIR})` : "DATABASE_URL";
  console.log(`counterpoint: database ready on ${where}${database.applied.length ? `, applied ${database.applied.join(", ")}` : ""}`);

  process.env.DATABASE_URL = database.url;
  const interrupted = await markInterruptedRuns(getPrisma());
  if (interrupted > 0) console.log(`counterpoint: marked ${interrupted} ingest run(s) left running by a stopped process as interrupted`);
  await seedExamplesIfEmpty(env);
  const stale = olderEngineNotice(await countArticlesFromOlderEngines(getPrisma()));
  if (stale) console.log(`counterpoint: ${stale}`);

  const childEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  const stopJobs = await runBackgroundJobs(env);

  if (!dev && !existsSync(path.join(root, ".next", "BUILD_ID"))) {
    console.log("counterpoint: no build found, running `next build` once (about a minute)…");
    const code = await waitForExit(runNext(["build"], childEnv));
    if (code !== 0) throw new Error(`next build failed with exit code ${code}`);
  }

  const server = runNext([dev ? "dev" : "start", "--port", String(env.PORT)], childEnv);
  const shutdown = () => server.kill("SIGTERM");
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const code = await waitForExit(server);
  await stopJobs();
  await database.embedded?.stop();
  if (code !== 0 && code !== 143) throw new Error(`next exited with code ${code}`);
});
