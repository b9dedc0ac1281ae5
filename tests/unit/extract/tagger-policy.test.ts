// The default engine's restricted use of the tagger (TAGGER_POLICIES.sure): what it adds to the rules
// and what it keeps out. Texts written for these tests in the style of news; the committed weights.
import { describe, expect, it } from "vitest";
import { DEFAULT_ENGINE, extract, extractWith, type TExtraction } from "@/lib/extract";
import { AttributionTagger, ZModelWeights } from "@/lib/extract/model/model";
import { TAGGER_POLICIES } from "@/lib/extract/model/statements";
import { quoteLookup, tokenize } from "@/lib/extract/model/features";
import { findQuotes } from "@/lib/extract/quotes";
import weights from "@/lib/extract/model/weights.json";
import { expectWellFormed } from "./helpers";

// Loading the weights and tagging is CPU work; a loaded machine may need far more than the default.
const SLOW = 120_000;

const QUOTED = [
  "The county board voted 4-1 on Tuesday to close the Elm Street clinic.",
  "Board chair Lena Ortiz argued for “a leaner county that lives within its means.”",
  "The board plans to sell the building in the spring.",
].join("\n\n");

// Plain reported clauses with cues outside the rules' lexicon: PolNeAR counts them, the product's gold mostly does not.
const PLAIN = [
  "Council member Dana Reyes warned that the new stadium would cost taxpayers far more than promised.",
  "Residents hope the vote will be delayed until the summer.",
].join("\n\n");

function texts(r: TExtraction): string[] {
  return r.documents.flatMap((d) => d.statements.map((s) => s.text));
}

describe("default engine (rules + the tagger's surest statements)", () => {
  const tagger = new AttributionTagger(ZModelWeights.parse(weights));

  it("is the hybrid engine, and the plain call uses it", () => {
    expect(DEFAULT_ENGINE).toBe("hybrid");
    expect(extract(QUOTED)).toEqual(extract(QUOTED, {}, "hybrid"));
  }, SLOW);

  it("adds a quoted statement with a verb of saying and a named source, which the rules leave unread", () => {
    const hybrid = extract(QUOTED);
    expectWellFormed(QUOTED, hybrid);
    expect(texts(extract(QUOTED, {}, "rules"))).not.toContain("a leaner county that lives within its means");
    const doc = hybrid.documents[0];
    const added = doc?.statements.find((s) => s.text === "a leaner county that lives within its means");
    expect(added?.mode).toBe("direct");
    expect(doc?.speakers.find((sp) => sp.id === added?.speakerId)?.name).toBe("Lena Ortiz");
  }, SLOW);

  it("keeps out what only a lower margin would admit", () => {
    const never = { ...TAGGER_POLICIES.sure, minMargin: Number.POSITIVE_INFINITY, extend: false };
    expect(texts(extractWith(QUOTED, {}, tagger, never))).toEqual(texts(extract(QUOTED, {}, "rules")));
  }, SLOW);

  it("adds none of the tagger's plain clauses and keeps the rules' clause spans (no leading \"that\")", () => {
    const plain = (r: TExtraction): string[] => r.documents.flatMap((d) => d.statements.filter((s) => s.mode === "indirect").map((s) => s.text));
    expect(plain(extract(PLAIN))).toEqual(plain(extract(PLAIN, {}, "rules")));
    expect(plain(extract(PLAIN))).toContain("the new stadium would cost taxpayers far more than promised");
  }, SLOW);

  it("gives every tagged span a margin, larger for a plainly quoted statement than for narration around it", () => {
    const paragraph = { start: QUOTED.indexOf("Board"), end: QUOTED.indexOf("means.”") + "means.”".length };
    const spans = tagger.tagParagraph(QUOTED, paragraph, quoteLookup(findQuotes(QUOTED, [paragraph])));
    expect(tokenize(QUOTED, paragraph).length).toBeGreaterThan(0);
    const content = spans.find((s) => s.kind === "content");
    expect(content).toBeDefined();
    for (const s of spans) expect(s.margin).toBeGreaterThanOrEqual(0);
    expect(content?.margin ?? 0).toBeGreaterThanOrEqual(TAGGER_POLICIES.sure.minMargin);
  }, SLOW);
});
