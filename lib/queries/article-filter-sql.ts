// The SQL predicate "this article matches the timeline filters", shared by the timeline, facets
// and feeds so every view agrees on what a filter means. Alias the article table as `a`.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TTimelineFilters } from "@/lib/filters";

const DAY_MS = 86_400_000;

export function articleMatchesSql(filters: Omit<TTimelineFilters, "cursor">): Prisma.Sql {
  // Articles an editor hid are out of every list and feed.
  const parts: Prisma.Sql[] = [Prisma.sql`a."hiddenAt" IS NULL`];
  if (filters.review) {
    parts.push(Prisma.sql`a."reviewState" = 'reviewed'`);
  }
  if (filters.country) {
    // A country filter means "about or from this country": mentioned in the text or a speaker's
    // country, which is what an ArticleCountry row records.
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticleCountry" f WHERE f."articleId" = a.id AND f.code = ${filters.country})`);
  }
  if (filters.speaker) {
    // The speaker's own words, or a response (possibly in this article) to one of their claims:
    // a pair the article takes part in (its ArticlePair rows, as for the relation filter) whose
    // claim is theirs. Where the article holds that claim, their own words match it already. The
    // relation condition names every relation, so the probe by article uses the rows' key.
    const speakerId = Prisma.sql`(SELECT id FROM "Speaker" WHERE slug = ${filters.speaker})`;
    parts.push(Prisma.sql`(
      EXISTS (SELECT 1 FROM "ArticleSpeaker" f WHERE f."articleId" = a.id AND f."speakerId" = ${speakerId})
      OR EXISTS (SELECT 1 FROM "ArticlePair" f
                 JOIN "Pair" p ON p.id = f."pairId"
                 JOIN "Statement" c ON c.id = p."claimId"
                 WHERE f.relation = ANY (enum_range(NULL::"Relation")) AND f."articleId" = a.id
                   AND c."speakerId" = ${speakerId}))`);
  }
  if (filters.outlet) {
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "Outlet" o WHERE o.id = a."outletId" AND o.slug = ${filters.outlet})`);
  }
  if (filters.relation) {
    // An article takes part in a pair through its claim or its response: an ArticlePair row each.
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM "ArticlePair" f WHERE f."articleId" = a.id AND f.relation = ${filters.relation}::"Relation")`);
  }
  // Dates filter on publication: an undated article is not "published" on the day it was added.
  // (For a dated article sortAt is its publication time, so the sortAt index still serves.)
  if (filters.from || filters.to) parts.push(Prisma.sql`a."publishedAt" IS NOT NULL`);
  if (filters.from) {
    parts.push(Prisma.sql`a."sortAt" >= ${new Date(`${filters.from}T00:00:00.000Z`)}`);
  }
  if (filters.to) {
    // `to` is inclusive of the whole day.
    parts.push(Prisma.sql`a."sortAt" < ${new Date(new Date(`${filters.to}T00:00:00.000Z`).getTime() + DAY_MS)}`);
  }
  if (filters.q) {
    parts.push(Prisma.sql`a."searchVector" @@ websearch_to_tsquery('english', ${filters.q})`);
  }
  return Prisma.join(parts, " AND ");
}
