// The timeline's reads are bounded. Facet counts come from per-article facet rows that triggers
// keep (ArticleCountry, ArticleSpeaker): they must give what counting the statements and mentions
// themselves gives, after any write; a broad view is counted over its newest articles; a count or
// a story search that cannot finish in time is left out or said so, instead of hanging the page;
// "seen in N articles" stops counting at 100.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { testTargets } from "../support/test-database";
import { setUpDashboardDatabase } from "../support/dashboard-database";
import { whileTableLocked } from "../support/table-lock";

const { listFacets, DEFAULT_FACET_BOUNDS } = await import("@/lib/queries/facets");
const { listTimeline, TIMELINE_PAGE_SIZE } = await import("@/lib/queries/timeline");
const { loadArticleCards } = await import("@/lib/queries/article-cards");
const { formatSeenIn, SEEN_IN_CAP } = await import("@/lib/seen-in");

type TCounts = Record<string, number>;
const countsOf = (facets: { value: string; count: number | null }[]): TCounts =>
  Object.fromEntries(facets.map((facet) => [facet.value, facet.count ?? -1]));

describe.each(testTargets)("bounded timeline reads on %s", (target) => {
  const seeded = setUpDashboardDatabase(target);

  // Counted straight from statements and mentions, the way the facets were counted before facet
  // rows; `articleIds` narrows the count to those articles.
  async function countriesFromSource(articleIds?: number[]): Promise<TCounts> {
    const rows = await seeded.db.$queryRaw<{ code: string; n: bigint }[]>`
      SELECT x.code, COUNT(DISTINCT x.article_id) AS n FROM (
        SELECT cm.code::text AS code, cm."articleId" AS article_id FROM "CountryMention" cm
        UNION ALL
        SELECT sp.country::text, s."articleId" FROM "Statement" s JOIN "Speaker" sp ON sp.id = s."speakerId" WHERE sp.country IS NOT NULL
      ) x WHERE ${articleIds ?? null}::int[] IS NULL OR x.article_id = ANY(${articleIds ?? null}::int[]) GROUP BY x.code`;
    return Object.fromEntries(rows.map((row) => [row.code.trim(), Number(row.n)]));
  }
  async function speakersFromSource(): Promise<TCounts> {
    const rows = await seeded.db.$queryRaw<{ slug: string; n: bigint }[]>`
      SELECT sp.slug, COUNT(DISTINCT s."articleId") AS n FROM "Statement" s JOIN "Speaker" sp ON sp.id = s."speakerId" GROUP BY sp.slug`;
    return Object.fromEntries(rows.map((row) => [row.slug, Number(row.n)]));
  }
  async function expectFacetsMatchSource(): Promise<void> {
    const facets = await listFacets({});
    expect(facets.complete).toBe(true);
    expect(facets.countedArticles).toBeNull();
    expect(countsOf(facets.countries)).toEqual(await countriesFromSource());
    expect(countsOf(facets.speakers)).toEqual(await speakersFromSource());
  }

  it("counts the seeded articles as their statements and mentions say", async () => {
    await expectFacetsMatchSource();
    const facets = await listFacets({});
    expect(countsOf(facets.speakers)["donald-trump"]).toBe(3);
    expect(countsOf(facets.countries).JP).toBe(2);
  });

  it("follows an editor's changes: a speaker's country, a merge, a removed mention, a re-extraction", async () => {
    const ishiba = await seeded.db.speaker.findUniqueOrThrow({ where: { slug: "shigeru-ishiba" } });
    const hayashi = await seeded.db.speaker.findUniqueOrThrow({ where: { slug: "yoshimasa-hayashi" } });
    await seeded.db.speaker.update({ where: { id: ishiba.id }, data: { country: "KR" } });
    await expectFacetsMatchSource();
    expect(countsOf((await listFacets({})).countries).KR).toBe(2);

    // A merge moves the statements to the kept speaker, then deletes the other.
    await seeded.db.statement.updateMany({ where: { speakerId: hayashi.id }, data: { speakerId: ishiba.id } });
    await seeded.db.speaker.delete({ where: { id: hayashi.id } });
    await expectFacetsMatchSource();
    expect((await listFacets({})).speakers.map((facet) => facet.value)).not.toContain("yoshimasa-hayashi");

    await seeded.db.countryMention.deleteMany({ where: { code: "RU" } });
    await expectFacetsMatchSource();

    // Re-extraction replaces an article's statements (pairs go with them).
    const article = await seeded.db.article.findFirstOrThrow({ where: { statements: { some: { speakerId: ishiba.id } } } });
    const statements = await seeded.db.statement.findMany({ where: { articleId: article.id } });
    await seeded.db.statement.deleteMany({ where: { articleId: article.id } });
    await seeded.db.statement.createMany({ data: statements.map((statement) => ({ ...statement, id: undefined })) });
    await expectFacetsMatchSource();

    await seeded.db.speaker.update({ where: { id: ishiba.id }, data: { country: null } });
    await expectFacetsMatchSource();
    expect(countsOf((await listFacets({})).countries).KR).toBeUndefined();
  });

  it("counts a view that matches more articles than the window over its newest ones, and says so", async () => {
    const newest = await seeded.db.article.findMany({ orderBy: [{ sortAt: "desc" }, { id: "desc" }], take: 2, select: { id: true } });
    const windowed = await listFacets({}, { ...DEFAULT_FACET_BOUNDS, recentArticles: 2 });
    expect(windowed.countedArticles).toBe(2);
    expect(countsOf(windowed.countries)).toEqual(await countriesFromSource(newest.map((article) => article.id)));
    // A view whose every facet fits the window (each facet ignores its own filter) is counted whole.
    const narrow = await listFacets({ country: "FR", outlet: "ap-news" }, { ...DEFAULT_FACET_BOUNDS, recentArticles: 2 });
    expect(narrow.countedArticles).toBeNull();
    expect(narrow.outlets).toEqual([{ value: "ap-news", label: "AP News", count: 1 }]);
  });

  // PGlite has no timers (statement_timeout is ignored there); its bound is the article window above.
  if (target === "postgres") {
    it("answers without the facet whose query cannot finish in time, and counts it again once it can", async () => {
      await whileTableLocked(seeded.url, "ArticleCountry", async () => {
        const facets = await listFacets({}, { ...DEFAULT_FACET_BOUNDS, timeLimitMs: 300 });
        expect(facets.complete).toBe(false);
        expect(facets.countries).toEqual([]);
        expect(countsOf(facets.speakers)["donald-trump"]).toBe(3);
      });
      const again = await listFacets({}, { ...DEFAULT_FACET_BOUNDS, timeLimitMs: 300 });
      expect(again.complete).toBe(true);
      expect(countsOf(again.countries)).toEqual(await countriesFromSource());
    });

    it("says the view took too long when no page of stories can be found in time", async () => {
      await whileTableLocked(seeded.url, "Story", async () => {
        const page = await listTimeline({ country: "JP" }, undefined, TIMELINE_PAGE_SIZE, 300);
        expect(page).toEqual({ stories: [], nextCursor: null, timedOut: true });
      });
      const again = await listTimeline({ country: "JP" }, undefined, TIMELINE_PAGE_SIZE, 300);
      expect(again.timedOut).toBeUndefined();
      expect(again.stories.length).toBeGreaterThan(0);
    });
  }

  it("says a quote repeated in more than 100 articles was seen in \"100+\" of them", async () => {
    const story = await seeded.db.story.findFirstOrThrow();
    const quote = await seeded.db.statement.findFirstOrThrow({ where: { speaker: { slug: "donald-trump" } } });
    const copies = SEEN_IN_CAP + 5;
    await seeded.db.article.createMany({
      data: Array.from({ length: copies }, (_unused, n) => ({
        slug: `wire-copy-${n}`,
        title: `Wire copy ${n}`,
        text: `Wire copy ${n}: ${quote.text}`,
        contentHash: `wire-copy-${n}`,
        fingerprint: "0",
        storyId: story.id,
        sortAt: new Date("2020-01-01T00:00:00Z"),
      })),
    });
    const wireCopies = await seeded.db.article.findMany({ where: { slug: { startsWith: "wire-copy-" } }, select: { id: true } });
    await seeded.db.statement.createMany({
      data: wireCopies.map((article) => ({
        articleId: article.id,
        speakerId: quote.speakerId,
        mode: quote.mode,
        text: quote.text,
        start: 0,
        end: quote.text.length,
        confidence: 0.9,
        quoteKey: quote.quoteKey,
      })),
    });
    const [card] = await loadArticleCards([quote.articleId]);
    const shown = [...(card?.pairs.map((group) => group.claim) ?? []), ...(card?.keyClaims ?? [])].find((s) => s.id === quote.id);
    expect(shown).toBeDefined();
    // Counting stops one past the cap: the rest of the copies are never read.
    expect(shown?.seenIn).toBe(SEEN_IN_CAP + 1);
    expect(formatSeenIn(shown?.seenIn ?? 0)).toBe("100+");
  });
});
