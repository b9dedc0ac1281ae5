// Which claim a response answers, on the shapes real news gives it: a cue naming the one agreed with,
// the outlet's correction of the speaker just quoted, a responder moving on in a new paragraph.
// Short texts written for these tests.
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
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
    const pairs = pairsOf(extract(text));
    expect(pairs).toContainEqual({ claim: expect.stringContaining("subsidy should be doubled") as string, response: "Dairy herds in this valley are what keep it alive", relation: "supports" });
    expect(pairs.some((p) => p.claim.includes("dairy herds"))).toBe(false);
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
});
