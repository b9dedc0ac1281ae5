// The review forms' strings become the same requests the API takes; words stand for a selection
// and must point at one place in the text.
import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { correctionRequestFromForm, spanOfWords } from "@/lib/review/correction-form";

const text = "Hayashi said the alliance matters. Ishiba said the alliance matters too.";

describe("correctionRequestFromForm", () => {
  it("turns typed words into the span of a new statement with a new speaker", () => {
    const request = correctionRequestFromForm(
      { kind: "statement_add", articleId: "7", words: "Ishiba said", mode: "indirect", speakerId: "new", newSpeakerName: "Shigeru Ishiba" },
      text,
    );
    expect(request).toEqual({
      kind: "statement_add",
      articleId: 7,
      span: { start: text.indexOf("Ishiba said"), end: text.indexOf("Ishiba said") + 11 },
      mode: "indirect",
      speaker: { newSpeaker: { name: "Shigeru Ishiba", kind: "person" } },
    });
  });

  it("refuses words that are missing or ambiguous, saying which", () => {
    expect(() => spanOfWords(text, "the alliance matters")).toThrow(/more than once/);
    expect(() => spanOfWords(text, "nobody said")).toThrow(/not in the article/);
  });

  it("rejects an unknown mode and a missing id with zod's field messages", () => {
    expect(() => correctionRequestFromForm({ kind: "statement_mode", statementId: "3", mode: "shouted" }, null)).toThrow(ZodError);
    expect(() => correctionRequestFromForm({ kind: "statement_reject" }, null)).toThrow(ZodError);
  });

  it("reads a merge as 'this speaker into the chosen one'", () => {
    expect(correctionRequestFromForm({ kind: "speaker_merge", speakerId: "4", intoSpeakerId: "9" }, null)).toEqual({ kind: "speaker_merge", speakerId: 9, fromSpeakerId: 4 });
  });
});
