// The dashboard's queries against a real database (PGlite, and PostgreSQL 15 when
// TEST_DATABASE_URL is set): filters, keyset pages, facets, permalinks, speaker and story views.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { testTargets } from "../support/test-database";
import { setUpDashboardDatabase } from "../support/dashboard-database";

const { listTimeline, listTimelineArticles } = await import("@/lib/queries/timeline");
const { listFacets } = await import("@/lib/queries/facets");
const { getArticleBySlug, summarizeForShare } = await import("@/lib/queries/articles");
const { getSpeakerBySlug } = await import("@/lib/queries/speakers");
const { getStoryBySlug } = await import("@/lib/queries/stories");
const { parseTimelineFilters } = await import("@/lib/filters");
const { listCardPairs } = await import("@/lib/queries/card-pairs");

const TREATY = "trump-calls-us-japan-security-treaty-unfair-says-japan-offers-no-protection";
const COMMENT = "ryuu96-comment-on-trump-casts-doubt-on-nato-solidarity";

const titlesOf = (page: Awaited<ReturnType<typeof listTimeline>>) => page.stories.flatMap((s) => s.articles.map((a) => a.slug));

describe.each(testTargets)("dashboard queries on %s", (target) => {
  const seeded = setUpDashboardDatabase(target);

  it("lists stories newest first with each article's claim → response pairs", async () => {
    const page = await listTimeline({});
    expect(page.stories.map((s) => s.slug)).toEqual(["trump-casts-doubt-on-nato-solidarity", "trump-criticizes-us-japan-security-treaty"]);
    const treaty = page.stories[1]?.articles.find((a) => a.slug === TREATY);
    const fortune = treaty?.pairs.find((g) => g.claim.text === "They make a fortune with us economically");
    expect(fortune?.claim.speaker?.name).toBe("Donald Trump");
    expect(fortune?.responses.map((r) => [r.relation, r.statement.speaker?.name])).toEqual([["rebuts", "Shigeru Ishiba"]]);
    expect(fortune?.claim.seenIn).toBe(2);
  });

  it("shows a response from another article (a comment rebutting a quoted politician) on the comment's card", async () => {
    const page = await listTimeline({});
    const comment = page.stories[0]?.articles.find((a) => a.slug === COMMENT);
    expect(comment?.pairs[0]?.claim.article.slug).toBe("trump-casts-doubt-on-nato-solidarity");
    expect(comment?.pairs[0]?.responses[0]?.statement.speaker?.name).toBe("Ryuu96");
  });

  it("filters by country (speaker's or mentioned), speaker, outlet, relation, dates and full text", async () => {
    expect(titlesOf(await listTimeline({ country: "JP" }))).toEqual([
      "trump-criticizes-security-treaty-with-japan-as-unequal",
      TREATY,
    ]);
    expect(titlesOf(await listTimeline({ country: "FR" }))).toEqual(["trump-casts-doubt-on-nato-solidarity"]);
    expect(titlesOf(await listTimeline({ speaker: "shigeru-ishiba" })).sort()).toEqual([TREATY, "trump-criticizes-security-treaty-with-japan-as-unequal"].sort());
    // Responses to Trump count as Trump's timeline: the comment carries no Trump statement of its own.
    expect(titlesOf(await listTimeline({ speaker: "donald-trump" }))).toContain(COMMENT);
    expect(titlesOf(await listTimeline({ outlet: "ap-news" }))).toEqual(["trump-casts-doubt-on-nato-solidarity"]);
    expect(titlesOf(await listTimeline({ relation: "supports" }))).toEqual([]);
    expect(titlesOf(await listTimeline({ relation: "responds" }))).toEqual([TREATY]);
    expect(titlesOf(await listTimeline({ from: "2025-03-07", to: "2025-03-07" }))).not.toContain("trump-casts-doubt-on-nato-solidarity");
    expect(titlesOf(await listTimeline({ q: "fortune economically" })).sort()).toEqual([TREATY, "trump-criticizes-security-treaty-with-japan-as-unequal"].sort());
    expect(titlesOf(await listTimeline({ q: "\"Article 5\" -fortune" }))).toContain(COMMENT);
    // English stemming: "protecting" finds the articles that say "protect".
    expect(titlesOf(await listTimeline({ q: "protecting" }))).toContain(TREATY);
  });

  it("pages with a keyset cursor: no story twice, none skipped, stable under equal timestamps", async () => {
    const at = new Date("2024-01-01T00:00:00Z");
    for (let n = 0; n < 23; n += 1) {
      const filler = await seeded.db.story.create({ data: { slug: `filler-${n}`, title: `Filler ${n}`, firstAt: at, latestAt: at } });
      await seeded.db.article.create({
        data: {
          slug: `filler-article-${n}`,
          title: `Filler article ${n}`,
          text: "Nothing said here.",
          contentHash: `filler-${n}`,
          fingerprint: "0",
          publishedAt: at,
          sortAt: at,
          storyId: filler.id,
        },
      });
    }
    const seen: string[] = [];
    let cursor = undefined as Parameters<typeof listTimeline>[1];
    for (let pages = 0; pages < 10; pages += 1) {
      const page = await listTimeline({}, cursor, 10);
      seen.push(...page.stories.map((s) => s.slug));
      if (!page.nextCursor) break;
      cursor = parseTimelineFilters({ cursor: page.nextCursor }).filters.cursor;
      expect(cursor).toBeDefined();
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
    expect(seen.slice(0, 2)).toEqual(["trump-casts-doubt-on-nato-solidarity", "trump-criticizes-us-japan-security-treaty"]);
    const plain = (await listTimeline({ from: "2024-01-01", to: "2024-01-01" }, undefined, 1)).stories[0]?.articles[0];
    expect(plain?.title).toMatch(/^Filler article/);
    expect(plain?.pairs).toEqual([]);
    expect(plain?.keyClaims).toEqual([]);
  });

  it("shows a big story's newest three articles and counts the rest", async () => {
    const at = new Date("2023-06-01T00:00:00Z");
    const big = await seeded.db.story.create({ data: { slug: "big-story", title: "Big story", firstAt: at, latestAt: at } });
    for (let n = 0; n < 5; n += 1) {
      await seeded.db.article.create({
        data: {
          slug: `big-story-article-${n}`,
          title: `Big story article ${n}`,
          text: "Coverage of the same event.",
          contentHash: `big-story-${n}`,
          fingerprint: "0",
          publishedAt: new Date(at.getTime() + n * 60_000),
          sortAt: new Date(at.getTime() + n * 60_000),
          storyId: big.id,
        },
      });
    }
    const story = (await listTimeline({ from: "2023-06-01", to: "2023-06-01" })).stories.find((s) => s.slug === "big-story");
    expect(story?.articleCount).toBe(5);
    expect(story?.articles.map((card) => card.title)).toEqual(["Big story article 4", "Big story article 3", "Big story article 2"]);
  });

  it("counts facets under the other filters", async () => {
    const facets = await listFacets({ speaker: "shigeru-ishiba" });
    expect(facets.countries.find((f) => f.value === "JP")?.count).toBe(2);
    expect(facets.countries.find((f) => f.value === "FR")).toBeUndefined();
    const all = await listFacets({ country: "JP" });
    // The speaker facet ignores nothing but itself: under country=JP Trump appears in 2 articles.
    expect(all.speakers.find((f) => f.value === "donald-trump")?.count).toBe(2);
  });

  it("loads a permalink with highlights whose offsets give back the statement text, and a share summary", async () => {
    const article = await getArticleBySlug(TREATY);
    expect(article).not.toBeNull();
    for (const h of article?.highlights ?? []) {
      const statement = article?.statements.find((s) => s.id === h.id);
      expect(article?.text.slice(h.start, h.end)).toBe(statement?.text);
    }
    expect(article?.highlights.filter((h) => h.role === "claim")).toHaveLength(2);
    expect(article?.storyArticles.map((a) => a.slug)).toEqual(["trump-criticizes-security-treaty-with-japan-as-unequal"]);
    const share = article ? summarizeForShare(article) : null;
    expect(share?.claim?.speaker).toBe("Donald Trump");
    expect(share?.response?.relation).toBe("rebuts");
    expect(await getArticleBySlug("no-such-article")).toBeNull();
  });

  it("gives a speaker's claims, answers and top rebutters", async () => {
    const trump = await getSpeakerBySlug("donald-trump");
    expect(trump?.rebutters[0]).toEqual({ slug: "shigeru-ishiba", name: "Shigeru Ishiba", count: 3 });
    expect(trump?.claims.some((g) => g.responses.some((r) => r.statement.speaker?.slug === "ryuu96"))).toBe(true);
    const ishiba = await getSpeakerBySlug("shigeru-ishiba");
    expect(ishiba?.answers.length).toBe(3);
  });

  it("lists a story's articles and the quotes several of them repeat", async () => {
    const story = await getStoryBySlug("trump-criticizes-us-japan-security-treaty");
    expect(story?.articles).toHaveLength(2);
    expect(story?.repeatedQuotes.map((q) => q.articleCount)).toEqual([2, 2, 2]);
  });

  it("feeds list articles newest first under the same filters", async () => {
    const cards = await listTimelineArticles({ country: "JP", speaker: "donald-trump" });
    expect(cards.map((c) => c.slug)).toEqual(["trump-criticizes-security-treaty-with-japan-as-unequal", TREATY]);
  });

  it("loads every pair of a card on demand, and nothing of a hidden article", async () => {
    const treaty = (await listTimeline({})).stories[1]?.articles.find((a) => a.slug === TREATY);
    const article = await seeded.db.article.findUniqueOrThrow({ where: { slug: TREATY }, select: { id: true } });
    const loaded = await listCardPairs(article.id);
    expect(loaded?.articleSlug).toBe(TREATY);
    expect(loaded?.pairs.map((g) => [g.claim.id, g.responses.map((r) => r.pairId)])).toEqual(treaty?.pairs.map((g) => [g.claim.id, g.responses.map((r) => r.pairId)]));
    await seeded.db.article.update({ where: { id: article.id }, data: { hiddenAt: new Date() } });
    try {
      expect(await listCardPairs(article.id)).toBeNull();
    } finally {
      await seeded.db.article.update({ where: { id: article.id }, data: { hiddenAt: null } });
    }
    expect(await listCardPairs(2_000_000_000)).toBeNull();
  });
});
