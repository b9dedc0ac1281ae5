// The admin's run view shows each item's outcome and its reason, as `npm run ingest` prints them: a
// refused page's one line, a stored article's note.
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RunList } from "@/components/admin/run-list";

type TRun = Parameters<typeof RunList>[0]["runs"][number];
type TItem = TRun["items"][number];

const startedAt = new Date("2026-12-01T15:00:00Z");
const itemAt = (position: number, fields: Pick<TItem, "url" | "title" | "outcome" | "reason" | "articleId" | "article">): TItem => ({
  id: position + 1,
  runId: 7,
  position,
  createdAt: startedAt,
  ...fields,
});
const run: TRun = {
  id: 7,
  source: "url",
  input: "https://ledger.example/account/login",
  feedId: null,
  status: "partial",
  error: null,
  startedAt,
  finishedAt: startedAt,
  runnerHost: null,
  runnerPid: null,
  items: [
    itemAt(0, { url: "https://ledger.example/account/login", title: null, outcome: "failed", reason: "the page is a sign-in page (“Sign in | The Coastal Ledger”), not an article", articleId: null, article: null }),
    itemAt(1, {
      url: "https://ledger.example/news/bridge",
      title: "County closes Elm Street bridge",
      outcome: "new",
      reason: 'date dropped: JSON-LD datePublished "0000-12-18" is before 1900',
      articleId: 3,
      article: { slug: "county-closes-elm-street-bridge" },
    }),
  ],
};

describe("RunList", () => {
  it("shows a failed item's reason and a stored item's note beside their outcomes", () => {
    const html = renderToStaticMarkup(createElement(RunList, { runs: [run] }));
    const text = html.replace(/<[^>]+>/g, "").replace(/&quot;/g, '"');
    expect(text).toContain("failed https://ledger.example/account/login — the page is a sign-in page (“Sign in | The Coastal Ledger”), not an article");
    expect(text).toContain('new County closes Elm Street bridge — date dropped: JSON-LD datePublished "0000-12-18" is before 1900');
    expect(html).toContain('href="/articles/county-closes-elm-street-bridge"');
  });
});
