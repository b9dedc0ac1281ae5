// Names that a label runs into on real news (bench/speakers-report.ts, session 9), on sentences
// written for these tests: a party member's committee label, a party's possessive, a candidate's
// "Team", a son's "Jr.", a department called by its head word, a headline adjective.
import { describe, expect, it } from "vitest";
import { findMentions } from "@/lib/extract/speakers";
import { speakerOf, speakersOf } from "./helpers";

const mentionNames = (text: string): (string | null)[] => findMentions(text, { start: 0, end: text.length }).map((m) => m.name);

describe("a label before a person's name is not part of it", () => {
  it("a committee label and a party word before a given name: House Budget Republican Carla Denning", () => {
    const text = "House Budget Republican Carla Denning (R-Ohio) said the plan would add to the deficit.";
    expect(speakerOf(text, "add to the deficit")).toBe("Carla Denning");
  });

  it("a ranking member's label: Senate Armed Services Ranking Democrat Paul Whitcomb", () => {
    expect(mentionNames("Senate Armed Services Ranking Democrat Paul Whitcomb questioned the budget.")).toEqual(["Paul Whitcomb"]);
  });

  it("a party's possessive before the name: Green Alliance Party’s Tomas Heller", () => {
    expect(mentionNames("Green Alliance Party’s Tomas Heller voted against the bill.")).toEqual(["Tomas Heller"]);
  });

  it("a party word inside a body's name stays in it", () => {
    expect(mentionNames("The Democratic National Committee said it would appeal.")).toEqual(["Democratic National Committee"]);
  });

  it("a headline's adjective is not a first name: Top Whitfield aide", () => {
    expect(mentionNames("Top Whitfield aide quits over budget fight")).toEqual(["Whitfield"]);
  });
});

describe("a campaign's team and a department's head word", () => {
  it("Team Whitfield is the Whitfield campaign, a body, not a person", () => {
    const text = "Team Whitfield said the debate would be a turning point for the senator.";
    expect(speakerOf(text, "turning point")).toBe("Whitfield campaign");
    expect(speakersOf(text).map((s) => s.name)).not.toContain("Team Whitfield");
  });

  it("State after the State Department is the department, and so is its spokesman's body", () => {
    const text = [
      "The State Department said the cables were classified months ago.",
      "State now says the emails should never have left the building.",
      "State spokesman Mark Feeney said the review would continue into the spring.",
    ].join("\n\n");
    expect(speakerOf(text, "never have left the building")).toBe("State Department");
    expect(speakerOf(text, "review would continue")).toBe("State Department");
  });
});

describe("father and son", () => {
  it("Donald Jr. is the son the story named in full, and the father keeps his own name", () => {
    const text = [
      "Edward Marsh Jr. spoke first on the convention floor.",
      '"My father is a fighter," Edward Jr. said.',
      'Edward Marsh said later that he was "very proud" of the speech.',
    ].join("\n\n");
    expect(speakerOf(text, "My father is a fighter")).toBe("Edward Marsh Jr.");
    expect(speakerOf(text, "very proud")).toBe("Edward Marsh");
  });
});

describe("a spokesperson's owner and described sources", () => {
  it("the owner before a spokesman speaks through the campaign: One Whitfield spokesman has called", () => {
    const text = [
      "Senator Ellen Whitfield campaigned in Iowa before the primary.",
      "One Whitfield spokesman has called the inquiry “a partisan fishing expedition.”",
    ].join("\n\n");
    expect(speakerOf(text, "partisan fishing expedition")).toBe("Whitfield campaign");
  });

  it("a communications director introduced as 'the Whitfield campaign’s communications director' speaks for the campaign", () => {
    const text = [
      "Senator Ellen Whitfield campaigned in Iowa before the primary.",
      "“We plan to compete hard in every remaining state,” Dana Roe, the Whitfield campaign’s communications director, said in a statement.",
    ].join("\n\n");
    expect(speakerOf(text, "compete hard")).toBe("Whitfield campaign");
  });

  it("one source is named as the article gives it, and a trailing time is no part of a description", () => {
    const text = [
      'One source said the chain of messages "started with a news report" and grew from there.',
      "Fact-checkers soon noted that the senator may have been describing a hypothetical case.",
    ].join("\n\n");
    expect(speakerOf(text, "started with a news report")).toBe("one source");
    expect(speakerOf(text, "hypothetical case")).toBe("Fact-checkers");
  });
});

describe("given names that tell he from she", () => {
  it("she after a man named Denis and a woman named later in the sentence is the woman", () => {
    const text =
      'Denis Carver was responding to a message from Wendy Palmer, reporting that a plane carrying the staff had lifted off from Tunis. "Plane wheels up a few minutes ago. Another small miracle," she wrote.';
    expect(speakerOf(text, "Another small miracle")).toBe("Wendy Palmer");
  });
});

describe("a campaign is not its candidate", () => {
  it("he after 'The Marsh campaign seized on a tweet about Fenwick' is Fenwick, not Marsh", () => {
    const text = [
      "Senator Owen Marsh and Dr. Carl Fenwick spent the weekend in Iowa.",
      "The Marsh campaign on Monday night seized on a tweet suggesting Fenwick was quitting the race.",
      '"Is this what we accept now? Or do we have higher standards than that?" he told the show.',
    ].join("\n\n");
    expect(speakerOf(text, "higher standards")).toBe("Carl Fenwick");
  });
});

describe("a work's title is not a person", () => {
  it("she after 'the Herald's Early Word podcast' is the reporter named before it", () => {
    const text = [
      "Lena Cho covered lobbying for a decade before she took over the morning newsletter.",
      "(Subscribe to the Herald's Early Word podcast with Sam Ortiz.)",
      "“I learned very quickly to keep a shield up,” she said.",
    ].join("\n\n");
    expect(speakerOf(text, "keep a shield up")).toBe("Lena Cho");
  });
});

describe("a prepositional object leads no sentence", () => {
  it("he after 'passes his ideas to Mr. Ames and others whom Mr. Dorsey has known' is Dorsey", () => {
    const text = [
      "The talk-show host Bert Dorsey has been the favorite of Senator Lyle Ames for months.",
      "But he did not dispute that he passes his ideas to Mr. Ames and others in his orbit whom Mr. Dorsey has known for years.",
      "''Do I talk to my friend and speak my mind? I can't not speak my mind,'' he said.",
    ].join("\n\n");
    expect(speakerOf(text, "speak my mind")).toBe("Bert Dorsey");
  });
});
