// Attributions as PolNeAR marks them in news: content before its cue ("…, Smith said in a statement."),
// quoted phrases closing with a comma inside the marks, and a reported clause that is not a speaker.
// Short texts written for these tests in the style of news.
import { describe, expect, it } from "vitest";
import { statementsOf as said } from "./helpers";

describe("content before its cue", () => {
  it("reads a quoted phrase whose comma sits inside the closing mark", () => {
    expect(said("Mayor Ken Ito spoke on Monday. The council, though, would have to “find the money first,” Ito said.")).toEqual([
      { text: "The council, though, would have to “find the money first,”", mode: "mixed", cue: "said", speaker: "Ken Ito" },
    ]);
  });

  it("reads the content when a phrase of place or means follows the verb", () => {
    expect(said("Senator Paula Grant spoke at the rally. The toll would hurt commuters, Grant said in a message to her supporters.")).toEqual([
      { text: "The toll would hurt commuters", mode: "indirect", cue: "said", speaker: "Paula Grant" },
    ]);
  });

  it("does not take a reported clause after the verb for the speaker", () => {
    const found = said("Senator Paula Grant spoke on Monday. Engineers and planners, however, said they believed Grant had misread the survey.");
    expect(found.some((s) => s.speaker === "Paula Grant" && s.text.startsWith("Engineers and planners"))).toBe(false);
  });
});

describe("an aside between the speaker and the verb", () => {
  it("reads past “for example” to the speaker", () => {
    expect(said("Senator Ann Holt's campaign, for example, said she would back the nominee.")).toEqual([
      { text: "she would back the nominee", mode: "indirect", cue: "said", speaker: "Holt campaign" },
    ]);
  });

  it("does not read the subject and its aside as content said by the clause after the verb", () => {
    const found = said("Mayor Ken Ito spoke on Monday. The transit office, however, said the bridge would reopen in May.");
    expect(found.map((s) => s.text)).toEqual(["the bridge would reopen in May"]);
  });

  it("ends the content at “while” after a quote closed with its comma", () => {
    const found = said("Senator Ann Holt's campaign said she would “back the nominee,” while Mayor Ken Ito suggested he would stay neutral.");
    expect(found.map((s) => [s.text, s.speaker])).toEqual([
      ["she would “back the nominee,”", "Holt campaign"],
      ["he would stay neutral", "Ken Ito"],
    ]);
  });
});

describe("where reported content ends", () => {
  it("reads a counted group as the speaker", () => {
    expect(said("The county poll was taken last week. More than six in 10 said they expected the levy to pass.")).toEqual([
      { text: "they expected the levy to pass", mode: "indirect", cue: "said", speaker: "More than six in 10" },
    ]);
  });

  it("ends at a semicolon that opens another report", () => {
    const found = said("The county poll was taken last week. More than six in 10 said they expected the levy to pass; 30 percent said it would fail.");
    expect(found.map((s) => s.text)).toContain("they expected the levy to pass");
  });

  it("ends before “according to” and its source", () => {
    const found = said("Mayor Ken Ito said the levy would pass, according to two people in the room.");
    expect(found.map((s) => s.text)).toContain("the levy would pass");
  });
});

describe("the means of an attribution", () => {
  it("steps over 'in a tweet', 'in an op-ed' between the verb and what was said", () => {
    expect(said("If the levy fails, Mayor Rosa Lind said in a tweet, the county will close two libraries.").map((s) => [s.text, s.speaker])).toEqual([
      ["If the levy fails, Mayor Rosa Lind said in a tweet, the county will close two libraries", "Rosa Lind"],
    ]);
    expect(said("Senator Tom Hale wrote in an op-ed that the dam would never pay for itself.").map((s) => s.text)).toEqual(["the dam would never pay for itself"]);
  });
});

describe("the people told", () => {
  it("are not the start of what they were told", () => {
    expect(said("Senator Tom Hale told reporters he would not block the levy.").map((s) => s.text)).toEqual(["he would not block the levy"]);
    expect(said("Senator Tom Hale told donors the county would need a second levy.").map((s) => s.text)).toEqual(["the county would need a second levy"]);
  });
});

describe("a long subject", () => {
  it("speaks when a phrase of place or means stands between its verb and that", () => {
    const text = 'Mayor Rosa Lind, the owner of two diners and host of the radio show "Main Street Mornings," said in an interview with the Harbor Ledger that the pier should be rebuilt.';
    expect(said(text).map((s) => [s.text, s.speaker])).toEqual([["the pier should be rebuilt", "Rosa Lind"]]);
  });
});

describe("attributions with asides", () => {
  it("reads a name after an inverted verb that closes with a possessive appositive", () => {
    expect(said("The flood maps were years out of date, said Rosa Lind, the Harbor Ledger's editor.").map((s) => [s.text, s.speaker])).toEqual([
      ["The flood maps were years out of date", "Rosa Lind"],
    ]);
  });

  it("steps over 'however' between the person told and that", () => {
    expect(said("Two aides told the Harbor Ledger, however, that the mayor had signed the contract.").map((s) => s.text)).toEqual([
      "the mayor had signed the contract",
    ]);
  });
});

describe("an as-clause", () => {
  it("leads into the clause after its comma", () => {
    expect(said("As Mayor Rosa Lind told the Harbor Ledger, the pier will be rebuilt by spring.").map((s) => [s.text, s.speaker])).toEqual([
      ["the pier will be rebuilt by spring", "Rosa Lind"],
    ]);
  });

  it("does not read a plural noun after as for a verb", () => {
    expect(said("As Baltic states and neighbors, Latvia and Estonia share a long border with Russia.")).toEqual([]);
  });
});
