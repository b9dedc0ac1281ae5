// End-to-end tests drive Debian's Chromium against the built app (`npm run build` first).
// Two servers, each on a fresh embedded database: one seeded with the example articles through
// the real pipeline (the dashboard), one empty (the admin page's paste flow).
import { defineConfig, devices } from "@playwright/test";
import { chromiumPath } from "./tests/support/chromium";

const DATA_DIR = "tests/e2e/.data";
export const ADMIN_TOKEN = "e2e-admin-token-0123456789";
// Ports can be moved (E2E_SEEDED_PORT, E2E_EMPTY_PORT) when 3100/3101 are taken.
const SEEDED_PORT = Number(process.env.E2E_SEEDED_PORT || 3100);
const EMPTY_PORT = Number(process.env.E2E_EMPTY_PORT || 3101);
/** The server on an empty database, where tests write. */
export const EMPTY_BASE = `http://127.0.0.1:${EMPTY_PORT}`;

function server(port: number, name: string, seed: boolean) {
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
  webServer: [server(SEEDED_PORT, "seeded", true), server(EMPTY_PORT, "empty", false)],
});
