// Reporting cues news prose uses beyond "said": "reported that", "pointed out that". Short texts
// written for these tests in the style of news.
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { statementsOf as said } from "./helpers";

describe("reported that", () => {
  it("reads the that-clause after reported, also after a time adverb or an aside", () => {
    expect(said("The Ledger, citing internal emails, reported that the agency had ignored the warnings.")).toEqual([
      { text: "the agency had ignored the warnings", mode: "indirect", cue: "reported", speaker: "Ledger" },
    ]);
    expect(said("The Tribune reported on Sunday that the mayor had spent $40,000 on travel.").map((s) => s.text)).toEqual([
      "the mayor had spent $40,000 on travel",
    ]);
  });

  it("reads the content before an inverted reported", () => {
    expect(said("The mayor spent $40,000 on travel last year, the Tribune reported.").map((s) => [s.text, s.cue])).toEqual([
      ["The mayor spent $40,000 on travel last year", "reported"],
    ]);
  });

  it("does not read a reported figure or an adjective as a claim", () => {
    expect(said("The agency reported a rise in sales in the third quarter.")).toEqual([]);
    expect(said("A reported 40 people were hurt in the storm on Friday.")).toEqual([]);
  });
});

describe("pointed out", () => {
  it("reads pointed out as one cue, with or without that, and as a participle", () => {
    expect(said("Mayor Ruth Hale pointed out that the city had balanced its budget three years in a row.")).toEqual([
      { text: "the city had balanced its budget three years in a row", mode: "indirect", cue: "pointed out", speaker: "Ruth Hale" },
    ]);
    expect(said("The union points out that wages have not kept up with rents.").map((s) => [s.text, s.cue])).toEqual([
      ["wages have not kept up with rents", "points out"],
    ]);
    expect(said("Mayor Ruth Hale said taxes would stay flat, pointing out the city had no debt.").map((s) => [s.text, s.cue, s.speaker])).toEqual([
      ["taxes would stay flat", "said", "Ruth Hale"],
      ["the city had no debt", "pointing out", "Ruth Hale"],
    ]);
  });

  it("does not read pointing at something as a report", () => {
    expect(said("Mayor Ruth Hale pointed to the new bridge on Monday.")).toEqual([]);
  });
});

describe("they", () => {
  it("stands for the people a recent sentence opened with", () => {
    expect(said("Farm groups are worried about the bill. They say the subsidies will end up with the largest growers.")).toEqual([
      { text: "the subsidies will end up with the largest growers", mode: "indirect", cue: "say", speaker: "Farm groups" },
    ]);
    expect(said("Republicans have long targeted the program. Its costs, they say, are out of control.").map((s) => s.speaker)).toEqual(["Republicans"]);
  });

  it("reads a relative clause the report sits inside", () => {
    expect(
      said("Republicans are zeroing in on the troop drawdown, which they say left a vacuum for militants to grow, and on a 2012 decision they say allowed the group to spread.").map((s) => [s.text, s.speaker]),
    ).toEqual([
      ["left a vacuum for militants to grow", "Republicans"],
      ["allowed the group to spread", "Republicans"],
    ]);
  });

  it("is nobody when no body spoke and no sentence opened with people", () => {
    expect(said("The storm hit the coast on Friday. They say it was the worst in a decade.")).toEqual([]);
  });

  it("does not make the people it stands for an antecedent of he", () => {
    expect(said("Senator Alan Pike met farmers on Monday. Farm groups are worried. They say prices will rise. He said the bill would pass.").map((s) => s.speaker)).toEqual([
      "Farm groups",
      "Alan Pike",
    ]);
  });
});

describe("a participle of means and the people a sentence opens with", () => {
  it("gives by + participle the sentence subject", () => {
    expect(said("Senator Alan Pike dismissed the charges by pointing out that his rival had voted for the same bill.").map((s) => [s.text, s.speaker])).toEqual([
      ["his rival had voted for the same bill", "Alan Pike"],
    ]);
    expect(said("Senator Alan Pike hit back by accusing the mayor of pandering to the governor.").map((s) => [s.cue, s.speaker])).toEqual([["accusing", "Alan Pike"]]);
    expect(said("The bill was passed by saying yes to every amendment.")).toEqual([]);
  });

  it("gives a participle the plural people its sentence opens with", () => {
    expect(said("Other Republicans echoed those comments, saying the plan is inadequate to the threat.")).toEqual([
      { text: "the plan is inadequate to the threat", mode: "indirect", cue: "saying", speaker: "Other Republicans" },
    ]);
  });

  it("does not make those plural people an antecedent of he", () => {
    expect(
      said("Senator Alan Pike said the bill would pass. Other Republicans echoed those comments, saying the plan was sound. He added that the vote would come soon.").map(
        (s) => s.speaker,
      ),
    ).toEqual(["Alan Pike", "Other Republicans", "Alan Pike"]);
  });
});

describe("verbs that are also nouns", () => {
  it("'no Palestinian state on his watch' and 'at the seafood counter' are nouns, not someone stating or countering", () => {
    const texts = [
      "Both sides were asked to stand down, but the minister’s vow that there would be no Palestinian state on his watch makes that more difficult.",
      "At the seafood counter in the downtown store, a sign advertised halibut from the first boats of the season.",
    ];
    for (const text of texts) expect(extract(text).documents.flatMap((document) => document.statements)).toEqual([]);
  });

  it("the same words stay verbs after a plural subject: 'Republican officials counter that', 'Critics of the plan claim that'", () => {
    const countered = extract("Republican officials counter that the plan would raise taxes on farmers.").documents[0]?.statements ?? [];
    expect(countered.map((statement) => statement.text)).toEqual(["the plan would raise taxes on farmers"]);
    const claimed = extract("Critics of the plan claim that it would raise taxes on farmers.").documents[0]?.statements ?? [];
    expect(claimed.map((statement) => statement.text)).toEqual(["it would raise taxes on farmers"]);
  });
});

describe("described groups", () => {
  it("reads police, spokesmen, party members and other plural bodies as speakers", () => {
    expect(said("The fire spread overnight. Harbor police say they have not yet found the cause.").map((s) => [s.text, s.speaker])).toEqual([
      ["they have not yet found the cause", "Harbor police"],
    ]);
    expect(said("Senior Democrats say that the vote will slip to March.").map((s) => s.text)).toEqual(["the vote will slip to March"]);
    expect(said("Navy and Army spokesmen said the drills would go ahead.").map((s) => s.text)).toEqual(["the drills would go ahead"]);
    expect(said("That is why critics say the plan would raise rents.").map((s) => s.text)).toEqual(["the plan would raise rents"]);
  });

  it("does not read a belief inside a relative clause as anyone's claim", () => {
    expect(said("The council has no plan to reach what engineers think is needed: a second tunnel.")).toEqual([]);
    expect(said("The bridge is exactly the kind of project many Republicans fear the mayor would cancel.")).toEqual([]);
    expect(said("The levy must clear the Senate, which even hopeful Democrats doubt will happen this year.")).toEqual([]);
  });

  it("keeps a belief reported with that", () => {
    expect(said("The plan alarmed farmers, who worry that the canal will run dry.").map((s) => s.text)).toEqual(["the canal will run dry"]);
  });
});

describe("the head of a body", () => {
  it("speaks under that description when nobody is named after it", () => {
    const text = "The deputy head of the port authority's delegation said the harbor fees would rise and said the new terminal would open in May.";
    expect(said(text).map((s) => [s.text, s.speaker])).toEqual([
      ["the harbor fees would rise", "The deputy head of the port authority's delegation"],
      ["the new terminal would open in May", "The deputy head of the port authority's delegation"],
    ]);
  });
});

describe("asides after a name", () => {
  it("are stepped over to the name when two stand between it and the verb", () => {
    const text = "Sen. Rosa Lind, D-Ore., speaking on the radio after the vote, said the levy would fail in the House.";
    expect(said(text).map((s) => [s.text, s.speaker])).toEqual([["the levy would fail in the House", "Rosa Lind"]]);
  });
});

describe("a person and their people", () => {
  it("speak as the person", () => {
    expect(said("Mayor Rosa Lind spoke on Monday. Lind and her lawyers have said the contract was never signed.").map((s) => [s.text, s.speaker])).toEqual([
      ["the contract was never signed", "Rosa Lind"],
    ]);
    expect(said("Mayor Rosa Lind spoke on Monday. She and her defenders argue that the levy is fair.").map((s) => [s.text, s.speaker])).toEqual([
      ["the levy is fair", "Rosa Lind"],
    ]);
  });
});

describe("a described group with its relative clause", () => {
  it("speaks for the report after it", () => {
    expect(said("But many supporters who drove to the capital for the protest say they will block the roads again.").map((s) => s.text)).toEqual([
      "they will block the roads again",
    ]);
    expect(said("Several veterans interviewed at the rally on Friday said they had no problem with the plan.").map((s) => s.text)).toEqual([
      "they had no problem with the plan",
    ]);
  });

  it("does not take the relative clause's own verb for the report", () => {
    expect(said("Many farmers who said the plan would fail were wrong.").map((s) => s.text)).not.toContain("were wrong");
  });
});
