// Which reading of a speaker's role or country is stored: a newer engine corrects an older one's,
// the same engine's first reading stays, and a reading of nothing never erases what is known.
import { describe, expect, it } from "vitest";
import { readingReplaces } from "@/lib/ingest/store-entities";

describe("readingReplaces", () => {
  it("fills a detail nobody has read yet", () => {
    expect(readingReplaces(null, 0, "US", 8)).toBe(true);
  });

  it("lets a newer engine correct what an older one stored", () => {
    expect(readingReplaces("CA", 7, "US", 8)).toBe(true);
    expect(readingReplaces("CA", 0, "US", 8)).toBe(true);
  });

  it("marks an older engine's value as confirmed when the newer engine reads the same", () => {
    expect(readingReplaces("US", 7, "US", 8)).toBe(true);
    expect(readingReplaces("US", 8, "US", 8)).toBe(false);
  });

  it("keeps the same engine's first reading when a later article reads otherwise", () => {
    expect(readingReplaces("US", 8, "CA", 8)).toBe(false);
  });

  it("never lets an older engine (a worker not yet upgraded) overwrite a newer one's reading", () => {
    expect(readingReplaces("US", 9, "CA", 8)).toBe(false);
    expect(readingReplaces(null, 9, "CA", 8)).toBe(true);
  });

  it("keeps what is known when an article says nothing about it", () => {
    expect(readingReplaces("US", 7, null, 8)).toBe(false);
  });
});
