// Quotes inside reported speech, on sentences written for these tests in the style of news: a quote
// that ends a that-clause is one mixed statement with it, and a label runs over every label given.
import { describe, expect, it } from "vitest";
import { statementsOf as said } from "./helpers";

describe("a quote that ends a reported clause", () => {
  it("joins the clause after a verb, its object and that to the quote that ends it", () => {
    const text = "In a post on X, Governor Dan Price told the White House that if it wants the state’s water, “come and take it.”";
    expect(said(text)).toEqual([{ text: "if it wants the state’s water, “come and take it.”", mode: "mixed", cue: "told", speaker: "Dan Price" }]);
  });

  it("keeps a scare-quoted phrase earlier in the clause inside the statement", () => {
    const text = "In his speech, Governor Tom Hale argued that citizenship “is a promise” and that “no party owns the flag.”";
    const found = said(text);
    expect(found).toContainEqual(
      expect.objectContaining({ text: "citizenship “is a promise” and that “no party owns the flag.”", mode: "mixed", speaker: "Tom Hale" }),
    );
    expect(found.filter((s) => s.text.includes("no party owns"))).toHaveLength(1);
  });

  it("reads any past-tense verb right before that as the lead-in's verb", () => {
    const text = "Mayor Lena Ortiz lamented that the “danger” came from the council’s habit of “ignoring every warning the engineers gave it for ten years.”";
    expect(said(text)).toEqual([
      {
        text: "the “danger” came from the council’s habit of “ignoring every warning the engineers gave it for ten years.”",
        mode: "mixed",
        cue: "lamented",
        speaker: "Lena Ortiz",
      },
    ]);
  });

  it("reads a long object and a comma after that", () => {
    const text = "Governor Ann Cole also told NBC anchor Rita Moss that, if elected, she would be “a friend to every farmer and every rancher in the valley.”";
    expect(said(text)).toEqual([
      { text: "if elected, she would be “a friend to every farmer and every rancher in the valley.”", mode: "mixed", cue: "told", speaker: "Ann Cole" },
    ]);
  });

  it("joins a clause with no that to the quote that ends it", () => {
    const text = "Treasurer Maya Fox spoke to the chamber on Tuesday. She also said the shortfall was not the fault of the schools, “not by a long stretch.”";
    expect(said(text).filter((s) => s.text.includes("long stretch"))).toEqual([
      { text: "the shortfall was not the fault of the schools, “not by a long stretch.”", mode: "mixed", cue: "said", speaker: "Maya Fox" },
    ]);
  });

  it("leaves a quote after a verb and its time or audience as the quote alone", () => {
    const text = "Treasurer Maya Fox told reporters, “The shortfall is real.” She said Monday, “We will close it.”";
    expect(said(text).map((s) => [s.mode, s.text])).toEqual([
      ["direct", "The shortfall is real."],
      ["direct", "We will close it."],
    ]);
  });

  it("runs a statement interrupted by its attribution from the sentence's first word, and on past the quote", () => {
    const text =
      "Economist Rosa Lind spoke after the vote. In the poorer counties, she said, “nobody can say what will happen” to jobs once the new wage takes effect.";
    const found = said(text).filter((s) => s.text.includes("nobody can say"));
    expect(found.map((s) => [s.mode, s.cue, s.speaker])).toEqual([["mixed", "said", "Rosa Lind"]]);
    expect(found[0]?.text).toBe("In the poorer counties, she said, “nobody can say what will happen” to jobs once the new wage takes effect");
  });

  it("leaves the question put to a speaker out of the answer", () => {
    const text = "Senator Rosa Lind spoke after the vote. When asked about the delay, she said, “We have three weeks to go.”";
    expect(said(text).filter((s) => s.text.includes("three weeks"))).toEqual([
      expect.objectContaining({ text: "We have three weeks to go.", mode: "direct" }),
    ]);
  });

  it("leaves a quote attributed after it alone when no that-clause leads into it", () => {
    const text = "“We will not back down,” Mayor Lena Ortiz said on Friday.";
    expect(said(text)).toEqual([{ text: "We will not back down", mode: "direct", cue: "said", speaker: "Lena Ortiz" }]);
  });
});

describe("labels in quotes", () => {
  it("runs over every label given in one breath", () => {
    const text = "Rep. Carla Diaz called the senator a “train wreck” and “outsourcer in chief.”";
    expect(said(text).map((s) => [s.mode, s.text])).toEqual([["mixed", "called the senator a “train wreck” and “outsourcer in chief.”"]]);
  });

  it("runs to the end of the clause the label belongs to", () => {
    const text = "The planning minister, Omar Baig, calls the new terminal “a mistake” because so few people live near it.";
    expect(said(text).map((s) => s.text)).toContainEqual("calls the new terminal “a mistake” because so few people live near it");
  });
});

describe("a clause that finishes a quote before its attribution", () => {
  it("runs the statement from the opening mark to the comma before the attribution", () => {
    expect(said("“The levy will be a hard sell” for the county, said Mayor Rosa Lind.")).toEqual([
      { text: "“The levy will be a hard sell” for the county", mode: "mixed", cue: "said", speaker: "Rosa Lind" },
    ]);
    const text = "Senator Tom Hale spoke on Monday. “Nobody will fund the dam” until the survey is done, he said.";
    expect(said(text)).toEqual([{ text: "“Nobody will fund the dam” until the survey is done", mode: "mixed", cue: "said", speaker: "Tom Hale" }]);
  });

  it("does not take a name inside that clause for the speaker", () => {
    const text = "Ann Cole is the county’s treasurer. “It would be a blow” for Tom Hale, said Ann Cole.";
    expect(said(text).map((s) => s.speaker)).toEqual(["Ann Cole"]);
  });

  it("leaves a quote alone when its words run on without an attribution", () => {
    const text = "Mayor Rosa Lind said the plan was sound. “The levy will pass” for the county in May.";
    expect(said(text).filter((s) => s.text.includes("levy"))).not.toContainEqual(expect.objectContaining({ mode: "mixed" }));
  });
});

describe("words before a quote whose attribution follows it", () => {
  it("start what was said", () => {
    expect(said("The county’s new budget would “gut every library we have,” Mayor Rosa Lind declared on Monday.")).toEqual([
      { text: "The county’s new budget would “gut every library we have,”", mode: "mixed", cue: "declared", speaker: "Rosa Lind" },
    ]);
  });

  it("leave a quote alone after a colon or a question put to the speaker", () => {
    expect(said("Mayor Rosa Lind had one answer: “Not this year,” she said.").map((s) => s.mode)).toEqual(["direct"]);
    expect(said("Asked about the levy, “Not this year,” Mayor Rosa Lind said.").map((s) => s.mode)).toEqual(["direct"]);
  });
});
