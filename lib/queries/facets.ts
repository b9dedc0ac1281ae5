// Facet counts (articles per country / speaker / outlet) under the current filters. Each facet
// ignores its own dimension's filter so the counts show what choosing another value would give.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTimelineFilters } from "@/lib/filters";
import { articleMatchesSql } from "@/lib/queries/article-filter-sql";

export type TFacet = { value: string; label: string; count: number };
export type TFacets = { countries: TFacet[]; speakers: TFacet[]; outlets: TFacet[] };

const FACET_LIMIT = 30;

type TBaseFilters = Omit<TTimelineFilters, "cursor">;

export async function listCountryFacets(filters: TBaseFilters): Promise<TFacet[]> {
  const matches = articleMatchesSql({ ...filters, country: undefined });
  const rows = await getDb().$queryRaw<{ code: string; n: bigint }[]>`
    SELECT x.code, COUNT(DISTINCT x.article_id) AS n FROM (
      SELECT cm.code::text AS code, a.id AS article_id
      FROM "Article" a JOIN "CountryMention" cm ON cm."articleId" = a.id WHERE ${matches}
      UNION ALL
      SELECT sp.country::text, a.id
      FROM "Article" a JOIN "Statement" s ON s."articleId" = a.id JOIN "Speaker" sp ON sp.id = s."speakerId"
      WHERE sp.country IS NOT NULL AND ${matches}
    ) x GROUP BY x.code ORDER BY n DESC, x.code LIMIT ${FACET_LIMIT}`;
  return rows.map((row) => ({ value: row.code.trim(), label: row.code.trim(), count: Number(row.n) }));
}

export async function listSpeakerFacets(filters: TBaseFilters): Promise<TFacet[]> {
  const rest = { ...filters, speaker: undefined };
  const unfiltered = Object.values(rest).every((value) => value === undefined);
  // Count per speaker id first (an index-only scan of Statement(speakerId, articleId)), then name
  // only the top rows; with no filter the Article join is skipped (every statement has an article).
  const perSpeaker = unfiltered
    ? Prisma.sql`SELECT s."speakerId", COUNT(DISTINCT s."articleId") AS n FROM "Statement" s
        WHERE s."speakerId" IS NOT NULL GROUP BY s."speakerId"`
    : Prisma.sql`SELECT s."speakerId", COUNT(DISTINCT s."articleId") AS n
        FROM "Article" a JOIN "Statement" s ON s."articleId" = a.id
        WHERE s."speakerId" IS NOT NULL AND ${articleMatchesSql(rest)} GROUP BY s."speakerId"`;
  const rows = await getDb().$queryRaw<{ slug: string; name: string; n: bigint }[]>`
    SELECT sp.slug, sp.name, t.n FROM (${perSpeaker}) t JOIN "Speaker" sp ON sp.id = t."speakerId"
    ORDER BY t.n DESC, sp.name LIMIT ${FACET_LIMIT}`;
  return rows.map((row) => ({ value: row.slug, label: row.name, count: Number(row.n) }));
}

export async function listOutletFacets(filters: TBaseFilters): Promise<TFacet[]> {
  const matches = articleMatchesSql({ ...filters, outlet: undefined });
  const rows = await getDb().$queryRaw<{ slug: string; name: string; n: bigint }[]>`
    SELECT o.slug, o.name, COUNT(*) AS n
    FROM "Article" a JOIN "Outlet" o ON o.id = a."outletId"
    WHERE ${matches}
    GROUP BY o.slug, o.name ORDER BY n DESC, o.name LIMIT ${FACET_LIMIT}`;
  return rows.map((row) => ({ value: row.slug, label: row.name, count: Number(row.n) }));
}

// Facet counts aggregate every matching article (hundreds of milliseconds at 100k articles): the
// timeline's sidebar is cached with them (lib/cache) and expires with the timeline.
export async function listFacets(filters: TBaseFilters): Promise<TFacets> {
  const [countries, speakers, outlets] = await Promise.all([
    listCountryFacets(filters),
    listSpeakerFacets(filters),
    listOutletFacets(filters),
  ]);
  return { countries, speakers, outlets };
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
