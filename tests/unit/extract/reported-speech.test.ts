// Reported speech around short quoted phrases: auxiliaries between a speaker and the verb, a label
// given later in the same sentence, and a quote closed by a full stop before the next sentence's
// speaker. Short texts written for these tests in the style of news.
import { describe, expect, it } from "vitest";
import { statementsOf as said } from "./helpers";

describe("reported speech with a short quoted phrase", () => {
  it("reads the verb after an auxiliary or a time adverb", () => {
    expect(said("Governor Ruth Alder has long said that the bridge toll is unfair to commuters.")).toEqual([
      { text: "the bridge toll is unfair to commuters", mode: "indirect", cue: "said", speaker: "Ruth Alder" },
    ]);
    expect(said("Mayor Ken Ito did say the budget was “a real mess” after the vote.")).toEqual([
      { text: "the budget was “a real mess” after the vote", mode: "mixed", cue: "say", speaker: "Ken Ito" },
    ]);
  });

  it("ends the reported clause where a label of the same speaker begins", () => {
    expect(said("Senator Paula Grant said she found the proposal “deeply flawed” and called the vote “a sham.”")).toEqual([
      { text: "she found the proposal “deeply flawed”", mode: "mixed", cue: "said", speaker: "Paula Grant" },
      { text: "called the vote “a sham.”", mode: "mixed", cue: "called", speaker: "Paula Grant" },
    ]);
  });

  it("starts a new sentence after a quote closed by a full stop when the next speaker says more", () => {
    expect(said("Senator Paula Grant called the plan “unworkable.” Mayor Ken Ito said the toll would rise, calling it “a fair price.”")).toEqual([
      { text: "called the plan “unworkable.”", mode: "mixed", cue: "called", speaker: "Paula Grant" },
      { text: "the toll would rise", mode: "indirect", cue: "said", speaker: "Ken Ito" },
      { text: "calling it “a fair price.”", mode: "mixed", cue: "calling", speaker: "Ken Ito" },
    ]);
    // A bare attribution after the full stop still belongs to the quote.
    expect(said("Reporters asked about the race. “We will win.” Mayor Ken Ito said on Monday.")).toEqual([
      { text: "We will win.", mode: "direct", cue: "said", speaker: "Ken Ito" },
    ]);
  });
});
