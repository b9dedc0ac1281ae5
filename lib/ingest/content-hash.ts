// Exact-duplicate key for article text: sha256 over a normalised form, so the same text with other
// quotes, dashes, case, spacing or invisible characters hashes the same.
import { createHash } from "node:crypto";

/** Unicode-compatible, case-folded, typographic punctuation unified, whitespace collapsed. */
export function normalizeForHash(text: string): string {
  return text
    .normalize("NFKC")
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, "")
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u2039\u203A]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/\u2026/g, "...")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Hex sha256 of the normalised text. */
export function contentHash(text: string): string {
  return createHash("sha256").update(normalizeForHash(text), "utf8").digest("hex");
}
