import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isBoilerplateLine, stripBoilerplate } from "@/lib/ingest/boilerplate";
import { readArticle } from "@/lib/ingest/readable-article";

const page = readFileSync(new URL("../../fixtures/pages/boilerplate-lines.html", import.meta.url), "utf8");

describe("boilerplate lines", () => {
  it("removes ad labels, share/follow prompts, newsletter pitches and teasers from the article, keeping the image credit", () => {
    const { text } = readArticle(page, "https://midland-post.example/rail-strike");
    for (const furniture of ["Share this article", "Advertisement", "Related: Why regional", "Sign up for our free", "Follow us"]) {
      expect(text).not.toContain(furniture);
    }
    expect(text).toContain("Photo: Getty Images");
    expect(text).toContain("called off early on Friday after union leaders and the rail operator agreed on a new pay offer.");
  });

  it("keeps sentences that merely start like furniture or mention a network", () => {
    const { text } = readArticle(page, "https://midland-post.example/rail-strike");
    expect(text).toContain("Related talks over safety staffing on the busiest lines will continue next month");
    expect(text).toContain("announced the news on Facebook before the operator did.");
  });

  it("judges lines, not words inside sentences", () => {
    expect(isBoilerplateLine("ADVERTISEMENT")).toBe(true);
    expect(isBoilerplateLine("Story continues below advertisement")).toBe(true);
    expect(isBoilerplateLine("Image credit: Harbour Authority")).toBe(false);
    expect(isBoilerplateLine("Mara Quist/AFP via Getty Images")).toBe(false);
    expect(isBoilerplateLine("Share this article on a long sentence that goes on and on about the council meeting and the vote that followed it")).toBe(false);
    expect(isBoilerplateLine("The advertisement ran in three newspapers.")).toBe(false);
    expect(isBoilerplateLine("Related stories")).toBe(true);
    expect(isBoilerplateLine("Related to the strike, two depots closed early.")).toBe(false);
    expect(stripBoilerplate('<p>She posted it on <a href="#">Facebook</a>.</p><ul><li>Email</li></ul>')).toBe(
      '<p>She posted it on <a href="#">Facebook</a>.</p>',
    );
  });

  it("drops pagers, counters and a gallery label repeated on every slide, but keeps recurring speaker labels", () => {
    const slide = (n: number) => `<h3>Storm closes the coast road</h3><p>Slide ${n}: waves over the sea wall at high tide, seen from the promenade.</p>`;
    const html = `${slide(1)}${slide(2)}${slide(3)}<ul><li>&lt;</li><li>1</li><li>2</li><li>3</li><li>&gt;</li></ul><p>5,263</p>` +
      "<p>Q:</p><p>Why now?</p><p>Q:</p><p>Who pays?</p><p>Q:</p><p>When?</p>";
    const kept = stripBoilerplate(html);
    expect(kept).not.toContain("Storm closes the coast road");
    expect(kept).not.toMatch(/<li>|5,263/);
    expect(kept).toContain("Slide 3: waves over the sea wall");
    expect(kept.match(/<p>Q:<\/p>/g)).toHaveLength(3);
  });
});

describe("furniture around the story", () => {
  const bridgePage = readFileSync(new URL("../../fixtures/pages/comment-rules-and-stamps.html", import.meta.url), "utf8");

  it("drops the byline and date stamp, a slide counter, a newsletter pitch, the comment rules, tags, pager and previous/next-story links", () => {
    const { text, publishedAt, byline } = readArticle(bridgePage, "https://eastbay-courier.example/bridge-reopens");
    const furniture = ["Lena Marsh", "Published March 3", "1 of 6", "to your inbox", "To post a comment", "Tags:", "Prev Next", "Ferry adds evening crossings", "Divers to inspect"];
    for (const line of furniture) {
      expect(text).not.toContain(line);
    }
    expect(byline).toBe("Lena Marsh and Tomas Ferreira");
    expect(text).toContain("The harbour bridge reopened to traffic on Tuesday evening");
    expect(text).toContain("keep two of its extra boats running until Friday.");
    // The stamp is furniture in the text but still the page's date.
    expect(publishedAt?.toISOString().slice(0, 10)).toBe("2015-03-03");
  });

  it("keeps sentences that start with a date", () => {
    const { text } = readArticle(bridgePage, "https://eastbay-courier.example/bridge-reopens");
    expect(text).toContain("March 2, 2015 was the first day the ferry service ran extra crossings");
  });

  it("judges date stamps, paywall notices and arrows by the whole line", () => {
    expect(isBoilerplateLine("Dec. 29, 2014, 5:04 PM")).toBe(true);
    expect(isBoilerplateLine("28 December 2014")).toBe(true);
    expect(isBoilerplateLine("Published 12/28/2014")).toBe(true);
    // A bare day may head a section of a timeline.
    expect(isBoilerplateLine("March 4")).toBe(false);
    expect(isBoilerplateLine("In 2014, March was the coldest month.")).toBe(false);
    expect(isBoilerplateLine("BY JANE DOE AND JOHN ROE")).toBe(true);
    // Subheads and sentences that start with "By" are text.
    expect(isBoilerplateLine("By The Numbers")).toBe(false);
    expect(isBoilerplateLine("By Friday, the council had voted.")).toBe(false);
    expect(isBoilerplateLine("［有料会員限定］ この記事は会員限定です。")).toBe(true);
    expect(isBoilerplateLine("This article is for subscribers only")).toBe(true);
    expect(isBoilerplateLine("Prices rose → demand fell → prices fell again, the report said, in a cycle that repeated for years.")).toBe(false);
  });

  it("never takes a Japanese paragraph, written without spaces, for a short line", () => {
    const paragraph = "港の橋は火曜日の夜に通行が再開された。二週間前に船が橋脚に衝突し、技術者が点検と修理のために閉鎖していた。";
    expect(isBoilerplateLine(paragraph)).toBe(false);
    // The story and its paywall notice in one block: the notice goes, the story stays.
    const kept = stripBoilerplate(`<div><p>${paragraph}</p><p>［有料会員限定］この記事は会員限定です。</p></div>`);
    expect(kept).toContain(paragraph);
    expect(kept).not.toContain("会員限定");
  });

  it("drops a 'More from …' list of story links with its label, but keeps a list of links that is the story's own", () => {
    const html = `<p>Shop owners said the new market rules would cut their weekend trade by half.</p>
      <p>More from Harbour Business Weekly:</p>
      <ul><li><a href="/a">Five costs every new bakery forgets</a></li><li><a href="/b">Your year-end tax checklist</a></li></ul>
      <p>The council publishes these reports every quarter:</p>
      <ul><li><a href="/r1">Market rules 2026</a></li><li><a href="/r2">Traffic survey</a></li></ul>`;
    const kept = stripBoilerplate(html);
    expect(kept).not.toMatch(/More from|Five costs|year-end tax/);
    expect(kept).toContain("Market rules 2026");
    expect(kept).toContain("weekend trade by half");
  });

  it("drops a media player's instructions and a site's legal footer", () => {
    expect(isBoilerplateLine("Press spacebar to pause and continue. Press esc to stop.")).toBe(true);
    expect(isBoilerplateLine("Your California Privacy Rights")).toBe(true);
    expect(isBoilerplateLine("Ad Choices")).toBe(true);
    const footer =
      "© 2026 Harbour Media Group. All rights reserved. Use of this site constitutes acceptance of our User Agreement and " +
      "Privacy Policy. The material on this site may not be reproduced, distributed, transmitted, cached or otherwise used.";
    expect(isBoilerplateLine(footer)).toBe(true);
    // A sentence about a copyright case is text.
    expect(isBoilerplateLine("Copyright lawyers for the band said the label had reserved all rights to the recordings in 1998.")).toBe(false);
  });

  it("refuses a page whose only text is its legal footer", () => {
    const videoPage = `<!DOCTYPE html><html><head><title>Video: Kitchen of the year - Home Monthly</title></head><body>
      <nav><a href="/">Home</a></nav><div class="player"><h1>Video: Kitchen of the year</h1></div>
      <div class="footer-text"><p>© 2026 Home Monthly Media. All rights reserved<br>Use of this Site constitutes acceptance of our
      User Agreement (effective 1/2/2026) and Privacy Policy (effective 1/2/2026)<br>The material on this site may not be reproduced,
      distributed, transmitted, cached or otherwise used, except with the prior written permission of Home Monthly Media.</p></div>
      </body></html>`;
    expect(() => readArticle(videoPage, "https://homemonthly.example/video/kitchen")).toThrow("No article text found");
  });

  it("drops a breadcrumb trail above the story, but not a short heading or a list of short items inside it", () => {
    const story = "<p>This season the tailors went back to grey, in wool and in flannel, cut loose for the weekend.</p>";
    const crumbs = `<ul><li><a href="/">Home</a></li><li><a href="/style">Fashion &amp; Style</a></li><li>Perfect Wardrobe</li></ul>`;
    const kept = stripBoilerplate(`${crumbs}${story}`);
    expect(kept).not.toMatch(/Home|Fashion|Perfect Wardrobe/);
    expect(kept).toContain("went back to grey");
    const withHeading = stripBoilerplate(`<h2>Going Grey</h2>${story}<ul><li>Wool</li><li>Flannel</li><li>Linen</li></ul>`);
    expect(withHeading).toContain("Going Grey");
    expect(withHeading).toContain("Flannel");
    const ingredients = stripBoilerplate(`<ul><li>2 eggs</li><li>Plain flour</li><li>Salt</li></ul>${story}`);
    expect(ingredients).toContain("Plain flour");
  });
});
