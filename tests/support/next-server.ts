// The production server (`next build` once, then `next start` on a free port) against a test
// database, for tests of what only the real server does: the proxy's status codes, the cache,
// server actions posted as plain forms.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");
const nextBin = path.join(root, "node_modules/next/dist/bin/next");
// Only so a server that never answers fails the test instead of hanging it.
const GIVE_UP_AFTER_MS = 120_000;

export type TNextServer = { base: string; stop(): Promise<void> };

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export async function startNextServer(databaseUrl: string, env: Record<string, string> = {}): Promise<TNextServer> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID"))) {
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error(`next build failed:\n${build.stderr}`);
  }
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server: ChildProcess = spawn(process.execPath, [nextBin, "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, NEXT_TELEMETRY_DISABLED: "1", POLL_INTERVAL_MINUTES: "0", ...env },
    stdio: "ignore",
  });
  const giveUpAt = Date.now() + GIVE_UP_AFTER_MS;
  for (;;) {
    if (await fetch(base).then((response) => response.ok, () => false)) break;
    if (Date.now() > giveUpAt || server.exitCode !== null) {
      server.kill("SIGTERM");
      throw new Error("next start did not answer");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    base,
    async stop() {
      if (server.exitCode !== null) return;
      const exited = new Promise((resolve) => server.once("exit", resolve));
      server.kill("SIGTERM");
      await exited;
    },
  };
}

/** The id Next gave the server action of the page's form that has a field named `field`. */
export function actionIdOfForm(html: string, field: string): string {
  const form = html.split("<form").find((part) => part.includes(`name="${field}"`));
  const id = form ? /name="\$ACTION_ID_([0-9a-f]+)"/.exec(form)?.[1] : undefined;
  if (!id) throw new Error(`no server-action form with a "${field}" field on the page`);
  return id;
}

/** Posts a server action's form as a browser without JavaScript does; the answer is not followed. */
export function postActionForm(base: string, pathname: string, actionId: string, fields: Record<string, string>, cookie = ""): Promise<Response> {
  const form = new FormData();
  form.set(`$ACTION_ID_${actionId}`, "");
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  return fetch(`${base}${pathname}`, { method: "POST", body: form, redirect: "manual", headers: cookie ? { cookie } : {} });
}

/** Signs in through the admin page's form; resolves to the Cookie header of the session. */
export async function signInAsAdmin(base: string, token: string): Promise<string> {
  const page = await (await fetch(`${base}/admin`)).text();
  const response = await postActionForm(base, "/admin", actionIdOfForm(page, "token"), { token, name: "Desk Editor" });
  const session = response.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "").find((pair) => pair.startsWith("counterpoint_admin="));
  if (!session) throw new Error(`signing in failed: ${response.status} ${response.headers.get("location")}`);
  return session;
}
