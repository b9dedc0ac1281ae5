// Speakers the dispute gold showed wrong in the sixth session (bench/EXTRACTION.md, "h-speakers" of
// 2026-12-01 sixth session): sentence adverbs and places read as names, definite descriptions of the
// story's people ("the campaign manager", "the real estate developer"), and a quote whose speaker came
// from context alone. Every text is written for this test in the style of US political copy.
import { describe, expect, it } from "vitest";
import { speakerOf, speakersOf } from "./helpers";

describe("sentence adverbs and places are no speakers", () => {
  it("a sentence opening with “Back in …” or “Likewise,” is its subject's", () => {
    const text = [
      "Governor Dale Hutchins has courted the mayor for years.",
      "Back in 2009, Mr. Hutchins expressed admiration for the mayor's fundraising, telling WKRN: “I wish I had half his talent.”",
      "Likewise, Hutchins went after Senator Rhoda Kemp for her vote and called for her to give up her committee seat.",
    ].join("\n\n");
    expect(speakerOf(text, "I wish I had half his talent")).toBe("Dale Hutchins");
    expect(speakerOf(text, "called for her to give up her committee seat")).toBe("Dale Hutchins");
    const names = speakersOf(text).map((s) => s.name);
    expect(names).not.toContain("Back");
    expect(names).not.toContain("Likewise");
  });

  it("a state named right before the verb does not speak", () => {
    const text = [
      "Rick Halvorsen turned on his rival, with the campaign of the former congressman from Ohio saying Dunmore was soft on crime.",
    ].join("\n\n");
    expect(speakersOf(text).map((s) => s.name)).not.toContain("Ohio");
  });
});

describe("a definite description is someone the story named", () => {
  it("“the campaign manager” is the person introduced with that title", () => {
    const text = [
      "Senator Mae Corbin has blamed her aides for the loss, and singled out Corbin campaign manager Hal Pruitt.",
      "When the AP asked Pruitt about the remarks, the campaign manager said he needed to speak to the senator first.",
      "“Let me have that conversation and call you back,” he told the AP.",
    ].join("\n\n");
    expect(speakerOf(text, "he needed to speak to the senator first")).toBe("Hal Pruitt");
    expect(speakerOf(text, "Let me have that conversation")).toBe("Hal Pruitt");
  });

  it("an occupation the story gave no one points back to the person it last made its subject", () => {
    const text = [
      "Senator Pat Olney called the port plan reckless. “It is a fantasy,” Olney said.",
      "Donald Grable toured three states on Friday and stopped at a golf club in Galveston.",
      "“He's a great guy and a wonderful golfer,” the real estate developer said of the governor.",
      "The billionaire has praised the governor before, saying he was a stronger leader than his predecessor.",
    ].join("\n\n");
    expect(speakerOf(text, "He's a great guy and a wonderful golfer")).toBe("Donald Grable");
    expect(speakerOf(text, "he was a stronger leader than his predecessor")).toBe("Donald Grable");
  });
});

describe("a quote given a speaker by context alone", () => {
  it("takes the speaker its own sentence names", () => {
    const text = [
      "And Lena Ortiz turned her sights on Cruz, with her campaign manager Bob Dale saying Cruz was “not a real conservative on taxes.”",
      "Grant Whitfield on Thursday ratcheted up his attacks on Ortiz, saying she is “weak on spending, you know that. Weak like a lamb.”",
    ].join("\n\n");
    expect(speakerOf(text, "weak on spending")).toBe("Grant Whitfield");
  });
});
