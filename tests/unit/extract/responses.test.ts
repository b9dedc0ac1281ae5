// The response finder on real-news shapes of an answer: retorts, a denial whose object names the
// claimant's words, the reporter's "falsely" aside. Short texts written for these tests.
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { pairsOf } from "./helpers";
import type { TExtraction } from "@/lib/extract/types";

function said(result: TExtraction): { speaker: string | null; text: string }[] {
  const doc = result.documents[0];
  return (doc?.statements ?? []).map((s) => ({ speaker: doc?.speakers.find((sp) => sp.id === s.speakerId)?.name ?? null, text: s.text }));
}

describe("response statements", () => {
  it("takes a body pushing back against a named senator's figures as its rebuttal of them", () => {
    const text = [
      "Rail Plan Fight",
      "",
      "Senator Carla Diaz said on Monday that the rail plan would cost every household $400 a year.",
      "",
      "The Transport Department pushed back against Diaz's figures, calling them a fantasy built on old fares.",
    ].join("\n");
    const result = extract(text);
    expect(said(result)).toContainEqual({ speaker: "Transport Department", text: expect.stringContaining("calling them a fantasy") as string });
    expect(pairsOf(result)).toEqual([
      { claim: expect.stringContaining("cost every household") as string, response: expect.stringContaining("pushed back against") as string, relation: "rebuts" },
    ]);
  });

  it("gives the claim inside 'rejected criticism from X that …' to X, answered by the one who rejected it", () => {
    const text = [
      "Bridge Costs Disputed",
      "",
      "Governor Neil Park said the new bridge would be finished by March.",
      "",
      "At a rally on Friday, Mr. Park rejected criticism from Senator Ann Holt that the bridge was over budget.",
    ].join("\n");
    const result = extract(text);
    const statements = said(result);
    expect(statements).toContainEqual({ speaker: "Neil Park", text: "rejected criticism from Senator Ann Holt" });
    expect(statements).toContainEqual({ speaker: "Ann Holt", text: "the bridge was over budget" });
    expect(pairsOf(result)).toEqual([{ claim: "the bridge was over budget", response: "rejected criticism from Senator Ann Holt", relation: "rebuts" }]);
  });

  it("reads the reporter's 'without any evidence' as the outlet correcting the claim that follows it", () => {
    const text = [
      "Jobs Figures Questioned",
      "",
      "At a rally in Dayton, Governor Neil Park claimed without any evidence that the state had lost 40,000 jobs to the new tax.",
    ].join("\n");
    const result = extract(text, { outlet: "Valley Ledger" });
    const statements = said(result);
    expect(statements).toContainEqual({ speaker: "Valley Ledger", text: expect.stringMatching(/claimed without any evidence$/) as string });
    expect(statements).toContainEqual({ speaker: "Neil Park", text: "the state had lost 40,000 jobs to the new tax" });
    expect(pairsOf(result)).toEqual([
      { claim: "the state had lost 40,000 jobs to the new tax", response: expect.stringContaining("without any evidence") as string, relation: "rebuts" },
    ]);
  });

  it("reads the claim after an '- again falsely -' aside as the speaker's, corrected by the outlet", () => {
    const text = [
      "Mill Claims",
      "",
      "Governor Neil Park, later alleging - again falsely - that the Linden mill had closed in May, said he would cut the state tax on small firms.",
    ].join("\n");
    const result = extract(text, { outlet: "Valley Ledger" });
    const statements = said(result);
    expect(statements).toContainEqual({ speaker: "Neil Park", text: "the Linden mill had closed in May" });
    expect(statements).toContainEqual({ speaker: "Neil Park", text: "he would cut the state tax on small firms" });
    expect(pairsOf(result)).toEqual([{ claim: "the Linden mill had closed in May", response: expect.stringContaining("again falsely") as string, relation: "rebuts" }]);
  });

  it("reads '- except that …' after a claim as the outlet's correction, ending the claim at the dash", () => {
    const text = [
      "Rates Debate",
      "",
      "In 2012, Senator Tom Reyes opposed the bond plan, because he thought it would weaken the dollar - except that, once again, the dollar has risen since then.",
    ].join("\n");
    const result = extract(text, { outlet: "Valley Ledger" });
    const statements = said(result);
    expect(statements).toContainEqual({ speaker: "Tom Reyes", text: "it would weaken the dollar" });
    expect(statements).toContainEqual({ speaker: "Valley Ledger", text: "once again, the dollar has risen since then" });
    expect(pairsOf(result)).toEqual([{ claim: "it would weaken the dollar", response: "once again, the dollar has risen since then", relation: "rebuts" }]);
  });

  it("does not take 'falsely' in a story's report of an allegation for the outlet's correction", () => {
    const text = ["Diet Pill Settlement", "", "The state said in May that the firm falsely marketed its pills as a cure for diabetes."].join("\n");
    const result = extract(text, { outlet: "Valley Ledger" });
    expect(said(result).some((s) => s.speaker === "Valley Ledger")).toBe(false);
  });

  it("leaves 'falsely' inside a speaker's own reported words to the speaker", () => {
    const text = ["Mayor Speaks Out", "", "Mayor Lena Ward said she had been falsely accused of hiding the audit from the council."].join("\n");
    const result = extract(text, { outlet: "Valley Ledger" });
    expect(said(result)).toEqual([{ speaker: "Lena Ward", text: expect.stringContaining("falsely accused") as string }]);
    expect(pairsOf(result)).toEqual([]);
  });

  it("does not take a plain 'responded to' an event for a rebuttal of anyone", () => {
    const text = [
      "Flood Relief",
      "",
      "Governor Neil Park said the state would send 200 trucks of water to the valley.",
      "",
      "Fire crews responded to the flooding overnight and rescued 40 families from their roofs.",
    ].join("\n");
    expect(pairsOf(extract(text))).toEqual([]);
  });

  it("reads 'The Hale campaign pushed back …' as the campaign's answer to the rival it names", () => {
    const text = [
      "Primary Turns Bitter",
      "",
      "Senator Ed Marsh said on Thursday that Governor Rita Hale was not qualified to lead the country.",
      "",
      "The Hale campaign pushed back against Mr. Marsh's attack on her record, calling it the mark of a desperate candidate.",
    ].join("\n");
    const result = extract(text);
    expect(said(result)).toContainEqual({ speaker: "Hale campaign", text: expect.stringContaining("calling it the mark of a desperate candidate") as string });
    expect(pairsOf(result)).toContainEqual({ claim: expect.stringContaining("not qualified to lead") as string, response: expect.stringContaining("desperate candidate") as string, relation: "rebuts" });
  });
});

