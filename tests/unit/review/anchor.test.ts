// Anchoring a correction to the text: the same place is found when the words stay put, when the
// text around them grows or shrinks, and among repeats by its context; gone words give null.
import { describe, expect, it } from "vitest";
import { bestOverlap, locateAnchor, makeAnchor } from "@/lib/review/anchor";

const text = "Intro. The minister said “we will not pay” on Monday. Later, critics said “we will not pay” was a bluff.";

describe("locateAnchor", () => {
  const start = text.indexOf("we will not pay");
  const anchor = makeAnchor(text, start, start + "we will not pay".length);

  it("finds the words at their offsets when the text is unchanged", () => {
    expect(locateAnchor(text, anchor)).toEqual({ start: anchor.start, end: anchor.end });
  });

  it("follows the words when text before them is added", () => {
    const longer = `Updated at 10:00. ${text}`;
    const place = locateAnchor(longer, anchor);
    expect(place && longer.slice(place.start, place.end)).toBe("we will not pay");
    expect(place?.start).toBe(start + "Updated at 10:00. ".length);
  });

  it("picks the repeat whose context matches, not merely the first or the nearest", () => {
    const second = text.lastIndexOf("we will not pay");
    const secondAnchor = makeAnchor(text, second, second + "we will not pay".length);
    const shifted = text.replace("Intro. ", "");
    const place = locateAnchor(shifted, secondAnchor);
    expect(place?.start).toBe(shifted.lastIndexOf("we will not pay"));
  });

  it("says the words are gone when they are", () => {
    expect(locateAnchor(text.replaceAll("we will not pay", "we may pay"), anchor)).toBeNull();
  });
});

describe("bestOverlap", () => {
  it("matches a span the extractor widened or narrowed, and not a neighbour that only touches it", () => {
    const spans = [{ start: 0, end: 10 }, { start: 9, end: 41 }, { start: 45, end: 60 }];
    expect(bestOverlap(spans, { start: 12, end: 40 })).toEqual({ start: 9, end: 41 });
    expect(bestOverlap(spans, { start: 41, end: 45 })).toBeNull();
  });
});
