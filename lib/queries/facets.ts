// Facet counts (articles per country / speaker / outlet) under the current filters. Each facet
// ignores its own dimension's filter so the counts show what choosing another value would give.
// They count the facet rows kept beside each article (ArticleCountry, ArticleSpeaker: one row per
// article and value), and every count is bounded twice: it covers the newest `recentArticles`
// matching articles at most (a broad view says so), and on PostgreSQL each query is cancelled
// after `timeLimitMs` (the facet is then left out). Never an error, never a page that hangs.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTimelineFilters } from "@/lib/filters";
import { articleMatchesSql } from "@/lib/queries/article-filter-sql";
import { readWithin } from "@/lib/queries/bounded-read";

export type TFacet = { value: string; label: string; count: number };
export type TFacets = {
  countries: TFacet[];
  speakers: TFacet[];
  outlets: TFacet[];
  /** Null when every matching article was counted; else the counts cover the newest this many. */
  countedArticles: number | null;
  /** False when some facet could not be counted in time: its list is empty. */
  complete: boolean;
};
export type TFacetBounds = { recentArticles: number; timeLimitMs: number };

const FACET_LIMIT = 30;
/**
 * About 10 facet rows per article: 3,000 articles are ~50k index entries, a few tens of
 * milliseconds; a view matching more (the whole archive, a common word) is counted over its
 * newest 3,000, which is what a newsroom reads anyway.
 */
export const DEFAULT_FACET_BOUNDS: TFacetBounds = { recentArticles: 3_000, timeLimitMs: 2_000 };

type TBaseFilters = Omit<TTimelineFilters, "cursor">;
type TCountedRow = { value: string; label: string; n: bigint; matched: bigint };
type TFacetRead = { facets: TFacet[]; windowed: boolean; complete: boolean };
/** One facet: which facet rows hold its values, and how a value is named. */
type TFacetSource = { filterOut: keyof TBaseFilters; valuesOf: (recent: Prisma.Sql) => Prisma.Sql };

const countrySource: TFacetSource = {
  filterOut: "country",
  valuesOf: (recent) => Prisma.sql`SELECT c.value, c.value AS label, c.n FROM (
      SELECT f.code AS value, count(*) AS n FROM ${recent} r JOIN "ArticleCountry" f ON f."articleId" = r.id GROUP BY f.code
    ) c ORDER BY c.n DESC, c.value`,
};

const speakerSource: TFacetSource = {
  filterOut: "speaker",
  valuesOf: (recent) => Prisma.sql`SELECT sp.slug AS value, sp.name AS label, c.n FROM (
      SELECT f."speakerId", count(*) AS n FROM ${recent} r JOIN "ArticleSpeaker" f ON f."articleId" = r.id GROUP BY f."speakerId"
    ) c JOIN "Speaker" sp ON sp.id = c."speakerId" ORDER BY c.n DESC, sp.name`,
};

const outletSource: TFacetSource = {
  filterOut: "outlet",
  valuesOf: (recent) => Prisma.sql`SELECT o.slug AS value, o.name AS label, c.n FROM (
      SELECT a."outletId", count(*) AS n FROM ${recent} r JOIN "Article" a ON a.id = r.id WHERE a."outletId" IS NOT NULL GROUP BY a."outletId"
    ) c JOIN "Outlet" o ON o.id = c."outletId" ORDER BY c.n DESC, o.name`,
};

async function readFacet(source: TFacetSource, filters: TBaseFilters, bounds: TFacetBounds): Promise<TFacetRead> {
  const limit = bounds.recentArticles;
  const matches = articleMatchesSql({ ...filters, [source.filterOut]: undefined });
  // One article past the window tells whether the window left any matching article out.
  const read = await readWithin(bounds.timeLimitMs, (tx) => tx.$queryRaw<TCountedRow[]>`
    WITH matching AS MATERIALIZED (
      SELECT a.id, row_number() OVER (ORDER BY a."sortAt" DESC, a.id DESC) AS rank FROM "Article" a
      WHERE ${matches} ORDER BY a."sortAt" DESC, a.id DESC LIMIT ${limit + 1}
    ), recent AS (SELECT id FROM matching WHERE rank <= ${limit})
    SELECT v.value, v.label, v.n, (SELECT count(*) FROM matching) AS matched
    FROM (${source.valuesOf(Prisma.sql`recent`)}) v LIMIT ${FACET_LIMIT}`);
  if (!read.ok) return { facets: [], windowed: false, complete: false };
  return {
    complete: true,
    windowed: read.value.some((row) => Number(row.matched) > limit),
    facets: read.value.map((row) => ({ value: String(row.value).trim(), label: row.label.trim(), count: Number(row.n) })),
  };
}

export async function listFacets(filters: TBaseFilters, bounds: TFacetBounds = DEFAULT_FACET_BOUNDS): Promise<TFacets> {
  const [countries, speakers, outlets] = await Promise.all(
    [countrySource, speakerSource, outletSource].map((source) => readFacet(source, filters, bounds)),
  ) as [TFacetRead, TFacetRead, TFacetRead];
  const reads = [countries, speakers, outlets];
  return {
    countries: countries.facets,
    speakers: speakers.facets,
    outlets: outlets.facets,
    countedArticles: reads.some((read) => read.windowed) ? bounds.recentArticles : null,
    complete: reads.every((read) => read.complete),
  };
}

/** Display names for the filter chips (a slug alone reads poorly). */
export async function getFilterLabels(filters: TBaseFilters): Promise<{ speaker?: string; outlet?: string }> {
  const db = getDb();
  const [speaker, outlet] = await Promise.all([
    filters.speaker ? db.speaker.findUnique({ where: { slug: filters.speaker }, select: { name: true } }) : null,
    filters.outlet ? db.outlet.findUnique({ where: { slug: filters.outlet }, select: { name: true } }) : null,
  ]);
  return { speaker: speaker?.name, outlet: outlet?.name };
}
