import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chooseArticleBody } from "@/lib/ingest/article-body";
import { readArticle } from "@/lib/ingest/readable-article";

function page(name: string): string {
  return readFileSync(new URL(`../../fixtures/pages/${name}`, import.meta.url), "utf8");
}

const url = "https://news.example/2026/story";

describe("article body: JSON-LD articleBody", () => {
  it("takes the publisher's full body when the page shows only the start of it", () => {
    const { text } = readArticle(page("json-ld-full-body.html"), url);
    expect(text).toContain("Unions welcomed the order but asked for guarantees");
    expect(text).toContain("partly paid for by a national grant for low-emission transport.");
    expect(text).not.toContain("Loading the rest of the story");
    // Paragraph breaks survive the switch to the JSON-LD text.
    expect(text.split("\n\n")).toHaveLength(5);
  });

  it("reads JSON-LD wrapped in CDATA, so its metadata counts", () => {
    const article = readArticle(page("json-ld-full-body.html"), url);
    expect(article.canonicalUrl).toBe("https://lakeside-courier.example/business/ferry-order");
    expect(article.publishedAt?.toISOString()).toBe("2026-04-09T06:30:00.000Z");
    expect(article.byline).toBe("Ines Varga");
  });

  it("drops a paragraph the reader kept that a complete JSON-LD body does not contain", () => {
    const { text } = readArticle(page("json-ld-trims-promo.html"), url);
    expect(text).not.toContain("becoming a member");
    expect(text).toContain("ending three years of debate over how the valley will cope with drier summers.");
    expect(text).toContain("The board said the footpath would be rerouted along the new shoreline.");
  });

  it("ignores a JSON-LD body that tells another story", () => {
    const readabilityHtml = readArticle(page("json-ld-trims-promo.html"), url).html;
    const otherStory = page("json-ld-full-body.html").match(/"articleBody":"([^"]+)"/)?.[1]?.replace(/\\n/g, "\n") ?? "";
    expect(otherStory.length).toBeGreaterThan(500);
    const body = chooseArticleBody({ readabilityHtml, jsonLdBody: otherStory, pageHtml: page("json-ld-trims-promo.html") });
    expect(body?.source).toBe("readability");
    expect(body?.html).toContain("Eastfield");
  });
});

describe("article body: fallbacks when Readability finds nothing", () => {
  it("reads the page's articleBody container when the text sits in a block the reader skips", () => {
    const article = readArticle(page("hidden-article.html"), url);
    expect(article.text).toContain("The central library will stay open until nine in the evening");
    expect(article.text).toContain("cutting the mobile library's Sunday round");
    expect(article.text).not.toContain("Please wait");
  });

  it("falls back to the densest block of paragraphs when there is no container either", () => {
    const html = page("hidden-article.html").replace(' itemprop="articleBody"', "");
    const body = chooseArticleBody({ readabilityHtml: null, jsonLdBody: null, pageHtml: html });
    expect(body?.source).toBe("dense-block");
    expect(readArticle(html, url).text).toContain("Students had asked for a warm and quiet place to work");
  });

  it("counts Japanese and Chinese text by character, so a short Japanese article is not refused", () => {
    const japanese =
      "<html lang=\"ja\"><head><title>図書館、冬の開館時間を延長</title></head><body><article>" +
      "<p>市立中央図書館は十一月から二月まで、平日の閉館時間を午後九時に延ばすと発表した。</p>" +
      "<p>静かに勉強できる場所がほしいという学生の署名が二千人分を超えたことを受けた措置だという。</p>" +
      "<p>延長にかかる費用は、利用の少ない日曜日の移動図書館を取りやめて賄う。</p>" +
      "</article></body></html>";
    expect(readArticle(japanese, url).text).toContain("午後九時に延ばすと発表した");
  });
});
