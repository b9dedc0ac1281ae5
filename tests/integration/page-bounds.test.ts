// The speaker, country and story pages' reads are bounded: what they show agrees with the rows
// themselves; a much-quoted speaker's answers and rebuttals come from their latest articles (and
// the page says so); counts stop at a cap; a read that cannot finish in time leaves its part out,
// and the rest of the page still comes back.
import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));

import { formatCountUpTo } from "@/lib/count-cap";
import { testTargets } from "../support/test-database";
import { setUpDashboardDatabase } from "../support/dashboard-database";
import { whileTableLocked } from "../support/table-lock";

const { getSpeakerBySlug, DEFAULT_SPEAKER_BOUNDS } = await import("@/lib/queries/speakers");
const { getCountryOverview, DEFAULT_COUNTRY_BOUNDS } = await import("@/lib/queries/countries");
const { getStoryBySlug } = await import("@/lib/queries/stories");

type TCounts = Record<string, number>;

describe.each(testTargets)("bounded speaker, country and story pages on %s", (target) => {
  const seeded = setUpDashboardDatabase(target);

  /** Who rebuts the speaker, from the pairs themselves; `articleIds` narrows it to claims in those articles. */
  async function rebuttersFromPairs(slug: string, articleIds?: number[]): Promise<TCounts> {
    const rows = await seeded.db.$queryRaw<{ slug: string; n: bigint }[]>`
      SELECT rs.slug, count(*) AS n FROM "Pair" p
      JOIN "Statement" c ON c.id = p."claimId" JOIN "Speaker" cs ON cs.id = c."speakerId"
      JOIN "Statement" r ON r.id = p."responseId" JOIN "Speaker" rs ON rs.id = r."speakerId"
      WHERE cs.slug = ${slug} AND p.relation = 'rebuts'
        AND (${articleIds ?? null}::int[] IS NULL OR c."articleId" = ANY(${articleIds ?? null}::int[]))
      GROUP BY rs.slug`;
    return Object.fromEntries(rows.map((row) => [row.slug, Number(row.n)]));
  }
  const countsOf = (rebutters: { slug: string; count: number }[]): TCounts =>
    Object.fromEntries(rebutters.map((rebutter) => [rebutter.slug, rebutter.count]));
  const articlesQuoting = async (slug: string) =>
    (await seeded.db.article.findMany({ where: { statements: { some: { speaker: { slug } } } }, orderBy: { id: "desc" }, select: { id: true } })).map((a) => a.id);

  it("shows a speaker's statements, newest first, and who rebuts them, as the rows say", async () => {
    const trump = await getSpeakerBySlug("donald-trump");
    expect(trump?.cut).toEqual([]);
    expect(trump?.windowArticles).toBeNull();
    expect(trump?.statementCount).toBe(await seeded.db.statement.count({ where: { speaker: { slug: "donald-trump" } } }));
    expect(countsOf(trump?.rebutters ?? [])).toEqual(await rebuttersFromPairs("donald-trump"));
    const newest = await seeded.db.article.findFirstOrThrow({
      where: { statements: { some: { speaker: { slug: "donald-trump" } } } },
      orderBy: [{ sortAt: "desc" }, { id: "desc" }],
    });
    expect(trump?.claims[0]?.claim.article.slug).toBe(newest.slug);
    const ishiba = await getSpeakerBySlug("shigeru-ishiba");
    expect(ishiba?.answers).toHaveLength(3);
  });

  it("looks for a much-quoted speaker's rebuttals in their latest articles, says so, and caps the count", async () => {
    const [latest] = await articlesQuoting("donald-trump");
    const trump = await getSpeakerBySlug("donald-trump", { ...DEFAULT_SPEAKER_BOUNDS, windowArticles: 1, countCap: 2 });
    expect(trump?.windowArticles).toBe(1);
    expect(countsOf(trump?.rebutters ?? [])).toEqual(await rebuttersFromPairs("donald-trump", [latest!]));
    expect(trump?.statementCount).toBe(3);
    expect(formatCountUpTo(trump?.statementCount ?? 0, 2)).toBe("2+");
  });

  it("lists a country's speakers and mentions as the rows say, and caps the counts", async () => {
    const japan = await getCountryOverview("JP");
    const fromRows = await seeded.db.speaker.findMany({ where: { country: "JP" }, select: { slug: true, _count: { select: { statements: true } } } });
    expect(Object.fromEntries((japan.speakers ?? []).map((s) => [s.slug, s.statementCount]))).toEqual(
      Object.fromEntries(fromRows.map((s) => [s.slug, s._count.statements])),
    );
    expect(japan.mentionedIn).toBe(await seeded.db.countryMention.count({ where: { code: "JP" } }));

    const capped = await getCountryOverview("US", { ...DEFAULT_COUNTRY_BOUNDS, mentionCap: 1, speakerCountCap: 1 });
    expect(capped.mentionedIn).toBe(2);
    expect(capped.speakers?.find((s) => s.slug === "donald-trump")?.statementCount).toBe(2);
  });

  it("counts a story's repeated quotes over the articles it shows", async () => {
    const slug = "trump-criticizes-us-japan-security-treaty";
    expect((await getStoryBySlug(slug))?.repeatedQuotes.length).toBeGreaterThan(0);
    const hidden = await seeded.db.article.findFirstOrThrow({ where: { story: { slug } }, orderBy: { id: "asc" } });
    await seeded.db.article.update({ where: { id: hidden.id }, data: { hiddenAt: new Date() } });
    try {
      // One article left to show: nothing is repeated across the articles shown.
      const story = await getStoryBySlug(slug);
      expect(story?.articles).toHaveLength(1);
      expect(story?.repeatedQuotes).toEqual([]);
    } finally {
      await seeded.db.article.update({ where: { id: hidden.id }, data: { hiddenAt: null } });
    }
  });

  // PGlite has no timers (statement_timeout is ignored there); its bounds are the windows and caps above.
  if (target === "postgres") {
    const quick = { ...DEFAULT_SPEAKER_BOUNDS, timeLimitMs: 300 };

    it("still answers with a speaker's page while its pairs cannot be read, and whole again once they can", async () => {
      const statements = await seeded.db.statement.count({ where: { speaker: { slug: "donald-trump" } } });
      await whileTableLocked(seeded.url, "Pair", async () => {
        const trump = await getSpeakerBySlug("donald-trump", quick);
        expect(trump?.name).toBe("Donald Trump");
        expect([...(trump?.cut ?? [])].sort()).toEqual(["answers", "claims", "rebutters"]);
        expect([trump?.claims, trump?.answers, trump?.rebutters]).toEqual([[], [], []]);
        expect(trump?.statementCount).toBe(statements);
      });
      const again = await getSpeakerBySlug("donald-trump", quick);
      expect(again?.cut).toEqual([]);
      expect(countsOf(again?.rebutters ?? [])).toEqual(await rebuttersFromPairs("donald-trump"));
    });

    it("still answers with a country's page while its statements cannot be read", async () => {
      const quickCountry = { ...DEFAULT_COUNTRY_BOUNDS, timeLimitMs: 300 };
      await whileTableLocked(seeded.url, "Statement", async () => {
        const japan = await getCountryOverview("JP", quickCountry);
        expect(japan.speakers).toBeNull();
        expect(japan.mentionedIn).toBe(2);
      });
      await whileTableLocked(seeded.url, "CountryMention", async () => {
        const japan = await getCountryOverview("JP", quickCountry);
        expect(japan.mentionedIn).toBeNull();
        expect(japan.speakers?.map((s) => s.slug).sort()).toEqual(["shigeru-ishiba", "yoshimasa-hayashi"]);
      });
    });
  }
});
