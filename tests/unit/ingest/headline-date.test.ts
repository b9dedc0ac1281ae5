import { readFileSync } from "node:fs";
import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { dateBesideHeadline, dateInStampLine } from "@/lib/ingest/headline-date";
import { readArticle } from "@/lib/ingest/readable-article";

function dom(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

describe("dateBesideHeadline", () => {
  it("reads the stamp under the article's headline, not the site logo's heading, past the share bar", () => {
    const html = readFileSync(new URL("../../fixtures/pages/headline-date-stamp.html", import.meta.url), "utf8");
    const title = "Ferry timetable cut again as crew shortage drags on | The Island Courier";
    expect(dateBesideHeadline(dom(html), [title])).toBe("Tuesday 15 October 2019 at 09:11");
  });

  it("gives an article page with no date metadata its printed date", () => {
    const html = readFileSync(new URL("../../fixtures/pages/headline-date-stamp.html", import.meta.url), "utf8");
    const article = readArticle(html, "https://islandcourier.example/news/ferry-timetable-cut");
    expect(article.publishedAt?.toISOString()).toBe("2019-10-15T09:11:00.000Z");
  });

  it("takes a blog's date header printed right above the post title", () => {
    const html = `<div class="blog-posts"><h2 class="date-header"><span>06 December 2016</span></h2>
      <h3 class="post-title">Shrinking app updates with file-by-file patches</h3>
      <p>Posted by Noor Hadley, Software Engineer</p><p>${"Words of the post go on here. ".repeat(10)}</p></div>`;
    expect(dateBesideHeadline(dom(html), ["Shrinking app updates with file-by-file patches | Dev Blog"])).toBe("06 December 2016");
  });

  it("reads a Japanese stamp line, whose characters are not each a word", () => {
    const html = `<h1 class="logo">国際ニュース：港湾通信</h1><h1 class="title">港の橋、二週間ぶりに通行再開</h1>
      <div><span>2026年3月16日 10:01</span> <span>発信地：北浜/日本 [ 日本 アジア ]</span></div>
      <p>港の橋は火曜日の夜に通行が再開された。二週間前に船が橋脚に衝突し、技術者が点検と修理のために閉鎖していた。</p>`;
    expect(dateBesideHeadline(dom(html), ["港の橋、二週間ぶりに通行再開　国際ニュース：港湾通信"])).toBe("2026-03-16 10:01");
  });

  it("ignores dates in tables, menus and anything after the first paragraph of prose", () => {
    const infobox = `<h1>Lantern Foundation</h1><table class="infobox"><tr><th>Founded</th><td>February 28, 1998</td></tr></table>
      <p>${"The Lantern Foundation is a charity that runs libraries on ferries and in harbour towns. ".repeat(3)}</p>
      <p>It opened its first floating library on May 4, 2001.</p>`;
    expect(dateBesideHeadline(dom(infobox), ["Lantern Foundation - Encyclopedia"])).toBeNull();
    const menu = `<h1>Ferry timetable cut again</h1><ul><li><a href="/2019/10/14">October 14, 2019</a></li></ul><p>No date here.</p>`;
    expect(dateBesideHeadline(dom(menu), ["Ferry timetable cut again"])).toBeNull();
  });
});

describe("dateInStampLine", () => {
  it("finds the date in a byline or stamp line, with its clock time", () => {
    expect(dateInStampLine("by: Laurie Quill From: Coast Herald March 13, 2015 9:00PM")).toBe("March 13, 2015 9:00 pm");
    expect(dateInStampLine("posted on April 21, 2015, at 11:29 a.m.")).toBe("April 21, 2015, at 11:29 am");
    expect(dateInStampLine("Posted by Ana, Tomas on 2019-02-15, all posts")).toBe("2019-02-15");
    expect(dateInStampLine("新华社 2016年10月14日07:17 我要分享")).toBe("2016-10-14 07:17");
    expect(dateInStampLine("Share this story")).toBeNull();
  });
});
