// An embedded data directory may be opened by one process only: two PGlite instances on the same
// files lose writes. `<dataDir>.lock` names the process that has it open and, once that process
// serves it over the wire protocol, its address, so that other processes join instead of opening.
import { randomBytes } from "node:crypto";
import { link, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";

/** "server": a long-lived `npm start`; "command": a CLI run that ends when its work is done. */
export type TLockRole = "server" | "command";

const ZLockHolder = z.object({
  pid: z.number().int().positive(),
  role: z.enum(["server", "command"]),
  url: z.string().nullable(),
});
export type TLockHolder = z.infer<typeof ZLockHolder>;

export type TDataDirLock = {
  file: string;
  /** Tells waiting processes where to join. */
  publish(url: string): Promise<void>;
  release(): Promise<void>;
};

export function lockFileOf(dataDir: string): string {
  return `${dataDir.replace(/\/+$/, "")}.lock`;
}

/** True while a process with this id exists (EPERM: it exists but belongs to another user). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// The content is written to a private file first and hard-linked into place: link() fails if the
// lock exists, so taking it is atomic and a reader never sees a half-written lock.
async function createExclusively(file: string, holder: TLockHolder): Promise<boolean> {
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(draft, JSON.stringify(holder));
  try {
    await link(draft, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    await rm(draft, { force: true });
  }
}

/** The process holding the lock, or null if there is none (or it vanished while being read). */
export async function readLockHolder(file: string): Promise<TLockHolder | null> {
  try {
    const parsed = ZLockHolder.safeParse(JSON.parse(await readFile(file, "utf8")));
    if (!parsed.success) throw new Error(`${file} is not a Counterpoint lock file: delete it if no Counterpoint process is running`);
    return parsed.data;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}

/** Takes the lock, or returns null if another process holds it. */
export async function tryLockDataDir(dataDir: string, role: TLockRole): Promise<TDataDirLock | null> {
  const file = lockFileOf(dataDir);
  const holder: TLockHolder = { pid: process.pid, role, url: null };
  if (!(await createExclusively(file, holder))) return null;
  return {
    file,
    async publish(url) {
      const draft = `${file}.${process.pid}.publish`;
      await writeFile(draft, JSON.stringify({ ...holder, url }));
      await rename(draft, file);
    },
    async release() {
      if ((await readLockHolder(file))?.pid === process.pid) await rm(file, { force: true });
    },
  };
}

/**
 * Removes a lock left by a process that no longer exists. Breakers take `<lock>.break` first: two
 * processes that both saw the same stale lock must not remove it one after the other, the second
 * removing the fresh lock the first has taken meanwhile.
 */
export async function breakStaleLock(dataDir: string, stale: TLockHolder): Promise<void> {
  const file = lockFileOf(dataDir);
  const breaker = `${file}.break`;
  if (!(await createExclusively(breaker, { pid: process.pid, role: "command", url: null }))) {
    const other = await readLockHolder(breaker).catch(() => null);
    // A breaker that died in the middle of breaking leaves its file behind.
    if (other && !isProcessAlive(other.pid)) await rm(breaker, { force: true });
    return;
  }
  try {
    const current = await readLockHolder(file);
    if (current && current.pid === stale.pid && !isProcessAlive(current.pid)) await rm(file, { force: true });
  } finally {
    await rm(breaker, { force: true });
  }
}
