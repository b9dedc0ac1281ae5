// Whether stored articles were extracted by an older engine: the admin page and the server's
// start-up log tell the operator to run `npm run reextract` (plain module: scripts use it too).
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { EXTRACTOR_VERSION } from "@/lib/extract/version";

export function countArticlesFromOlderEngines(db: PrismaClient): Promise<number> {
  return db.article.count({ where: { extractorVersion: { lt: EXTRACTOR_VERSION } } });
}

/** The sentence shown to the operator, or null when every article is current. */
export function olderEngineNotice(count: number): string | null {
  if (count === 0) return null;
  const articles = count === 1 ? "1 article was" : `${count.toLocaleString("en")} articles were`;
  return `${articles} extracted by an older engine (current version ${EXTRACTOR_VERSION}); run \`npm run reextract\` to update their statements, speakers and pairs.`;
}
