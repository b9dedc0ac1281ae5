// End-to-end tests drive Debian's Chromium against the built app (`npm run build` first).
// Four servers, each on a fresh embedded database: one seeded with the example articles through
// the real pipeline (the dashboard), one empty (the admin page's paste flow), one that may fetch
// from loopback, where hostile pages served by the tests themselves are ingested, and a second
// seeded one that the editorial-review spec corrects.
import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./tests/support/chromium";

const DATA_DIR = "tests/e2e/.data";
export const ADMIN_TOKEN = "e2e-admin-token-0123456789";
// Ports can be moved (E2E_SEEDED_PORT, E2E_EMPTY_PORT, E2E_LOOPBACK_PORT, E2E_REVIEW_PORT) when 3100–3103 are taken.
const SEEDED_PORT = Number(process.env.E2E_SEEDED_PORT || 3100);
const EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT || 3101);
const LOOPBACK_PORT = Number(process.env.E2E_LOOPBACK_PORT || 3102);
const REVIEW_PORT = Number(process.env.E2E_REVIEW_PORT || 3103);
/** The server on an empty database, where tests write. */
export const EMPTY_BASE = `http://127.0.0.1:${EMPTY_PORT}`;
/** The server allowed to fetch private addresses, so it can ingest from the tests' own HTTP servers. */
export const LOOPBACK_BASE = `http://127.0.0.1:${LOOPBACK_PORT}`;
/** A second seeded server where the editorial-review spec changes data, so no other spec sees its corrections. */
export const REVIEW_BASE = `http://127.0.0.1:${REVIEW_PORT}`;

function server(port: number, name: string, seed: boolean, allowPrivateHosts = false) {
  const dataDir = `${DATA_DIR}/${name}`;
  return {
    command: `rm -rf ${dataDir} ${dataDir}.lock && node --import tsx scripts/start.ts`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    env: {
      PORT: String(port),
      PGLITE_DATA_DIR: dataDir,
      SEED_EXAMPLES: seed ? "true" : "false",
      ADMIN_TOKEN,
      POLL_INTERVAL_MINUTES: "0",
      DATABASE_URL: "",
      NEXT_TELEMETRY_DISABLED: "1",
      INGEST_ALLOW_PRIVATE_HOSTS: String(allowPrivateHosts),
    },
  };
}

export default defineConfig({
  testDir: "tests/e2e",
  outputDir: "test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${SEEDED_PORT}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [{ name: "chromium", use: { ...devices["Desktop Chrome"], channel: undefined } }],
  webServer: [server(SEEDED_PORT, "seeded", true), server(EMPTY_PORT, "empty", false), server(LOOPBACK_PORT, "loopback", false, true), server(REVIEW_PORT, "review", true)],
});
