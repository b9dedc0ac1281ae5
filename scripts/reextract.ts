// `npm run reextract [-- --since DATE] [--all]`: runs the current extraction engine over stored
// articles an older engine extracted (with --all, over every article), one transaction per article.
// Prints one line per article; exits non-zero when any article failed (the others are kept).
import { z } from "zod";
import { parseEnv } from "@/lib/env";
import { openDatabaseForScript } from "@/lib/db/prepare-database";
import { createPrismaClient } from "@/lib/db/client";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";
import { reextractArticles, type TReextractProgress, type TReextractSelection } from "@/lib/ingest/reextract";
import { runScript } from "./run-script";

const USAGE = "usage: npm run reextract [-- --since YYYY-MM-DD] [--all]";

const ZSince = z.iso.date().or(z.iso.datetime({ offset: true })).transform((value) => new Date(value));

function parseArgs(argv: readonly string[]): TReextractSelection {
  let since: Date | null = null;
  let all = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? "";
    const [flag, inline] = arg.split(/=(.*)/s, 2);
    if (flag === "--all") {
      all = true;
    } else if (flag === "--since") {
      const value = inline ?? argv[(i += 1)];
      const parsed = ZSince.safeParse(value);
      if (!parsed.success) throw new Error(`--since needs a date like 2026-11-01 (got ${value ?? "nothing"}); ${USAGE}`);
      since = parsed.data;
    } else {
      throw new Error(`unexpected argument ${arg}; ${USAGE}`);
    }
  }
  return { since, all };
}

function describe(progress: TReextractProgress): string {
  const at = `[${progress.index}/${progress.total}]`;
  if (progress.kind === "failed") return `${at} failed    #${progress.articleId} — ${progress.message}`;
  const { result } = progress;
  if (result.status === "current") return `${at} current   #${result.articleId} ${result.title}`;
  const change = `statements ${result.before.statements} → ${result.after.statements}, pairs ${result.before.pairs} → ${result.after.pairs}`;
  return `${at} rewritten #${result.articleId} ${result.title} (${change})`;
}

runScript(async () => {
  const selection = parseArgs(process.argv.slice(2));
  const env = parseEnv();
  const database = await openDatabaseForScript({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR });
  const db = createPrismaClient(database.url, 2);
  let failed = 0;
  try {
    const summary = await reextractArticles(db, selection, (progress) => console.log(describe(progress)));
    failed = summary.failed;
    const scope = selection.all ? "articles selected" : `articles from engines older than version ${EXTRACTOR_VERSION}`;
    console.log(`reextract: ${summary.total} ${scope}${selection.since ? ` since ${selection.since.toISOString().slice(0, 10)}` : ""}: ${summary.rewritten} rewritten, ${summary.current} already current, ${summary.failed} failed`);
  } finally {
    await db.$disconnect();
    await database.embedded?.stop();
  }
  if (failed > 0) throw new Error(`${failed} article(s) could not be re-extracted (see above); run again to retry them`);
});
