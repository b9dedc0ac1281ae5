// The pure re-application of corrections to fresh extraction rows: each kind lands on the statement
// it was made for even after spans shift, and a correction whose words vanished is reported.
import { describe, expect, it } from "vitest";
import { applyCorrections, type TShownPair, type TShownStatement } from "@/lib/review/apply-corrections";
import { makeAnchor } from "@/lib/review/anchor";
import type { TTextCorrection } from "@/lib/review/correction-types";

const text = "Smith said “taxes will fall”. Jones replied that taxes would rise. NEWS Follow us today.";
const at = (words: string) => ({ start: text.indexOf(words), end: text.indexOf(words) + words.length });
const anchorOf = (words: string) => makeAnchor(text, at(words).start, at(words).end);

function statement(id: number, words: string, speakerId: number | null): TShownStatement {
  return { id, articleId: 1, ...at(words), text: words, speakerId, mode: "direct", correctedAt: null };
}

function fresh() {
  // As a re-extraction might give them: the first span now includes the closing quote mark.
  const claim = { ...statement(11, "taxes will fall", 100), end: at("taxes will fall").end + 1 };
  const response = statement(12, "taxes would rise", 100);
  const chrome = statement(13, "Follow us today", null);
  const pairs: TShownPair[] = [];
  return { statements: [claim, response, chrome], pairs };
}

const when = new Date("2026-12-01T06:00:00Z");
let nextId = 1;
function correction(c: Omit<TTextCorrection, "id" | "at">): TTextCorrection {
  return { ...c, id: nextId++, at: when } as TTextCorrection;
}

describe("applyCorrections", () => {
  it("re-applies a speaker change, a rejection and an added pair to rows whose spans shifted", () => {
    const { statements, pairs } = fresh();
    const result = applyCorrections({
      article: { articleId: 1, text, statements },
      others: [],
      pairs,
      speakerMerges: new Map(),
      corrections: [
        correction({ kind: "statement_speaker", target: { anchor: anchorOf("taxes would rise") }, after: { speakerId: 200 } }),
        correction({ kind: "statement_reject", target: { anchor: anchorOf("Follow us today") }, after: {} }),
        correction({
          kind: "pair_add",
          target: { claim: { articleId: 1, anchor: anchorOf("taxes will fall") }, response: { articleId: 1, anchor: anchorOf("taxes would rise") } },
          after: { relation: "rebuts" },
        }),
      ],
    });
    expect(result.outcomes.every((outcome) => outcome.status === "applied")).toBe(true);
    expect(result.statements.map((row) => row.text)).toEqual(["taxes will fall", "taxes would rise"]);
    expect(result.statements.find((row) => row.id === 12)).toMatchObject({ speakerId: 200, correctedAt: when });
    expect(result.pairs).toHaveLength(1);
    expect(result.pairs[0]).toMatchObject({ relation: "rebuts", correctedAt: when });
    expect(result.pairs[0]?.claim.id).toBe(11);
    // The input rows are left as they were.
    expect(statements).toHaveLength(3);
    expect(statements[1]?.speakerId).toBe(100);
  });

  it("adds a missed statement once, and moves a statement's span to the words chosen", () => {
    const { statements } = fresh();
    const add = correction({ kind: "statement_add", target: { anchor: anchorOf("Smith said") }, after: { speakerId: 300, mode: "indirect" } });
    const span = correction({ kind: "statement_span", target: { anchor: anchorOf("taxes would rise") }, after: { anchor: anchorOf("that taxes would rise") } });
    const input = { article: { articleId: 1, text, statements }, others: [], pairs: [], speakerMerges: new Map<number, number>(), corrections: [add, span] };
    const once = applyCorrections(input);
    const twice = applyCorrections({ ...input, article: { ...input.article, statements: once.statements } });
    expect(twice.statements.filter((row) => row.text === "Smith said")).toHaveLength(1);
    expect(twice.statements.find((row) => row.id === 12)?.text).toBe("that taxes would rise");
    expect(twice.outcomes.every((outcome) => outcome.status === "applied")).toBe(true);
  });

  it("reports a correction whose words left the text as orphaned and keeps the others", () => {
    const changed = text.replace("taxes would rise", "nothing at all");
    const statements = fresh().statements.slice(0, 1);
    const gone = correction({ kind: "statement_speaker", target: { anchor: anchorOf("taxes would rise") }, after: { speakerId: 200 } });
    const kept = correction({ kind: "statement_mode", target: { anchor: anchorOf("taxes will fall") }, after: { mode: "mixed" } });
    const result = applyCorrections({ article: { articleId: 1, text: changed, statements }, others: [], pairs: [], speakerMerges: new Map(), corrections: [gone, kept] });
    expect(result.outcomes).toEqual([
      { id: gone.id, status: "orphaned", note: "its words are no longer in the article" },
      { id: kept.id, status: "applied", note: null },
    ]);
    expect(result.statements[0]?.mode).toBe("mixed");
  });

  it("gives statements of a merged-away speaker to the speaker kept", () => {
    const { statements } = fresh();
    const result = applyCorrections({ article: { articleId: 1, text, statements }, others: [], pairs: [], speakerMerges: new Map([[100, 400]]), corrections: [] });
    expect(result.statements.filter((row) => row.speakerId === 400)).toHaveLength(2);
  });
});
