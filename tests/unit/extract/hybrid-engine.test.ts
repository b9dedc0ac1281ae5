// The hybrid engine (the default; TAGGER_POLICIES.sure): the rules' statements, plus the tagger's quoted
// statements with a verb of saying and a named source, and lead-ins of rule statements. Texts written
// for these tests in the style of news.
import { describe, expect, it } from "vitest";
import { extract, type TEngine } from "@/lib/extract";
import { expectWellFormed } from "./helpers";

// Loading the weights is CPU work; a loaded machine may need far more than the default.
const SLOW = 120_000;

const TEXT = [
  "The county board voted 4-1 on Tuesday to close the Elm Street clinic.",
  "Board chair Lena Ortiz argued for “a leaner county that lives within its means.”",
  "Asked whether the clinic could reopen, Ortiz said only: “Not this year, and maybe not next.”",
  "The board plans to sell the building in the spring.",
].join("\n\n");

function statements(engine: TEngine): { text: string; mode: string; speaker: string | null }[] {
  const r = extract(TEXT, {}, engine);
  expectWellFormed(TEXT, r);
  return r.documents.flatMap((d) =>
    d.statements.map((s) => ({ text: s.text, mode: s.mode, speaker: d.speakers.find((sp) => sp.id === s.speakerId)?.name ?? null })),
  );
}

describe("hybrid engine", () => {
  it("adds the quote the rules leave unread, with its speaker, and keeps every rule statement", () => {
    const rules = statements("rules");
    const hybrid = statements("hybrid");
    expect(rules.map((s) => s.text)).not.toContain("a leaner county that lives within its means");
    expect(hybrid).toContainEqual({ text: "a leaner county that lives within its means", mode: "direct", speaker: "Lena Ortiz" });
    for (const st of rules) expect(hybrid).toContainEqual(st);
  }, SLOW);

  it("never adds the tagger's plain clauses", () => {
    const plain = (engine: TEngine): string[] => statements(engine).filter((s) => s.mode === "indirect").map((s) => s.text);
    expect(plain("hybrid")).toEqual(plain("rules"));
  }, SLOW);
});
