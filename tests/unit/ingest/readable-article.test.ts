import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ReadArticleError, readArticle } from "@/lib/ingest/readable-article";

function page(name: string): string {
  return readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), "utf8");
}

describe("readArticle", () => {
  const url = "https://www.harbourledger.example/world/2026/03/16/fisheries-patrols?utm_source=share";

  it("extracts text and metadata from OpenGraph and JSON-LD NewsArticle", () => {
    const article = readArticle(page("news-article.html"), url);
    expect(article.title).toBe("Coastal states sign joint fisheries patrol pact");
    expect(article.byline).toBe("Mara Ellison, Jonas Pell");
    expect(article.outlet).toBe("The Harbour Ledger");
    expect(article.publishedAt?.toISOString()).toBe("2026-03-16T08:15:00.000Z");
    expect(article.canonicalUrl).toBe("https://www.harbourledger.example/world/2026/03/16/fisheries-patrols");
    expect(article.description).toBe("Five coastal states agreed to share patrol boats and catch data.");
    expect(article.lang).toBe("en");
  });

  it("returns the article body as clean paragraphs, without page chrome", () => {
    const { text } = readArticle(page("news-article.html"), url);
    const paragraphs = text.split("\n\n");
    expect(paragraphs).toContain(
      '"We can no longer police these waters alone," the lead negotiator, Adeyemi Fross, told reporters after the signing. "The fish do not respect our borders, and neither do the people who steal them."',
    );
    expect(text).toContain("boat owners said illegal trawling had halved their income since 2022.");
    expect(text).not.toMatch(/cookies|Most read|All rights reserved|renderAd|Subscribe/);
  });

  it("returns sanitized HTML with absolute, safe links", () => {
    const { html } = readArticle(page("news-article.html"), url);
    expect(html).toContain('<a rel="noopener nofollow noreferrer" href="https://oceanwatch.example/report">');
    expect(html).not.toMatch(/<script|onclick|<style|class=/i);
  });

  it("falls back to <time datetime>, og:url and meta author", () => {
    const article = readArticle(page("time-only-article.html"), "https://kurier-am-fluss.example/lokales/radweg?ref=home");
    expect(article.publishedAt?.toISOString()).toBe("2026-06-03T15:45:00.000Z");
    expect(article.canonicalUrl).toBe("https://kurier-am-fluss.example/lokales/radweg");
    expect(article.outlet).toBe("Kurier am Fluss");
    expect(article.byline).toBe("Greta Lindqvist");
    expect(article.text).toContain("Die Kosten werden auf knapp vier Millionen Euro geschätzt.");
  });

  it("names the outlet by its host when the page gives its site name as an address", () => {
    const html = page("news-article.html").replace(/<meta property="og:site_name" content="[^"]*"\s*\/?>/, '<meta property="og:site_name" content="http://www.harbourledger.example">');
    expect(html).toContain("http://www.harbourledger.example");
    expect(readArticle(html, url).outlet).toBe("harbourledger.example");
  });

  it("ends the title before its own byline or outlet, and keeps any other suffix", () => {
    const headline = "Coastal states sign joint fisheries patrol pact";
    const titled = (title: string) => page("news-article.html").replace(`"headline": "${headline}"`, `"headline": "${title}"`);
    expect(titled("x")).not.toBe(page("news-article.html"));
    expect(readArticle(titled(`${headline} | Mara Ellison, Jonas Pell | The Harbour Ledger`), url).title).toBe(headline);
    expect(readArticle(titled(`${headline} - The Harbour Ledger`), url).title).toBe(headline);
    expect(readArticle(titled(`${headline} - Analysis`), url).title).toBe(`${headline} - Analysis`);
  });

  it("says so when a page has no article text", () => {
    expect(() => readArticle("<html><body><nav>Home</nav></body></html>", "https://x.example/")).toThrow(ReadArticleError);
  });

  it("passes a year-0000 JSON-LD date over for the next source, saying why", () => {
    // The page also carries article:published_time 2026-03-16T08:15:00Z.
    const html = page("news-article.html").replace(/"datePublished"\s*:\s*"[^"]*"/, '"datePublished": "0000-12-18"');
    const article = readArticle(html, url);
    expect(article.publishedAt?.toISOString()).toBe("2026-03-16T08:15:00.000Z");
    expect(article.dateProblems).toEqual(['JSON-LD datePublished "0000-12-18" is before 1900']);
  });
});
