// Runs before the browser tests: without Chromium they would fail after a full build with a
// wall of Playwright output, so say in one line what is missing and how to install it.
import { accessSync, constants } from "node:fs";
import { chromiumPath } from "../tests/support/chromium";

try {
  accessSync(chromiumPath, constants.X_OK);
} catch {
  console.error(`error: Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM_PATH)`);
  process.exit(1);
}
