// Reading a page costs time linear in its size, whatever its shape: 4× the nested <div>s or 4× the
// paragraphs cost about 4× the CPU. Deep nesting used to cost minutes (Readability and selectors
// walk every ancestor of every node) and wide pages were quadratic in the text walk.
import { describe, expect, it } from "vitest";
import { MAX_ELEMENT_DEPTH } from "@/lib/ingest/flatten-deep-nesting";
import { readArticle } from "@/lib/ingest/readable-article";
import { htmlToText } from "@/lib/ingest/sanitize-html";
import { growthRatio, LINEAR_GROWTH_LIMIT } from "@/tests/support/growth-ratio";

const PARAGRAPH = "<p>The minister said the talks would continue next week, and officials in both capitals agreed that a deal was close.</p>";
const page = (body: string) => `<!DOCTYPE html><html><head><title>Talks go on</title></head><body>${body}</body></html>`;
const nested = (n: number) => page(`${"<div>".repeat(n)}${PARAGRAPH.repeat(5)}${"</div>".repeat(n)}`);
const wide = (n: number) => page(`<article>${`<div>${PARAGRAPH}</div>`.repeat(n)}</article>`);
const read = (html: string) => readArticle(html, "https://news.example/talks");

describe("page reading time grows linearly", () => {
  it("with the depth of nested elements, and still finds the text at the bottom", { timeout: 120_000 }, () => {
    expect(read(nested(1_000)).text).toContain("a deal was close.");
    expect(growthRatio(nested, read, 100)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it("with the number of paragraphs", { timeout: 120_000 }, () => {
    expect(growthRatio(wide, read, 50)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });

  it("with the number of blocks turned into text", { timeout: 120_000 }, () => {
    const fragment = (n: number) => `<div>${PARAGRAPH}</div>`.repeat(n);
    expect(growthRatio(fragment, htmlToText, 2_000)).toBeLessThan(LINEAR_GROWTH_LIMIT);
  });
});

describe("deep nesting", () => {
  it("keeps every paragraph below the depth limit as its own paragraph", () => {
    const sentences = Array.from({ length: 4 }, (_u, i) => `Point ${i + 1} of the statement, which the minister read out in full to reporters.`);
    const depth = MAX_ELEMENT_DEPTH + 50;
    const html = page(`${"<div>".repeat(depth)}${sentences.map((s) => `<p>${s}</p>`).join("")}${"</div>".repeat(depth)}`);
    expect(read(html).text).toBe(sentences.join("\n\n"));
  });

  it("turns a 5,000-deep fragment into text without overflowing the stack", () => {
    expect(htmlToText(`${"<span>".repeat(5_000)}deep text${"</span>".repeat(5_000)}`)).toBe("deep text");
  });
});
