import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { isBoilerplateLine, stripBoilerplate } from "@/lib/ingest/boilerplate";
import { readArticle } from "@/lib/ingest/readable-article";

const page = readFileSync(new URL("../../fixtures/pages/boilerplate-lines.html", import.meta.url), "utf8");

describe("boilerplate lines", () => {
  it("removes ad labels, share/follow prompts, newsletter pitches, teasers and image credits from the article", () => {
    const { text } = readArticle(page, "https://midland-post.example/rail-strike");
    for (const furniture of ["Share this article", "Photo: Getty Images", "Advertisement", "Related: Why regional", "Sign up for our free", "Follow us"]) {
      expect(text).not.toContain(furniture);
    }
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
    expect(isBoilerplateLine("Image credit: Harbour Authority")).toBe(true);
    expect(isBoilerplateLine("Mara Quist/AFP via Getty Images")).toBe(true);
    expect(isBoilerplateLine("Share this article on a long sentence that goes on and on about the council meeting and the vote that followed it")).toBe(false);
    expect(isBoilerplateLine("The advertisement ran in three newspapers.")).toBe(false);
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
