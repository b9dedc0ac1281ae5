// Quoted words inside someone's judgement or report, on sentences written for these tests in the style
// of news: the quote is a statement when a verb of labelling, judging or saying governs it and the text
// names who did it; a journalist's scare quote and a headline are not.
import { describe, expect, it } from "vitest";
import { statementsOf as said } from "./helpers";

const quoting = (text: string, words: string) => said(text).filter((s) => s.text.includes(words));

describe("a label or judgement with quoted words", () => {
  it("reads a label given to an object with a digit in it", () => {
    const text = "Former governor Ellen Marsh called the K-12 voucher plan “worse than useless.”";
    expect(quoting(text, "worse than useless")).toEqual([
      { text: "called the K-12 voucher plan “worse than useless.”", mode: "mixed", cue: "called", speaker: "Ellen Marsh" },
    ]);
  });

  it("gives a participle's label to the name heading the sentence and runs to the end of the clause", () => {
    const text =
      "Senator Ray Dunn defended the toll, calling the charge on trucks crossing the bridge at night a “plain necessity” for keeping the span open.";
    const found = quoting(text, "plain necessity");
    expect(found.map((s) => [s.mode, s.cue, s.speaker])).toEqual([["mixed", "calling", "Ray Dunn"]]);
    expect(found[0]?.text).toBe("calling the charge on trucks crossing the bridge at night a “plain necessity” for keeping the span open");
  });

  it("reads a judgement by a lexicon verb and by a phrase ending in for", () => {
    const praised = "Mayor Ana Ruiz also praised the volunteers’ “quiet courage” during the floods.";
    expect(quoting(praised, "quiet courage")).toEqual([
      expect.objectContaining({ text: "praised the volunteers’ “quiet courage” during the floods", speaker: "Ana Ruiz", cue: "praised" }),
    ]);
    const credit = "In a late-night post, Governor Paul Reyes took credit for “saving the harbor from ruin.”";
    expect(quoting(credit, "saving the harbor")).toEqual([
      expect.objectContaining({ text: "took credit for “saving the harbor from ruin.”", speaker: "Paul Reyes", cue: "took credit for" }),
    ]);
  });

  it("starts a relative label at what, and gives it to the person the sentence is about", () => {
    const text = "Councilwoman Dana Holt was blunter about the budget gap, what she called “a hole we dug ourselves.”";
    expect(quoting(text, "a hole we dug")).toEqual([
      expect.objectContaining({ text: "what she called “a hole we dug ourselves.”", speaker: expect.stringContaining("Dana Holt"), cue: "called" }),
    ]);
  });

  it("reads a progressive verb and a campaign speaking for its candidate", () => {
    const promising = "Governor Tom Reyes is promising to “drain the swamp” of lobbyists in the capital.";
    expect(quoting(promising, "drain the swamp")).toEqual([
      { text: "to “drain the swamp” of lobbyists in the capital", mode: "mixed", speaker: "Tom Reyes", cue: "promising" },
    ]);
    const campaign = "The tally surprised both sides. Later that night, Reyes’ campaign called the early count on the northern precincts a “rush to judgment.”";
    expect(quoting(campaign, "rush to judgment")).toEqual([expect.objectContaining({ speaker: expect.stringContaining("Reyes"), cue: "called" })]);
  });

  it("ends a label at the next label when that one is a statement of its own", () => {
    const text = "Party chairman Len Ober called the mayor's remarks a “new low” and a “disgrace to the office,” aides said.";
    for (const s of said(text)) expect(s.text).not.toMatch(/(?:and a|“)$/);
  });
});

describe("a reported clause holding a short quote", () => {
  it("reads any past-tense verb before that, and a clause after a comma", () => {
    const text = "Board member Hal Price sniped that, in his view, the director was “learning on the job,” while staff stayed silent.";
    expect(quoting(text, "learning on the job")).toEqual([
      { text: "in his view, the director was “learning on the job,”", mode: "mixed", cue: "sniped", speaker: "Hal Price" },
    ]);
  });

  it("reads a clause with no that", () => {
    const text = "In a radio interview Monday, Senator Joan Pike said the new rules could be “messy” for small farms.";
    expect(quoting(text, "messy")).toEqual([
      { text: "the new rules could be “messy” for small farms", mode: "mixed", cue: "said", speaker: "Joan Pike" },
    ]);
  });

  it("joins a quote to the one that follows it in the same breath", () => {
    const text = "Governor Nina Park said the transit plan would be “costly,” adding, “Nothing worth building is cheap.”";
    const found = quoting(text, "costly");
    expect(found).toEqual([
      expect.objectContaining({ text: "the transit plan would be “costly,” adding, “Nothing worth building is cheap.”", mode: "mixed", speaker: "Nina Park" }),
    ]);
    expect(said(text).filter((s) => s.text.includes("Nothing worth"))).toHaveLength(1);
  });
});

describe("quoted words that are nobody's statement", () => {
  it("leaves a journalist's scare quote alone", () => {
    const text = "The city’s “temporary” bike lanes have now been in place for six years.";
    expect(quoting(text, "temporary")).toEqual([]);
  });

  it("leaves a thing that is called something, with nobody calling it", () => {
    const text = "Lawmakers debated a tax break called a “carried interest” exemption for most of the afternoon.";
    expect(quoting(text, "carried interest")).toEqual([]);
  });

  it("leaves a label whose subject names nobody", () => {
    const text = "Many voters across the county called the measure on the ballot for the new school district “confusing.”";
    expect(quoting(text, "confusing")).toEqual([]);
    const relative = "The bill, which critics had called the most “reckless” budget in a decade, passed.";
    expect(quoting(relative, "reckless")).toEqual([]);
  });

  it("leaves a headline, even one with a stop at its end", () => {
    const text = "Mayor Ruiz slams council’s ‘budget games’ on transit.\n\nThe mayor spoke at City Hall on Friday. She left without taking questions.";
    expect(quoting(text, "budget games")).toEqual([]);
  });

  it("leaves a capitalized title", () => {
    const text = "Senator Joan Pike praised “The Long Road Home” at the festival on Sunday.";
    expect(quoting(text, "Long Road Home")).toEqual([]);
  });
});
