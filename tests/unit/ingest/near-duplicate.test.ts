import { describe, expect, it } from "vitest";
import { NEAR_DUPLICATE_THRESHOLD, fingerprint, isNearDuplicate, lshBands, similarity } from "@/lib/ingest/near-duplicate";

// An invented wire story and how three outlets might run it.
const WIRE = `Five coastal states signed an agreement in Port Aldine on Monday to run joint fisheries patrols in the waters they share, ending three years of disputes over who may board foreign trawlers.

Under the pact, each state will contribute at least two patrol vessels to a common fleet, and inspectors from any signatory will be allowed to board boats flagged in the others. Catch data will be pooled in a shared register that is updated daily.

"We can no longer police these waters alone," the lead negotiator, Adeyemi Fross, told reporters after the signing. "The fish do not respect our borders, and neither do the people who steal them."

Environmental groups welcomed the deal but said it would only work if the register was open to the public. A report by one group last year estimated that a fifth of the region's catch goes unreported.

The agreement still has to be ratified by the five parliaments. Two of them are expected to vote before the summer recess, officials said, while the others have not set a date.`;

const SYNDICATED = `Coastal nations team up against illegal fishing

By Wire Staff | Updated 16 March 2026

PORT ALDINE (Wire) — ${WIRE.replace("on Monday", "on Monday,").replace(/“|”/g, '"')}

Additional reporting by Lena Staub; editing by Carl Mott.

Sign up for our morning newsletter.`;

const LIGHTLY_EDITED = WIRE.replace("at least two patrol vessels", "two or more patrol boats")
  .replace("told reporters after the signing", "said after the ceremony")
  .replace("Environmental groups welcomed", "Conservation groups praised");

const SAME_EVENT_OTHER_REPORT = `The fisheries pact agreed in Port Aldine is the most ambitious maritime deal in the region for a decade, analysts say, but its success depends on parliaments that have been reluctant to share sovereignty at sea.

Fishing crews in Vessa said they had heard promises before. "Every year someone signs something," said one boat owner, who has lost half his income to illegal trawling since 2022.

Officials hope the first joint patrol will sail before autumn, although no budget has yet been agreed for the shared fleet.`;

const UNRELATED = `The city council approved a budget of 41 million for the coming year after a late-night session, with seven votes in favour and four against. The largest increase goes to school buildings, while the road maintenance fund was cut by a tenth.`;

describe("near-duplicate fingerprints", () => {
  const wire = fingerprint(WIRE);

  it("recognises a syndicated copy with another headline, byline, dateline and footer", () => {
    const score = similarity(wire, fingerprint(SYNDICATED));
    expect(score).toBeGreaterThanOrEqual(0.7);
    expect(isNearDuplicate(wire, fingerprint(SYNDICATED))).toBe(true);
  });

  it("recognises a lightly edited copy", () => {
    expect(similarity(wire, fingerprint(LIGHTLY_EDITED))).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
  });

  it("keeps different reports on the same event apart", () => {
    expect(similarity(wire, fingerprint(SAME_EVENT_OTHER_REPORT))).toBeLessThan(0.1);
    expect(similarity(wire, fingerprint(UNRELATED))).toBeLessThan(0.1);
    expect(isNearDuplicate(wire, fingerprint(SAME_EVENT_OTHER_REPORT))).toBe(false);
  });

  it("is deterministic, symmetric and 1 for identical text", () => {
    expect(fingerprint(WIRE)).toBe(wire);
    const other = fingerprint(SYNDICATED);
    expect(similarity(wire, other)).toBe(similarity(other, wire));
    expect(similarity(wire, wire)).toBe(1);
  });

  it("never matches empty texts", () => {
    expect(similarity(fingerprint(""), fingerprint("  "))).toBe(0);
    expect(lshBands(fingerprint(""))).toEqual([]);
  });

  it("gives near-duplicates a shared LSH band and unrelated texts none", () => {
    const bands = new Set(lshBands(wire));
    expect(lshBands(fingerprint(SYNDICATED)).some((band) => bands.has(band))).toBe(true);
    expect(lshBands(fingerprint(UNRELATED)).some((band) => bands.has(band))).toBe(false);
  });

  it("rejects strings that are not fingerprints", () => {
    expect(() => similarity("abc", wire)).toThrow(/fingerprint/);
  });
});
