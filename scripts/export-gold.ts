// `npm run export:gold -- --reviewed [--out DIR]`: writes every reviewed article as gold annotation
// (DIR/<name>.json, the format of tests/fixtures/extract/client-examples/) with its text beside it
// (DIR/articles/<name>.txt), so `score.mjs gold --gold DIR --texts DIR` reads them as they are.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { openDatabaseForScript } from "@/lib/db/prepare-database";
import { createPrismaClient } from "@/lib/db/client";
import { exportReviewedGold } from "@/lib/review/export-gold";
import { runScript } from "./run-script";

const USAGE = "usage: npm run export:gold -- --reviewed [--out DIR]";

function parseArgs(argv: readonly string[]): { out: string } {
  let out = "gold-export";
  let reviewed = false;
  for (let i = 0; i < argv.length; i += 1) {
    const [flag, inline] = (argv[i] ?? "").split(/=(.*)/s, 2);
    if (flag === "--reviewed") reviewed = true;
    else if (flag === "--out") out = inline ?? argv[(i += 1)] ?? "";
    else throw new Error(`unexpected argument ${argv[i]}; ${USAGE}`);
  }
  // Only reviewed articles are gold; the flag says so at the call site, and leaves room for other selections.
  if (!reviewed) throw new Error(`say which articles: --reviewed; ${USAGE}`);
  if (!out) throw new Error(`--out needs a folder; ${USAGE}`);
  return { out };
}

runScript(async () => {
  const { out } = parseArgs(process.argv.slice(2));
  const env = parseEnv();
  const database = await openDatabaseForScript({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  const db = createPrismaClient(database.url, 2);
  try {
    const { files, problems } = await exportReviewedGold(db);
    await mkdir(path.join(out, "articles"), { recursive: true });
    for (const file of files) {
      await writeFile(path.join(out, `${file.name}.json`), `${JSON.stringify(file.gold, null, 2)}\n`);
      await writeFile(path.join(out, file.gold.input), file.text);
      const counts = file.gold.documents.reduce((sum, doc) => ({ statements: sum.statements + doc.statements.length, pairs: sum.pairs + doc.pairs.length }), { statements: 0, pairs: 0 });
      console.log(`wrote ${path.join(out, `${file.name}.json`)} (${file.gold.documents.length} documents, ${counts.statements} statements, ${counts.pairs} pairs)`);
    }
    for (const problem of problems) console.log(`left out: ${problem}`);
    console.log(`export:gold: ${files.length} files in ${out}`);
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
});
