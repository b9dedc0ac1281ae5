// Facet counts (articles per country / speaker / outlet) under the current filters. Each facet
// ignores its own dimension's filter so the counts show what choosing another value would give.
// They count the facet rows kept beside each article (ArticleCountry, ArticleSpeaker: one row per
// article and value), and every count is bounded twice: it reads at most `rowBudget` rows, and
// on PostgreSQL each query is cancelled after `timeLimitMs`. Past either bound the facet still
// lists values (without counts) or nothing, never an error and never a page that hangs.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTimelineFilters } from "@/lib/filters";
import { articleMatchesSql } from "@/lib/queries/article-filter-sql";
import { readWithin, type TReadClient } from "@/lib/queries/bounded-read";

/** `count` is null when the matching articles were too many to count within the bounds. */
export type TFacet = { value: string; label: string; count: number | null };
/** `counted` is false when some facet could not be counted in time (its list may then be empty). */
export type TFacets = { countries: TFacet[]; speakers: TFacet[]; outlets: TFacet[]; counted: boolean };
export type TFacetBounds = { rowBudget: number; timeLimitMs: number };

const FACET_LIMIT = 30;
/**
 * About 10 facet rows per article: the unfiltered view of a 100k-article archive reads ~1 M rows
 * (~0.5 s). Past that a count would take seconds, so values are listed from the rows read.
 */
export const DEFAULT_FACET_BOUNDS: TFacetBounds = { rowBudget: 2_000_000, timeLimitMs: 3_000 };

type TBaseFilters = Omit<TTimelineFilters, "cursor">;
type TCountedRow = { value: string; label: string; n: bigint; total: bigint };
type TFacetRead = { facets: TFacet[]; counted: boolean };

/**
 * `valuesSql` yields one `value` row per matching (article, value) pair; the pairs beyond the
 * budget are never read. Counted and named by `nameSql` (columns value, label, n, total).
 */
async function countValues(
  tx: TReadClient,
  valuesSql: Prisma.Sql,
  nameSql: (counts: Prisma.Sql) => Prisma.Sql,
  rowBudget: number,
): Promise<TFacetRead> {
  const counts = Prisma.sql`SELECT v.value, count(*) AS n, sum(count(*)) OVER () AS total
    FROM (${valuesSql} LIMIT ${rowBudget + 1}) v GROUP BY v.value`;
  const rows = await tx.$queryRaw<TCountedRow[]>`${nameSql(counts)} LIMIT ${FACET_LIMIT}`;
  const counted = rows.every((row) => Number(row.total) <= rowBudget);
  return {
    counted,
    facets: rows.map((row) => ({ value: String(row.value).trim(), label: row.label.trim(), count: counted ? Number(row.n) : null })),
  };
}

function countryValues(filters: TBaseFilters): Prisma.Sql {
  return Prisma.sql`SELECT f.code AS value FROM "Article" a JOIN "ArticleCountry" f ON f."articleId" = a.id
    WHERE ${articleMatchesSql({ ...filters, country: undefined })}`;
}

function speakerValues(filters: TBaseFilters): Prisma.Sql {
  return Prisma.sql`SELECT f."speakerId" AS value FROM "Article" a JOIN "ArticleSpeaker" f ON f."articleId" = a.id
    WHERE ${articleMatchesSql({ ...filters, speaker: undefined })}`;
}

function outletValues(filters: TBaseFilters): Prisma.Sql {
  return Prisma.sql`SELECT a."outletId" AS value FROM "Article" a
    WHERE a."outletId" IS NOT NULL AND ${articleMatchesSql({ ...filters, outlet: undefined })}`;
}

async function readFacet(read: (tx: TReadClient) => Promise<TFacetRead>, bounds: TFacetBounds): Promise<TFacetRead> {
  const result = await readWithin(bounds.timeLimitMs, read);
  return result.ok ? result.value : { facets: [], counted: false };
}

export async function listFacets(filters: TBaseFilters, bounds: TFacetBounds = DEFAULT_FACET_BOUNDS): Promise<TFacets> {
  const { rowBudget } = bounds;
  const [countries, speakers, outlets] = await Promise.all([
    readFacet(
      (tx) => countValues(tx, countryValues(filters), (counts) =>
        Prisma.sql`SELECT c.value, c.value AS label, c.n, c.total FROM (${counts}) c ORDER BY c.n DESC, c.value`, rowBudget),
      bounds,
    ),
    readFacet(
      (tx) => countValues(tx, speakerValues(filters), (counts) =>
        Prisma.sql`SELECT sp.slug AS value, sp.name AS label, c.n, c.total FROM (${counts}) c JOIN "Speaker" sp ON sp.id = c.value
          ORDER BY c.n DESC, sp.name`, rowBudget),
      bounds,
    ),
    readFacet(
      (tx) => countValues(tx, outletValues(filters), (counts) =>
        Prisma.sql`SELECT o.slug AS value, o.name AS label, c.n, c.total FROM (${counts}) c JOIN "Outlet" o ON o.id = c.value
          ORDER BY c.n DESC, o.name`, rowBudget),
      bounds,
    ),
  ]);
  return {
    countries: countries.facets,
    speakers: speakers.facets,
    outlets: outlets.facets,
    counted: countries.counted && speakers.counted && outlets.counted,
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
