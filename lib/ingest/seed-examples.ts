// First start on an empty database: the client's two example pastes go through the real
// pipeline, so a new user sees a timeline at once. SEED_EXAMPLES=false turns it off.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { getPrisma } from "@/lib/db/client";
import type { TEnv } from "@/lib/env";
import { ingestPaste } from "@/lib/ingest/pipeline";

const EXAMPLES_DIR = path.resolve(import.meta.dirname, "../../prisma/seed-articles");

export async function seedExamplesIfEmpty(env: Pick<TEnv, "SEED_EXAMPLES">): Promise<number> {
  if (!env.SEED_EXAMPLES) return 0;
  const db = getPrisma();
  if ((await db.article.count()) > 0 || (await db.ingestRun.count({ where: { source: "seed" } })) > 0) return 0;
  const files = (await readdir(EXAMPLES_DIR)).filter((name) => name.endsWith(".txt")).sort();
  let stored = 0;
  for (const file of files) {
    const summary = await ingestPaste(db, await readFile(path.join(EXAMPLES_DIR, file), "utf8"), { label: `example: ${file}`, source: "seed" });
    stored += summary.items.filter((item) => item.outcome === "new").length;
  }
  console.log(`counterpoint: loaded ${stored} example articles from ${files.length} files`);
  return stored;
}
