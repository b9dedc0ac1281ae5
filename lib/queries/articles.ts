// One article for its permalink: text with statement offsets, pairs on both sides (the other
// side may live in another article), countries, and the rest of its story.
import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { articleTag, storyTag } from "@/lib/cache/content-tags";
import { countArticlesByQuoteKey, groupPairs, tagsOfStatements, toStatementView, type TPairGroup, type TSpeakerRef, statementSelect } from "@/lib/queries/article-cards";

export type THighlight = {
  id: number;
  start: number;
  end: number;
  mode: "direct" | "indirect" | "mixed";
  cue: string | null;
  speaker: TSpeakerRef | null;
  /** claim: has responses; response: answers a claim; plain: neither. */
  role: "claim" | "response" | "plain";
  /** When an editor last corrected it (null: as extracted). */
  correctedAt?: Date | null;
};

async function loadArticleBySlug(slug: string) {
  const db = getDb();
  const article = await db.article.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      description: true,
      kind: true,
      author: true,
      text: true,
      sourceUrl: true,
      canonicalUrl: true,
      textNote: true,
      publishedAt: true,
      ingestedAt: true,
      sortAt: true,
      reviewState: true,
      reviewedAt: true,
      hiddenAt: true,
      outlet: { select: { slug: true, name: true, domain: true } },
      story: { select: { id: true, slug: true, title: true } },
      countries: { select: { code: true, count: true }, orderBy: [{ count: "desc" }, { code: "asc" }] },
      statements: {
        orderBy: { start: "asc" },
        select: {
          ...statementSelect,
          end: true,
          correctedAt: true,
          claimOf: { select: { id: true, relation: true, correctedAt: true, response: { select: statementSelect } } },
          responseOf: { select: { id: true, relation: true, correctedAt: true, claim: { select: statementSelect } } },
        },
      },
    },
  });
  if (!article) return null;

  const quoteKeys = new Set<string>();
  for (const s of article.statements) {
    quoteKeys.add(s.quoteKey);
    for (const p of s.claimOf) quoteKeys.add(p.response.quoteKey);
    for (const p of s.responseOf) quoteKeys.add(p.claim.quoteKey);
  }
  const [seenIn, storyArticles] = await Promise.all([
    countArticlesByQuoteKey([...quoteKeys]),
    db.article.findMany({
      where: { storyId: article.story.id, id: { not: article.id }, hiddenAt: null },
      orderBy: [{ sortAt: "desc" }, { id: "desc" }],
      take: 20,
      select: { slug: true, title: true, publishedAt: true, ingestedAt: true, kind: true, author: true, outlet: { select: { name: true } } },
    }),
  ]);

  const groups = groupPairs(article.id, article.statements, seenIn);

  const highlights: THighlight[] = article.statements.map((s) => ({
    id: s.id,
    start: s.start,
    end: s.end,
    mode: s.mode,
    cue: s.cueText,
    speaker: s.speaker,
    role: s.claimOf.length > 0 ? "claim" : s.responseOf.length > 0 ? "response" : "plain",
    correctedAt: s.correctedAt,
  }));
  const corrected = [
    ...article.statements.map((s) => s.correctedAt),
    ...article.statements.flatMap((s) => [...s.claimOf, ...s.responseOf].map((pair) => pair.correctedAt)),
  ].filter((at): at is Date => at !== null);
  const speakers = new Map<string, TSpeakerRef>();
  for (const s of article.statements) if (s.speaker) speakers.set(s.speaker.slug, s.speaker);

  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    description: article.description,
    kind: article.kind,
    author: article.author,
    text: article.text,
    sourceUrl: article.canonicalUrl ?? article.sourceUrl,
    textNote: article.textNote,
    publishedAt: article.publishedAt,
    ingestedAt: article.ingestedAt,
    sortAt: article.sortAt,
    review: {
      state: article.reviewState,
      at: article.reviewedAt,
      hidden: article.hiddenAt !== null,
      correctedItems: corrected.length,
      lastCorrectedAt: corrected.reduce<Date | null>((latest, at) => (latest && latest > at ? latest : at), null),
    },
    outlet: article.outlet,
    story: article.story,
    countries: article.countries.map((c) => ({ code: c.code.trim(), count: c.count })),
    highlights,
    pairs: [...groups.values()],
    speakers: [...speakers.values()],
    statements: article.statements.map((s) => toStatementView(s, seenIn)),
    storyArticles,
    /** What this view shows, as cache tags (lib/cache/content-tags.ts). */
    cacheTags: [
      articleTag(article.id),
      storyTag(article.story.id),
      ...tagsOfStatements(article.statements.flatMap((s) => [s, ...s.claimOf.map((p) => p.response), ...s.responseOf.map((p) => p.claim)])),
    ],
  };
}

export const getArticleBySlug = cache(loadArticleBySlug);

export type TArticleDetail = NonNullable<Awaited<ReturnType<typeof getArticleBySlug>>>;

/** The headline, main claim and its first response, for share images and descriptions. */
export function summarizeForShare(article: TArticleDetail): {
  claim: { speaker: string; text: string } | null;
  response: { speaker: string; text: string; relation: string } | null;
} {
  // A rebuttal makes the most telling preview, so prefer a pair that has one.
  const rank = (g: TPairGroup) => (g.responses.some((r) => r.relation === "rebuts") ? 0 : 1) + (g.claim.article.slug === article.slug ? 0 : 2);
  const group = [...article.pairs].sort((a, b) => rank(a) - rank(b))[0];
  const first = group?.claim ?? article.statements[0];
  const reply = group?.responses.find((r) => r.relation === "rebuts") ?? group?.responses[0];
  return {
    claim: first ? { speaker: first.speaker?.name ?? "Unattributed", text: first.text } : null,
    response: reply
      ? { speaker: reply.statement.speaker?.name ?? "Unattributed", text: reply.statement.text, relation: reply.relation }
      : null,
  };
}
