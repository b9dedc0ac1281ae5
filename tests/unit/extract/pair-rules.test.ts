// Which claim a response answers, on the shapes real news gives it: a cue naming the one agreed with,
// the outlet's correction of the speaker just quoted, a responder moving on in a new paragraph.
// Short texts written for these tests.
import { describe, expect, it } from "vitest";
import { extract, extractStatements } from "@/lib/extract";
import { findRulePairs } from "@/lib/extract/pairs";
import { pairsOf } from "./helpers";

describe("pair rules", () => {
  it("pairs 'agreed with Mr. Hale' with Hale's words, not with the speaker quoted just before", () => {
    const text = [
      "Voters Weigh Farm Plan",
      "",
      "Senator Roy Hale said on Monday that the farm subsidy should be doubled for small dairy farms.",
      "",
      "\"The dairy herds in this valley are half what they were ten years ago,\" said Tom Aske, a retired dairy farmer from Linden.",
      "",
      "Other voters agreed with Mr. Hale on the issue. \"Dairy herds in this valley are what keep it alive,\" said Greta Moll, a teacher in Linden.",
    ].join("\n");
    // The rule reads it; a cue naming only the person stands as a feature of the ranker, not as a
    // verdict (across outlets of the dispute gold such cues were wrong more often than right).
    const { candidates } = extractStatements(text);
    const textOf = (id: string): string => candidates.find((c) => c.id === id)?.text ?? "";
    expect(findRulePairs(candidates).map((p) => ({ claim: textOf(p.claimId), response: textOf(p.responseId), source: p.source }))).toContainEqual({
      claim: expect.stringContaining("subsidy should be doubled") as string,
      response: "Dairy herds in this valley are what keep it alive",
      source: "cueTarget",
    });
    expect(pairsOf(extract(text)).some((p) => p.claim.includes("dairy herds"))).toBe(false);
  });

  it("pairs the outlet's correction naming no one with the statement just before it, not with a question", () => {
    const text = [
      "Debate Night Claims",
      "",
      "Senator Roy Hale said rural care had been gutted by the county.",
      "",
      "\"Did the county close four hospitals and two clinics since 2015?\" the moderator asked.",
      "",
      "In fact, the county has closed one hospital since 2015 and opened two clinics.",
    ].join("\n");
    const pairs = pairsOf(extract(text, { outlet: "Valley Ledger" }));
    expect(pairs).toEqual([
      { claim: "rural care had been gutted by the county", response: expect.stringContaining("closed one hospital") as string, relation: "rebuts" },
    ]);
  });

  it("does not carry a rebuttal over to what the responder says in the next paragraph", () => {
    const text = [
      "Port Fees Dispute",
      "",
      "Governor Alan Pryce said on Monday that the port fees were the highest in the region.",
      "",
      "Mayor Lena Ward rejected Pryce's claim, saying the fees had not risen since 2019.",
      "",
      "Ward said the city would open a new ferry terminal in the spring.",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    expect(pairs.some((p) => p.response.includes("ferry terminal"))).toBe(false);
    expect(pairs).toContainEqual({ claim: expect.stringContaining("highest in the region") as string, response: expect.stringContaining("not risen since 2019") as string, relation: "rebuts" });
  });

  it("does not pair a bare 'fired back' with a speaker paragraphs back on the same topic", () => {
    const text = [
      "Budget Row in Linden",
      "",
      "Councillor Dana Reyes said the library budget had been cut by a third since 2021.",
      "",
      "The mayor's office said the city had opened two new reading rooms and hired four librarians.",
      "",
      "At the town hall on Thursday, Councillor Omar Vance said the library budget was the lowest in the county.",
      "",
      "Several paragraphs of other council business followed, on road repairs and a new bus route.",
      "",
      "The council also approved a grant for the farmers market.",
      "",
      "Mayor Ruth Ellison fired back that the library budget had grown every year she was in office.",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    // The voice just before the retort is two paragraphs back: nothing the text points to, so no pair.
    expect(pairs.some((p) => p.response.includes("grown every year"))).toBe(false);
  });

  it("does not take 'Like Corker, …' for an answer to Corker", () => {
    const text = [
      "Sanctions Bill Stalls",
      "",
      "Senator Bob Linden said the waiver rules in the sanctions bill were too loose to pass the Senate.",
      "",
      "Like Linden, Senator Amy Corwin also rejected the waiver rules, saying they left the White House too much room.",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    expect(pairs.some((p) => p.claim.includes("too loose") && p.response.includes("too much room"))).toBe(false);
  });

  it("does not pair a two-word aside as the claim a retort answers", () => {
    const text = [
      "Debate Recap",
      "",
      "Asked whether he would release his tax returns, Senator Hal Brandt said: \"Of course.\"",
      "",
      "Governor Lise Moreau fired back that Brandt had promised the same thing in 2019 and never did.",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    expect(pairs.some((p) => p.claim === "Of course.")).toBe(false);
  });

  it("reads the claim an 'In response to X's charge that …' opener names, and pairs the answer with it", () => {
    const text = [
      "Candidates Spar Over Housing",
      "",
      "Senator Dana Pruitt said on Monday that the governor's housing plan would raise rents across the state.",
      "",
      "In response to Pruitt's charge that she has ignored renters for years, Governor Mara Quist said she had built more public housing than any governor before her.",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    expect(pairs).toContainEqual({ claim: "she has ignored renters for years", response: expect.stringContaining("more public housing") as string, relation: "rebuts" });
  });

  it("pairs an answer that names 'X's claim' with X's words, with no response verb", () => {
    const text = [
      "Rivals Trade Charges on Trade",
      "",
      "\"Ted Lowry wants to tax every farmer who sells abroad,\" Senator Paul Vance told reporters in Des Moines on Tuesday.",
      "",
      "The mayor of Ames also spoke about the county fair and the new road to the airport.",
      "",
      "Lowry spokeswoman Kay Brandt said on Wednesday that Vance's claim that Lowry would tax farmers is \"simply not true.\"",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    expect(pairs).toContainEqual({ claim: expect.stringContaining("tax every farmer") as string, response: expect.stringContaining("simply not true") as string, relation: "rebuts" });
  });

  it("does not pair backing a candidate ('supports Mrs. Lane') with the candidate's words", () => {
    const text = [
      "Lane Rallies in Ohio",
      "",
      "\"We will build a party that wins every county in this state,\" Ellen Lane told a rally in Toledo on Friday.",
      "",
      "\"If she keeps her message on jobs, she will carry the cities,\" said Ed Marsh, the former Ohio governor, who supports Mrs. Lane.",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    expect(pairs.some((p) => p.claim.includes("wins every county") && p.relation === "supports")).toBe(false);
  });

  it("does not make two answers each other's claim and response", () => {
    const text = [
      "Senators Clash in Debate",
      "",
      "Senator Nora Fisk responded that Senator Carl Duval had spent the whole campaign mocking voters in the rural counties.",
      "",
      "Duval responded first by saying that Fisk had voted three times to close the rural hospitals she now praises.",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    const between = pairs.filter((p) => [p.claim, p.response].some((x) => x.includes("mocking voters")) && [p.claim, p.response].some((x) => x.includes("rural hospitals")));
    // The later answer answers the earlier one, not the other way round as well.
    expect(between).toHaveLength(1);
    expect(between[0]?.response).toContain("rural hospitals");
  });

  it("does not pair a denial with the ally it is set beside ('Like Corker, …')", () => {
    const text = [
      "Sanctions Bill Advances",
      "",
      "\"We wanted to make sure no president could waive these sanctions on a whim,\" Senator Bob Linden said on Tuesday.",
      "",
      "Like Linden, Senator Amy Corwin also rejected the notion that Democrats could walk away from the sanctions bill over the waivers.",
    ].join("\n");
    const pairs = pairsOf(extract(text));
    expect(pairs.some((p) => p.claim.includes("waive these sanctions"))).toBe(false);
  });
});

