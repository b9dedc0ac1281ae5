// What a reader gets from a short page: a one-paragraph statement or a one-sentence denial is stored
// with its text; a page that is not an article (a wall, an app shell, a menu, a stub) is refused with
// one line naming what it is.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ReadArticleError, readArticle } from "@/lib/ingest/readable-article";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/real-world/pages/${name}`, import.meta.url), "utf8");
const url = "https://news.example/story";

describe("readArticle on short real pages", () => {
  it("keeps a two-sentence ministry statement with its title, outlet and date, without the site's menus", () => {
    const article = readArticle(fixture("short-ministry-statement.html"), url);
    expect(article.title).toBe("Statement on the closure of the Port Ellis ferry terminal");
    expect(article.outlet).toBe("Ministry of Transport");
    expect(article.publishedAt?.toISOString()).toBe("2026-02-10T09:30:00.000Z");
    expect(article.canonicalUrl).toBe("https://transport.gov.example/news/statement-port-ellis-ferry-terminal");
    expect(article.text).toBe(
      "The Ministry of Transport has ordered the Port Ellis ferry terminal closed from Monday after engineers found cracks in the main loading ramp. Crossings to Harrow Island will sail from Kingsbridge until the ramp is repaired.",
    );
  });

  it("keeps a one-sentence denial, not the 'Most read' links beside it", () => {
    const article = readArticle(fixture("short-denial.html"), url);
    expect(article.title).toBe("Harbor Freight Lines denies plan to close Dunmore depot");
    expect(article.text).toBe(
      'Harbor Freight Lines on Friday denied a union report that it would close its Dunmore depot, saying in a statement that the depot "will stay open and no jobs are at risk."',
    );
  });

  it("keeps a short article whose page asks for JavaScript only for its comments", () => {
    const html = fixture("short-denial.html").replace("</aside>", "</aside><noscript>Please enable JavaScript to view the comments.</noscript>");
    expect(readArticle(html, url).text).toMatch(/^Harbor Freight Lines on Friday denied/);
  });
});

describe("readArticle on pages that are not articles", () => {
  it.each([
    ["login-wall.html", "the page is a sign-in page (“Sign in | The Coastal Ledger”), not an article"],
    ["paywall.html", "the page is a paywall (“This article is only available to subscribers”), not the article"],
    ["cookie-wall.html", "the page is a cookie consent wall (“Before you continue”), not an article"],
    ["app-shell.html", "the page is an app shell that needs JavaScript (“You need to enable JavaScript”), not an article"],
    ["nav-only.html", "No article text found on the page: it holds no sentence, only headings, links or labels"],
  ])("refuses %s with one line", (name, message) => {
    expect(() => readArticle(fixture(name), url)).toThrow(new ReadArticleError(message));
  });

  it.each([
    ["a single word", "<html><body>Test</body></html>"],
    ["words with no sentence", '<html><head><title>Links</title></head><body><p>abc</p><p>def</p> ghi</body></html>'],
    ["headings over images", '<html><body><article><h2>Test Case 1</h2><img src="/a.jpg" alt="a"><h2>Test Case 2</h2><img src="/b.jpg" alt="b"></article></body></html>'],
  ])("refuses %s: nothing there says anything", (_, html) => {
    expect(() => readArticle(html, url)).toThrow(new ReadArticleError("No article text found on the page: it holds no sentence, only headings, links or labels"));
  });

  it("says a page with no text at all holds none", () => {
    expect(() => readArticle("<html><body><div id=root></div></body></html>", url)).toThrow(new ReadArticleError("No article text found on the page: it holds no text"));
  });
});
