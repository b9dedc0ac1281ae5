import { describe, expect, it } from "vitest";
import { normalizeText } from "@/lib/ingest/normalize-text";

describe("normalizeText", () => {
  it("removes zero-width spaces, word joiners, BOMs and soft hyphens inside words", () => {
    expect(normalizeText("Pedro Sanch\u200Bez")).toBe("Pedro Sanchez");
    expect(normalizeText("\uFEFFMinis\u00ADter Ols\u2060en")).toBe("Minister Olsen");
  });

  it("removes zero-width joiners next to Latin, Greek and Cyrillic letters", () => {
    expect(normalizeText("Ana\u200D Brnabi\u200Cć and Κυριάκος Μητσο\u200Cτάκης")).toBe("Ana Brnabić and Κυριάκος Μητσοτάκης");
  });

  it("keeps joiners where they shape the script or join an emoji", () => {
    expect(normalizeText("می\u200Cخواهم")).toBe("می\u200Cخواهم");
    expect(normalizeText("👩\u200D💻")).toBe("👩\u200D💻");
  });

  it("turns Windows and old Mac newlines into Unix ones", () => {
    expect(normalizeText("one\r\ntwo\rthree\n")).toBe("one\ntwo\nthree\n");
  });
});
