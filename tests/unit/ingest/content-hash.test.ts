import { describe, expect, it } from "vitest";
import { contentHash, normalizeForHash } from "@/lib/ingest/content-hash";

describe("contentHash", () => {
  it("is the same for typographic, case and spacing variants of one text", () => {
    const a = "“We can no longer police these waters alone,” the negotiator said — twice.";
    const b = '  "we can no longer police these\u00a0waters alone," THE negotiator said - twice.\u200b ';
    expect(normalizeForHash(a)).toBe(normalizeForHash(b));
    expect(contentHash(a)).toBe(contentHash(b));
    expect(contentHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("differs when the words differ", () => {
    expect(contentHash("The vote was 7 to 4.")).not.toBe(contentHash("The vote was 7 to 5."));
  });
});
