// Reviewed articles as gold annotation (the format of tests/fixtures/extract/client-examples/*.json):
// one file per input text — an article alone, or a whole paste once every article of it is
// reviewed — with each statement keyed by a short excerpt that occurs once in that text.
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type TGoldStatement = { key: string; speaker: string; mode: string; excerpt: string; cue?: string };
export type TGoldDocument = {
  kind: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  speakers: { name: string; role: string | null; country: string | null; kind: string }[];
  statements: TGoldStatement[];
  pairs: { claim: string; response: string; relation: string }[];
  countries: string[];
};
export type TGoldFile = { input: string; note: string; documents: TGoldDocument[]; not_statements: string[] };
export type TGoldExport = { name: string; text: string; gold: TGoldFile };

const MAX_EXCERPT_WORDS = 25;
const MIN_EXCERPT_WORDS = 4;

function occurrences(text: string, words: string): number {
  let count = 0;
  for (let at = text.indexOf(words); at !== -1 && count < 2; at = text.indexOf(words, at + 1)) count += 1;
  return count;
}

/**
 * The statement's own words when they are short and unique in `text`; else the first window of
 * 25 down to 4 words that is. Null when no window is unique (the statement repeats verbatim).
 */
export function chooseExcerpt(statement: string, text: string): string | null {
  const trimmed = statement.trim();
  const words = [...trimmed.matchAll(/\S+/g)];
  if (words.length <= MAX_EXCERPT_WORDS && occurrences(text, trimmed) === 1) return trimmed;
  for (let size = Math.min(MAX_EXCERPT_WORDS, words.length); size >= MIN_EXCERPT_WORDS; size -= 1) {
    for (let first = 0; first + size <= words.length; first += 1) {
      const start = words[first]!.index;
      const last = words[first + size - 1]!;
      const excerpt = trimmed.slice(start, last.index + last[0].length);
      if (occurrences(text, excerpt) === 1) return excerpt;
    }
  }
  return null;
}

const articleSelect = {
  id: true, slug: true, title: true, kind: true, author: true, text: true, pasteId: true, pastePosition: true, reviewState: true, hiddenAt: true,
  outlet: { select: { name: true } },
  countries: { select: { code: true }, orderBy: { code: "asc" } },
  statements: {
    orderBy: { start: "asc" as const },
    select: {
      id: true, text: true, mode: true, cueText: true,
      speaker: { select: { name: true, role: true, country: true, kind: true } },
      claimOf: { select: { relation: true, responseId: true } },
    },
  },
} as const;

type TExportArticle = Awaited<ReturnType<typeof loadReviewedGroups>>[number]["articles"][number];

/** Reviewed, shown articles grouped by their input text; a paste only when all its articles are reviewed. */
async function loadReviewedGroups(db: PrismaClient) {
  const reviewed = await db.article.findMany({ where: { reviewState: "reviewed", hiddenAt: null }, orderBy: { id: "asc" }, select: articleSelect });
  const pasteIds = [...new Set(reviewed.flatMap((article) => (article.pasteId === null ? [] : [article.pasteId])))];
  const pastes = await db.paste.findMany({
    where: { id: { in: pasteIds } },
    select: { id: true, text: true, articles: { where: { hiddenAt: null }, orderBy: [{ pastePosition: "asc" }, { id: "asc" }], select: { id: true, reviewState: true, slug: true } } },
  });
  const groups: { name: string; text: string; articles: typeof reviewed }[] = [];
  const skipped: string[] = [];
  for (const article of reviewed.filter((row) => row.pasteId === null)) groups.push({ name: article.slug, text: article.text, articles: [article] });
  for (const paste of pastes) {
    const members = paste.articles.map((member) => reviewed.find((row) => row.id === member.id));
    if (members.some((member) => member === undefined) || paste.text === null) {
      skipped.push(...paste.articles.filter((member) => member.reviewState === "reviewed").map((member) => member.slug));
      continue;
    }
    groups.push({ name: members[0]!.slug, text: paste.text, articles: members as typeof reviewed });
  }
  return Object.assign(groups, { skipped });
}

function toDocument(article: TExportArticle, text: string, keys: Map<number, string>, nextKey: () => string, problems: string[]): TGoldDocument {
  const speakers = new Map<string, TGoldDocument["speakers"][number]>();
  const statements: TGoldStatement[] = [];
  for (const statement of article.statements) {
    if (!statement.speaker) {
      problems.push(`${article.slug}: “${statement.text.slice(0, 50)}” has no speaker; left out`);
      continue;
    }
    const excerpt = chooseExcerpt(statement.text, text);
    if (!excerpt) {
      problems.push(`${article.slug}: “${statement.text.slice(0, 50)}” repeats verbatim; left out`);
      continue;
    }
    const key = nextKey();
    keys.set(statement.id, key);
    speakers.set(statement.speaker.name, { name: statement.speaker.name, role: statement.speaker.role, country: statement.speaker.country, kind: statement.speaker.kind });
    statements.push({ key, speaker: statement.speaker.name, mode: statement.mode, excerpt, ...(statement.cueText ? { cue: statement.cueText } : {}) });
  }
  return {
    kind: article.kind,
    title: article.kind === "comment" ? null : article.title,
    outlet: article.outlet?.name ?? null,
    author: article.author,
    speakers: [...speakers.values()],
    statements,
    pairs: [],
    countries: article.countries.map((country) => country.code.trim()),
  };
}

/** Every reviewed article as gold, plus the lines that say what was left out and why. */
export async function exportReviewedGold(db: PrismaClient): Promise<{ files: TGoldExport[]; problems: string[] }> {
  const groups = await loadReviewedGroups(db);
  const problems = groups.skipped.map((slug) => `${slug}: other articles of its paste are not reviewed yet; left out`);
  const rejected = await db.correction.findMany({
    where: { kind: "statement_reject", status: "applied", articleId: { in: groups.flatMap((group) => group.articles.map((article) => article.id)) } },
    select: { articleId: true, target: true },
  });
  const files = groups.map((group): TGoldExport => {
    const keys = new Map<number, string>();
    let counter = 0;
    const nextKey = () => `s${(counter += 1)}`;
    const documents = group.articles.map((article) => toDocument(article, group.text, keys, nextKey, problems));
    for (const statement of group.articles.flatMap((article) => article.statements)) {
      for (const pair of statement.claimOf) {
        const claim = keys.get(statement.id);
        const response = keys.get(pair.responseId);
        // The pair goes with its response's document; one whose response is in another file is left out.
        const owner = group.articles.findIndex((other) => other.statements.some((row) => row.id === pair.responseId));
        if (claim && response && owner !== -1) documents[owner]!.pairs.push({ claim, response, relation: pair.relation });
      }
    }
    const ids = new Set(group.articles.map((article) => article.id));
    const notStatements = rejected.flatMap((row) => {
      const quote = (row.target as { anchor?: { quote?: unknown } } | null)?.anchor?.quote;
      return row.articleId !== null && ids.has(row.articleId) && typeof quote === "string" ? [quote] : [];
    });
    return {
      name: group.name,
      text: group.text,
      gold: {
        input: `articles/${group.name}.txt`,
        note: `Exported from Counterpoint's reviewed articles (${group.articles.map((article) => article.slug).join(", ")}).`,
        documents,
        not_statements: [...new Set(notStatements)],
      },
    };
  });
  return { files, problems };
}
