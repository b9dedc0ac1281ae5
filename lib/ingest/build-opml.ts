// Writes the subscription list as OPML 2.0, one folder outline per category, for other feed readers.
import type { TOpmlFeed } from "@/lib/ingest/parse-opml";

function escapeXml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, "");
}

function feedOutline(feed: TOpmlFeed, indent: string): string {
  const label = escapeXml(feed.title ?? feed.xmlUrl);
  const html = feed.htmlUrl ? ` htmlUrl="${escapeXml(feed.htmlUrl)}"` : "";
  return `${indent}<outline type="rss" text="${label}" title="${label}" xmlUrl="${escapeXml(feed.xmlUrl)}"${html}/>`;
}

export function buildOpml(feeds: readonly TOpmlFeed[], options: { title?: string; createdAt?: Date } = {}): string {
  const byCategory = new Map<string, TOpmlFeed[]>();
  const loose: TOpmlFeed[] = [];
  for (const feed of feeds) {
    if (!feed.category) {
      loose.push(feed);
      continue;
    }
    byCategory.set(feed.category, [...(byCategory.get(feed.category) ?? []), feed]);
  }
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<opml version="2.0">',
    "  <head>",
    `    <title>${escapeXml(options.title ?? "Counterpoint subscriptions")}</title>`,
    `    <dateCreated>${(options.createdAt ?? new Date()).toUTCString()}</dateCreated>`,
    "  </head>",
    "  <body>",
    ...loose.map((feed) => feedOutline(feed, "    ")),
    ...[...byCategory.entries()].flatMap(([category, members]) => [
      `    <outline text="${escapeXml(category)}" title="${escapeXml(category)}">`,
      ...members.map((feed) => feedOutline(feed, "      ")),
      "    </outline>",
    ]),
    "  </body>",
    "</opml>",
    "",
  ];
  return lines.join("\n");
}
