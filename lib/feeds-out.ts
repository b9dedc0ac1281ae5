// Serialises a filtered timeline as RSS 2.0, Atom 1.0 or JSON Feed 1.1. Item text is plain text
// built from the article's pairs; everything from outside is XML-escaped here.
import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/api/app-error";
import { describeUndated } from "@/lib/article-dates";
import { filtersToParams, parseTimelineFilters, toQueryString, type TTimelineFilters } from "@/lib/filters";
import { describeCountry } from "@/lib/countries-display";
import type { TArticleCard, TStatementView } from "@/lib/queries/article-cards";
import { listTimelineArticles } from "@/lib/queries/timeline";
import { getSiteOrigin } from "@/lib/site-url";

export const ZFeedFormat = z.enum(["rss", "atom", "json"]);
export type TFeedFormat = z.infer<typeof ZFeedFormat>;

const CONTENT_TYPES: Record<TFeedFormat, string> = {
  rss: "application/rss+xml; charset=utf-8",
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};
const PATHS: Record<TFeedFormat, string> = { rss: "/feed.xml", atom: "/feed.atom", json: "/feed.json" };

export function escapeXml(text: string): string {
  // Control characters other than tab/newline are not allowed in XML 1.0 at all.
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function quote(statement: TStatementView): string {
  const who = statement.speaker ? statement.speaker.name : "Unattributed";
  return `${who}: ${statement.mode === "direct" ? `“${statement.text}”` : statement.text}`;
}

export function summarizeCard(card: TArticleCard): string {
  const lines: string[] = [];
  for (const group of card.pairs) {
    lines.push(quote(group.claim));
    for (const r of group.responses) lines.push(`  ${r.relation}: ${quote(r.statement)}`);
  }
  for (const s of card.keyClaims) lines.push(quote(s));
  return lines.join("\n") || card.title;
}

export function describeFilters(filters: TTimelineFilters): string {
  const parts: string[] = [];
  if (filters.speaker) parts.push(`speaker ${filters.speaker}`);
  if (filters.country) parts.push(`country ${describeCountry(filters.country).name}`);
  if (filters.outlet) parts.push(`outlet ${filters.outlet}`);
  if (filters.relation) parts.push(`relation ${filters.relation}`);
  if (filters.from) parts.push(`from ${filters.from}`);
  if (filters.to) parts.push(`to ${filters.to}`);
  if (filters.q) parts.push(`“${filters.q}”`);
  if (filters.review) parts.push("reviewed by editors");
  return parts.length ? `Counterpoint: ${parts.join(", ")}` : "Counterpoint: latest claims and responses";
}

export function renderFeed(format: TFeedFormat, input: { origin: string; filters: TTimelineFilters; cards: TArticleCard[] }): string {
  const { origin, filters, cards } = input;
  const query = toQueryString(filtersToParams(filters));
  const title = describeFilters(filters);
  const home = `${origin}/${query}`;
  const self = `${origin}${PATHS[format]}${query}`;
  const updated = (cards[0]?.sortAt ?? new Date(0)).toISOString();
  const link = (card: TArticleCard) => `${origin}/articles/${card.slug}`;
  // An undated article carries no publication date, and says so in its text.
  const text = (card: TArticleCard) => (card.publishedAt ? summarizeCard(card) : `${describeUndated(card.ingestedAt)}\n${summarizeCard(card)}`);
  if (format === "json") {
    return JSON.stringify({
      version: "https://jsonfeed.org/version/1.1",
      title,
      home_page_url: home,
      feed_url: self,
      items: cards.map((card) => ({
        id: link(card),
        url: link(card),
        title: card.title,
        content_text: text(card),
        ...(card.publishedAt ? { date_published: card.publishedAt.toISOString() } : { date_modified: card.ingestedAt.toISOString() }),
        ...(card.outlet ? { authors: [{ name: card.outlet.name }] } : card.author ? { authors: [{ name: card.author }] } : {}),
      })),
    });
  }
  if (format === "atom") {
    const entries = cards.map(
      (card) => `  <entry>
    <id>${escapeXml(link(card))}</id>
    <title>${escapeXml(card.title)}</title>
    <link href="${escapeXml(link(card))}"/>
${card.publishedAt ? `    <published>${card.publishedAt.toISOString()}</published>\n` : ""}    <updated>${(card.publishedAt ?? card.ingestedAt).toISOString()}</updated>
    <author><name>${escapeXml(card.outlet?.name ?? card.author ?? "Unknown")}</name></author>
    <summary type="text">${escapeXml(text(card))}</summary>
  </entry>`,
    );
    return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>${escapeXml(self)}</id>
  <title>${escapeXml(title)}</title>
  <link rel="self" href="${escapeXml(self)}"/>
  <link rel="alternate" type="text/html" href="${escapeXml(home)}"/>
  <updated>${updated}</updated>
${entries.join("\n")}
</feed>
`;
  }
  const items = cards.map(
    (card) => `    <item>
      <title>${escapeXml(card.title)}</title>
      <link>${escapeXml(link(card))}</link>
      <guid isPermaLink="true">${escapeXml(link(card))}</guid>
${card.publishedAt ? `      <pubDate>${card.publishedAt.toUTCString()}</pubDate>\n` : ""}      <description>${escapeXml(text(card))}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(title)}</title>
    <link>${escapeXml(home)}</link>
    <description>${escapeXml(title)}</description>
    <atom:link href="${escapeXml(self)}" rel="self" type="application/rss+xml"/>
    <lastBuildDate>${new Date(updated).toUTCString()}</lastBuildDate>
${items.join("\n")}
  </channel>
</rss>
`;
}

/** parse → query → respond for every feed route; `?format=` overrides the route's own format. */
export async function respondWithFeed(request: Request, defaultFormat: TFeedFormat): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const requested = params.get("format");
  const format = requested ? ZFeedFormat.safeParse(requested) : { success: true as const, data: defaultFormat };
  if (!format.success) throw new AppError("invalid_filter", 422, "format must be one of rss, atom or json");
  const { filters, problems } = parseTimelineFilters(params);
  if (problems.length) {
    throw new AppError("invalid_filter", 422, problems.map((p) => `${p.key} “${p.value.slice(0, 80)}” ${p.message}`).join("; "));
  }
  // Feeds always carry the newest items: a page marker has no meaning here.
  const base: TTimelineFilters = { ...filters, cursor: undefined };
  const cards = await listTimelineArticles(base);
  const body = renderFeed(format.data, { origin: await getSiteOrigin(), filters: base, cards });
  return new Response(body, {
    headers: { "content-type": CONTENT_TYPES[format.data], "cache-control": "public, max-age=300" },
  });
}
