// Groups the same words reported by several outlets: a short hash of the quote's normalised words.
import { createHash } from "node:crypto";
import { normalizeForHash } from "@/lib/ingest/content-hash";

export function quoteKey(text: string): string {
  const words = normalizeForHash(text).match(/[\p{L}\p{N}]+/gu) ?? [];
  return createHash("sha256").update(words.join(" ")).digest("hex").slice(0, 20);
}

/** Quotes this short ("No.", "We will see") are too common to link two articles by. */
export function isDistinctiveQuote(text: string): boolean {
  return (normalizeForHash(text).match(/[\p{L}\p{N}]+/gu) ?? []).length >= 6;
}
