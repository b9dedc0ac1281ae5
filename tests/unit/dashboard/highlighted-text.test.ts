import { describe, expect, it } from "vitest";
import { describeHighlight, nonOverlapping, splitIntoParagraphs } from "@/components/article/highlighted-text";
import type { THighlight } from "@/lib/queries/articles";

const trump = { slug: "donald-trump", name: "Donald Trump", role: "President", country: "US", kind: "person" as const };
const h = (id: number, start: number, end: number, role: THighlight["role"] = "claim"): THighlight => ({
  id,
  start,
  end,
  mode: "direct",
  cue: "said",
  speaker: trump,
  role,
});

describe("splitIntoParagraphs", () => {
  const text = "First line with a quote.\n\nSecond line, more words here.";

  it("keeps every character, in order, across paragraphs", () => {
    const paragraphs = splitIntoParagraphs(text, [h(1, 6, 10), h(2, 26, 32)]);
    expect(paragraphs).toHaveLength(2);
    expect(paragraphs.map((p) => p.map((piece) => piece.text).join(""))).toEqual(["First line with a quote.", "Second line, more words here."]);
    expect(paragraphs[0]?.find((piece) => piece.highlight)?.text).toBe("line");
    expect(paragraphs[1]?.find((piece) => piece.highlight)?.text).toBe("Second");
  });

  it("splits a statement that crosses a line break and marks only its first piece as the anchor", () => {
    const paragraphs = splitIntoParagraphs(text, [h(3, 18, 32)]);
    const pieces = paragraphs.flat().filter((piece) => piece.highlight);
    expect(pieces.map((piece) => [piece.text, piece.first])).toEqual([
      ["quote.", true],
      ["Second", false],
    ]);
  });

  it("ignores offsets outside the text and overlapping statements", () => {
    expect(nonOverlapping([h(1, 0, 10), h(2, 5, 12), h(3, 12, 200)], 50).map((x) => x.id)).toEqual([1]);
  });
});

describe("describeHighlight", () => {
  it("names the speaker, role, country and cue", () => {
    expect(describeHighlight(h(1, 0, 1))).toBe("Donald Trump, President (US) · “said” · direct quote · claim with responses");
  });

  it("says so when nobody can be named", () => {
    expect(describeHighlight({ ...h(1, 0, 1, "plain"), speaker: null, cue: null })).toBe("Unattributed · direct quote · statement");
  });
});
