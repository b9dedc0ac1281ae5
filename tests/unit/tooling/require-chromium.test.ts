// `npm test` / `npm run test:e2e` on a machine without Chromium: one line saying how to install
// it, before any build or browser test runs.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../../..");

function runE2e(chromium: string) {
  return spawnSync("npm", ["run", "--silent", "test:e2e"], {
    cwd: root,
    env: { ...process.env, CHROMIUM_PATH: chromium, npm_config_loglevel: "silent" },
    encoding: "utf8",
  });
}

describe("the browser tests without Chromium", { timeout: 120_000 }, () => {
  it("stop at once with one line naming the path and the install command", () => {
    const result = runE2e(path.join(root, "no-such-dir", "chromium"));
    expect(result.status).toBe(1);
    const lines = result.stderr.trim().split("\n").filter((line) => line.trim() !== "" && !line.includes("nodedir"));
    expect(lines).toEqual([expect.stringContaining("apt-get install -y chromium")]);
    expect(lines[0]).toContain(path.join(root, "no-such-dir", "chromium"));
    expect(result.stdout).not.toContain("next build");
  });
});
