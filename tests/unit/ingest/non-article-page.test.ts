import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeNonArticlePage } from "@/lib/ingest/non-article-page";
import { ReadArticleError, readArticle } from "@/lib/ingest/readable-article";

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/real-world/pages/${name}`, import.meta.url), "utf8");
const words = (n: number) => Array.from({ length: n }, (_, i) => `word${i}`).join(" ");

describe("describeNonArticlePage", () => {
  it("names a browser check by its title, its markup or its text", () => {
    const base = { heading: null, html: "<html></html>", bodyText: "", bodyWords: 0 };
    expect(describeNonArticlePage({ ...base, title: "Just a moment..." })).toBe("the page is a browser check (“Just a moment...”), not an article");
    expect(describeNonArticlePage({ ...base, title: "news.example", html: '<form id="challenge-form"></form>' })).toMatch(/browser check/);
    expect(describeNonArticlePage({ ...base, title: null, bodyText: "Checking your browser before accessing news.example." })).toMatch(/browser check/);
  });

  it("names an error page by its title or heading", () => {
    const base = { html: "", bodyText: "Sorry.", bodyWords: 30 };
    expect(describeNonArticlePage({ ...base, title: "Page Not Found | Post", heading: null })).toBe("the page is an error page (“Page Not Found | Post”), not an article");
    expect(describeNonArticlePage({ ...base, title: "The Post", heading: "404 - Page not found" })).toMatch(/error page \(“404 - Page not found”\)/);
    expect(describeNonArticlePage({ ...base, title: "Error 503: Service Unavailable", heading: null })).toMatch(/error page/);
  });

  it("leaves real articles alone: long text, CDN scripts, headlines that mention errors", () => {
    const long = { bodyText: words(400), bodyWords: 400 };
    expect(describeNonArticlePage({ ...long, title: "Just a moment of silence for the flood victims", heading: null, html: "" })).toBeNull();
    expect(describeNonArticlePage({ ...long, title: "Council votes", heading: null, html: '<script src="/cdn-cgi/challenge-platform/scripts/jsd/main.js"></script>' })).toBeNull();
    expect(describeNonArticlePage({ bodyText: words(60), bodyWords: 60, title: "Minister admits 'error' in budget figures", heading: null, html: "" })).toBeNull();
  });
});

describe("readArticle on pages that are not articles", () => {
  it.each([
    ["challenge-page.html", "the page is a browser check (“Just a moment...”), not an article"],
    ["error-page.html", "the page is an error page (“Page Not Found | The Morning Post”), not an article"],
  ])("refuses %s", (name, message) => {
    expect(() => readArticle(fixture(name), "https://news.example/story")).toThrow(new ReadArticleError(message));
  });
});
