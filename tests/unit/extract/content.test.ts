// Reported content the rules read on real news: clauses without "that", plain noun-phrase speakers,
// and the content's boundaries. Short texts written for these tests in the style of news.
import { describe, expect, it } from "vitest";
import { clauseStartAfter, nounPhraseBefore } from "@/lib/extract/clause";
import { statementsOf as said } from "./helpers";

describe("reported clauses without that", () => {
  it("reads the clause after said when its subject is a plain noun", () => {
    expect(said("Governor Maria Lopez said history has shown the need for a steady hand in a crisis.")).toEqual([
      { text: "history has shown the need for a steady hand in a crisis", mode: "indirect", cue: "said", speaker: "Maria Lopez" },
    ]);
  });

  it("reads a clause that opens with a contracted pronoun or a negated verb", () => {
    expect(said("Senator Tom Reyes said it’s the best offer the state will get.").map((s) => s.text)).toEqual([
      "it’s the best offer the state will get",
    ]);
    expect(said("Mayor Ann Grady said her office doesn’t comment on lawsuits.").map((s) => s.text)).toEqual([
      "her office doesn’t comment on lawsuits",
    ]);
  });

  it("steps over the person addressed by told", () => {
    expect(said("Senator Tom Reyes told reporters he thought the vote was rigged.").map((s) => s.text)).toEqual([
      "he thought the vote was rigged",
    ]);
    expect(said("Senator Tom Reyes told the Daily Ledger the talks had failed.").map((s) => s.text)).toEqual(["the talks had failed"]);
  });

  it("keeps a quoted fragment inside the clause as one mixed statement", () => {
    expect(said("Senator Tom Reyes said the bill was “dead on arrival” in the House.")).toEqual([
      { text: "the bill was “dead on arrival” in the House", mode: "mixed", cue: "said", speaker: "Tom Reyes" },
    ]);
  });

  it("finds no statement where no clause follows the verb", () => {
    expect(said("Senator Tom Reyes said goodbye to his staff on Friday.")).toEqual([]);
    expect(said("The company added 200 jobs last month.")).toEqual([]);
  });

  it("knows a clause from a noun phrase by its finite verb", () => {
    const text = "said the plan, and said the voters were angry";
    expect(clauseStartAfter(text, 4, text.length, "said")).toBe(-1);
    const at = text.indexOf("and said") + 8;
    expect(text.slice(clauseStartAfter(text, at, text.length, "said"))).toBe("the voters were angry");
  });

  it("does not read a possessive or a second verb of the reporting verb's subject as a clause", () => {
    const text = "added 140 firms to its export list and restricted sales of chips to them";
    expect(clauseStartAfter(text, 5, text.length, "added")).toBe(-1);
    expect(said("The agency added 140 firms to its export list and restricted sales of chips to them, a spokesman said.")).toEqual([
      {
        text: "The agency added 140 firms to its export list and restricted sales of chips to them",
        mode: "indirect",
        cue: "said",
        speaker: "a spokesman",
      },
    ]);
    // Two subjects joined by "and" still open a clause.
    expect(said("Senator Tom Reyes said Smith and Jones were wrong about the budget.").map((s) => s.text)).toEqual([
      "Smith and Jones were wrong about the budget",
    ]);
  });

  it("ends the clause where the speaker's next act begins", () => {
    expect(said("Governor Maria Lopez said the tax cut would pay for itself, and she accused her rivals of spreading fear.")[0]).toEqual({
      text: "the tax cut would pay for itself",
      mode: "indirect",
      cue: "said",
      speaker: "Maria Lopez",
    });
  });
});

describe("speakers named by a plain noun phrase", () => {
  it("attributes to the described group when no name is given", () => {
    expect(said("White House officials say the arms sale was a natural step.")).toEqual([
      { text: "the arms sale was a natural step", mode: "indirect", cue: "say", speaker: "White House officials" },
    ]);
    expect(said("A person familiar with the planning said the meeting would focus on unity.")[0]?.speaker).toBe(
      "A person familiar with the planning",
    );
  });

  it("keeps an unresolved title or an auxiliary-led verb as the described speaker", () => {
    expect(said("The governor claimed that crime has gone down by a fifth.")[0]?.speaker).toBe("The governor");
    expect(said("Campaign advisers had repeatedly said that the state was winnable.")).toEqual([
      { text: "the state was winnable", mode: "indirect", cue: "said", speaker: "Campaign advisers" },
    ]);
  });

  it("takes only the phrase that opens its clause", () => {
    const text = "When the vote ended, the candidate said";
    const np = nounPhraseBefore(text, text.indexOf("said"), 0);
    expect(np?.text).toBe("the candidate");
    expect(nounPhraseBefore("The man who left said", 18, 0)).toBeNull();
  });
});

describe("attribution inside or after its content", () => {
  it("keeps the whole sentence when the attribution interrupts it", () => {
    expect(said("Former governor Jim Alvarez, Senator Ruth Kane said, had been in office for twenty years.")).toEqual([
      {
        text: "Former governor Jim Alvarez, Senator Ruth Kane said, had been in office for twenty years",
        mode: "indirect",
        cue: "said",
        speaker: "Ruth Kane",
      },
    ]);
  });

  it("reads content before a plural speaker with no name", () => {
    expect(said("The new bridge will cost twice the estimate, officials said.")).toEqual([
      { text: "The new bridge will cost twice the estimate", mode: "indirect", cue: "said", speaker: "officials" },
    ]);
  });

  it("reads a clause after a comma that follows the verb", () => {
    expect(said("But Mayor Ann Grady added, she would not sign the budget.").map((s) => s.text)).toEqual(["she would not sign the budget"]);
  });

  it("takes a described source after according to", () => {
    expect(said("The senator leads with 41 delegates, according to a county party tally.")).toEqual([
      { text: "The senator leads with 41 delegates", mode: "indirect", cue: "according to", speaker: "a county party tally" },
    ]);
    expect(said("According to early returns from the county, turnout fell by a third.")[0]?.text).toBe("turnout fell by a third");
  });
});

describe("judgements and labels", () => {
  it("reads accused … of and criticized … for as one statement from the verb", () => {
    expect(said("Governor Tom Reyes criticized the mayor for making “very rude statements” about the city.")).toEqual([
      {
        text: "criticized the mayor for making “very rude statements” about the city",
        mode: "mixed",
        cue: "criticized",
        speaker: "Tom Reyes",
      },
    ]);
    const when = said(`When Senator Ann Lee accused the governor of ignoring the floods, he said "we acted within hours" of the alert.`);
    expect(when.map((s) => [s.mode, s.text])).toEqual([
      ["indirect", "accused the governor of ignoring the floods"],
      ["direct", "we acted within hours"],
    ]);
  });

  it("does not read a noun or a plain action as a judgement", () => {
    expect(said("The army attacked the village at dawn.")).toEqual([]);
    expect(said("The attack and the larger challenge of terrorism dominated the debate.")).toEqual([]);
  });

  it("reads a label given with any short object", () => {
    expect(said("Mayor Bill Ortiz called the governor a “reckless gambler” on Tuesday.").map((s) => [s.mode, s.text])).toEqual([
      ["mixed", "called the governor a “reckless gambler”"],
    ]);
    // "called on … to" is no label: it is a demand, read from the verb like a judgement (the dispute gold counts it).
    expect(said("Senator Ann Lee called on Congress to “act now.”")).toEqual([
      { text: "called on Congress to “act now.”", mode: "mixed", cue: "called", speaker: "Ann Lee" },
    ]);
  });
});

describe("demands, characterizations and claims named by a noun", () => {
  it("reads called for and called on … to as a demand from the verb", () => {
    expect(said("Governor Maria Lopez called for the mayor to resign over the budget.")).toEqual([
      { text: "called for the mayor to resign over the budget", mode: "indirect", cue: "called", speaker: "Maria Lopez" },
    ]);
    expect(said("Governor Maria Lopez called on the council to reopen the bridge.").map((s) => s.text)).toEqual([
      "called on the council to reopen the bridge",
    ]);
  });

  it("reads called to + a verb as a demand, not a call's purpose, an idiom or the passive", () => {
    expect(said("Senator Tom Reyes spoke on Monday. Most recently, Reyes called to ban trucks from the old bridge.")).toEqual([
      { text: "called to ban trucks from the old bridge", mode: "indirect", cue: "called", speaker: "Tom Reyes" },
    ]);
    expect(said("Senator Tom Reyes called to say he was sorry. The scene called to mind the floods of 1990.")).toEqual([]);
    expect(said("Senator Tom Reyes was called to testify before the council.")).toEqual([]);
  });

  it("does not read a phone call or a called meeting as a demand", () => {
    expect(said("Governor Maria Lopez called the mayor on Tuesday. She called a meeting for Friday.")).toEqual([]);
  });

  it("reads portrayed … as and denounced … as, ending before a second verb of the subject", () => {
    expect(said("Senator Tom Reyes portrayed the governor as a careless spender of public money.")).toEqual([
      { text: "portrayed the governor as a careless spender of public money", mode: "indirect", cue: "portrayed", speaker: "Tom Reyes" },
    ]);
    expect(said("Senator Tom Reyes denounced the governor’s remarks as “cruel and divisive” and walked out of the chamber.").map((s) => s.text)).toEqual([
      "denounced the governor’s remarks as “cruel and divisive”",
    ]);
  });

  it("does not read portrayed without as, or as opening a clause, as a characterization", () => {
    expect(said("The governor was portrayed in a new film about the state budget.")).toEqual([]);
    expect(said("Senator Tom Reyes defended the budget as he left the chamber on Friday.")).toEqual([]);
  });

  it("reads an unquoted label after call with a named or pronoun object", () => {
    expect(said("Rivals piled on, with former Senator Tom Reyes calling the governor a coward.")).toEqual([
      { text: "calling the governor a coward", mode: "indirect", cue: "calling", speaker: "Tom Reyes" },
    ]);
    expect(said("Governor Maria Lopez called Reyes an opportunist at the rally.").map((s) => s.text)).toEqual(["called Reyes an opportunist at the rally"]);
  });

  it("does not read a time or an idiom after call as a label", () => {
    expect(said("Governor Maria Lopez called the mayor an hour later. She called it a day at noon.")).toEqual([]);
  });

  it("reads portrayed … as past a long object that has its own of", () => {
    expect(said("Senator Tom Reyes portrayed her handling of the flood as a failure of leadership.").map((s) => s.text)).toEqual([
      "portrayed her handling of the flood as a failure of leadership",
    ]);
  });

  it("reads a base-form judgement after to, an adverb or a plural subject, not a noun after a determiner", () => {
    expect(said("The council met on Monday. Senator Tom Reyes continued to portray the governor as a friend of the banks.")).toEqual([
      { text: "portray the governor as a friend of the banks", mode: "indirect", cue: "portray", speaker: "Tom Reyes" },
    ]);
    expect(said("The council met on Monday. Many critics deride the plan as a giveaway to developers.").map((s) => s.text)).toEqual(["deride the plan as a giveaway to developers"]);
    expect(said("The council met on Monday. Senator Tom Reyes took the blame for the failed vote in the chamber.")).toEqual([]);
  });

  it("does not read a base-form verb in a headline as a judgement", () => {
    expect(said("Safety experts rebuke mayor plan for a new bridge.\n\nThe council met on Monday.")).toEqual([]);
  });

  it("reads thought as a belief verb right after its subject, not as a noun", () => {
    expect(said("Senator Tom Reyes thought the vote had been rigged.").map((s) => s.text)).toEqual(["the vote had been rigged"]);
    expect(said("Senator Tom Reyes had a thought that the vote had been rigged.")).toEqual([]);
  });

  it("reads a judgement of someone's words or deeds with a plain object, not of a thing or a bare name", () => {
    expect(said("Senator Tom Reyes denounced the governor’s remarks on the flood.")).toEqual([
      { text: "denounced the governor’s remarks on the flood", mode: "indirect", cue: "denounced", speaker: "Tom Reyes" },
    ]);
    expect(said("Senator Tom Reyes attacked Mayor Grady's record on housing in the speech.").map((s) => s.text)).toEqual([
      "attacked Mayor Grady's record on housing in the speech",
    ]);
    expect(said("Senator Tom Reyes criticized Maria Lopez in a long speech.")).toEqual([]);
    expect(said("The rebels attacked the village at dawn on Sunday.")).toEqual([]);
  });

  it("ends a judgement before a subordinate clause in which someone else speaks, not before a time clause", () => {
    expect(said("Senator Tom Reyes attacked Mayor Grady's record on housing after Grady accused him of lying.").map((s) => s.text)).toEqual([
      "attacked Mayor Grady's record on housing",
      "accused him of lying",
    ]);
    expect(said("Senator Tom Reyes accused the mayor of hiding the report while she was in office.").map((s) => s.text)).toEqual([
      "accused the mayor of hiding the report while she was in office",
    ]);
  });

  it("reads a rebuttal of a named claim with no clause after it as the statement, from the verb", () => {
    expect(said("Senator Tom Reyes dismissed Grady’s charges about his voting record at a town hall on Friday.")).toEqual([
      { text: "dismissed Grady’s charges about his voting record at a town hall on Friday", mode: "indirect", cue: "dismissed", speaker: "Tom Reyes" },
    ]);
    // The means is a statement of its own.
    expect(said("Senator Tom Reyes dismissed Grady’s charges about his voting record by pointing out that he wrote the housing bill.").map((s) => s.text)).toEqual([
      "dismissed Grady’s charges about his voting record",
      "he wrote the housing bill",
    ]);
  });

  it("reads a four-word accusation with of", () => {
    expect(said("Governor Maria Lopez accused him of cowardice.")).toEqual([
      { text: "accused him of cowardice", mode: "indirect", cue: "accused", speaker: "Maria Lopez" },
    ]);
  });

  it("reads the clause after a possessive claim noun as its owner's statement", () => {
    expect(said("Senator Tom Reyes spoke on Monday. Reyes’s assertion that the bridge is unsafe drew rebukes from engineers.")).toEqual([
      { text: "the bridge is unsafe", mode: "indirect", cue: "assertion", speaker: "Tom Reyes" },
    ]);
    expect(said("Governor Maria Lopez spoke. She doubled down on her claim that the council had voted against the plan.")).toEqual([
      { text: "the council had voted against the plan", mode: "indirect", cue: "claim", speaker: "Maria Lopez" },
    ]);
  });

  it("leaves a relative that, and a claim someone rejects, to other readers", () => {
    expect(said("Senator Tom Reyes spoke. Reyes’s claims that were made last year proved wrong.")).toEqual([]);
    expect(said("Governor Maria Lopez rejected Reyes’s assertion that the bridge is unsafe.").some((s) => s.cue === "assertion")).toBe(false);
  });

  it("does not read a noun-like verb with a relative that as a report, nor an adjective after but", () => {
    expect(said("Governor Maria Lopez began Sunday with a signed tweet that drew no conclusions about the crash.")).toEqual([]);
    expect(said("The visit showed an awkward but promising start for Governor Maria Lopez.")).toEqual([]);
  });

  it("reads the people around someone as a plain noun-phrase speaker", () => {
    expect(said("Governor Maria Lopez spoke. Her advisers and allies say she will spend the coming weeks on housing.").map((s) => [s.speaker, s.text])).toEqual([
      ["Lopez advisers and allies", "she will spend the coming weeks on housing"],
    ]);
  });

  it("steps over itself between a body and its verb", () => {
    expect(said("Ford Motor Company itself said the deal was on.").map((s) => s.text)).toEqual(["the deal was on"]);
  });

  it("takes the sentence's leading name as the speaker of a that-clause after a long appositive", () => {
    expect(said("State Rep. Wendy Alder (R), a leader of the county coalition on housing, suggested that the plan had not been tested.")).toEqual([
      { text: "the plan had not been tested", mode: "indirect", cue: "suggested", speaker: "Wendy Alder" },
    ]);
  });
});

describe("quotes that name things", () => {
  it("drops an unattributed short quote inside a sentence and an unattributed title", () => {
    const text =
      "Senator Ann Lee said the plan would fail. The bill, known as “Leecare” among staff, stalled in March. " +
      "The memoir, “Those Years Inside the Capitol Dome,” sold well.";
    expect(said(text).map((s) => s.text)).toEqual(["the plan would fail"]);
  });

  it("keeps a short quote that opens its sentence", () => {
    expect(said("“Not today,” Mayor Bill Ortiz replied.").map((s) => s.text)).toEqual(["Not today"]);
  });
});

describe("beliefs", () => {
  it("reads what someone believes or implies as a claim", () => {
    expect(said("Senator Ann Lee believes the agency is hiding the real figures.")).toEqual([
      { text: "the agency is hiding the real figures", mode: "indirect", cue: "believes", speaker: "Ann Lee" },
    ]);
  });

  it("does not read think tanks as thinking", () => {
    expect(said("Conservative think tanks and the party's leaders met on Monday.")).toEqual([]);
  });
});

describe("reported clauses that run into a quote", () => {
  it("keeps the clause and its quote as one mixed statement", () => {
    expect(said("Senator Ted Ruiz argued that his rival has “a long way to go” on farm policy.")).toEqual([
      { text: "his rival has “a long way to go” on farm policy", mode: "mixed", cue: "argued", speaker: "Ted Ruiz" },
    ]);
    expect(said("Mayor Bill Ortiz said he had offers for the site, but “none of them kept the park open.”")[0]?.text).toBe(
      "he had offers for the site, but “none of them kept the park open.”",
    );
  });

  it("joins a clause that leads into a long quote with that quote", () => {
    const text =
      "Gun shop owner Dale Jones listed the rifle online on Monday. Jones wrote that he plans to use some of the money to “fight the new gun rules in court and end the mayor’s career in politics.”";
    expect(said(text)).toEqual([
      {
        text: "he plans to use some of the money to “fight the new gun rules in court and end the mayor’s career in politics.”",
        mode: "mixed",
        cue: "wrote",
        speaker: "Dale Jones",
      },
    ]);
  });

  it("reads a participle after a determiner as an adjective", () => {
    expect(said("Any move into the disputed waters would have consequences, Defense Minister Ana Ruiz said.")).toEqual([
      { text: "Any move into the disputed waters would have consequences", mode: "indirect", cue: "said", speaker: "Ana Ruiz" },
    ]);
  });
});

describe("speaker after an inverted verb", () => {
  it("reads the content before “said <speaker>”", () => {
    expect(said("The plan will fail within a year, said Senator Jim Smith.")).toEqual([
      { text: "The plan will fail within a year", mode: "indirect", cue: "said", speaker: "Jim Smith" },
    ]);
    expect(said("Turnout will fall again, said several observers.")[0]?.speaker).toBe("several observers");
  });
});
