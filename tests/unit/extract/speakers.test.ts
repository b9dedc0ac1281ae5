// One canonical speaker per person within an article, with the role and country the text gives
// anywhere (texts written for these tests in the style of wire copy).
import { describe, expect, it } from "vitest";
import { findMentions, firstAndLast } from "@/lib/extract/speakers";
import { speakersOf } from "./helpers";

describe("speakers within an article", () => {
  it("a full name with a middle initial, the surname with a title and the full name are one speaker", () => {
    const text = [
      'Donald J. Trump said on Tuesday that "the duties are doing their job" and would stay.',
      'President Trump told reporters the talks were "moving along nicely."',
      'Donald Trump later added that the other side "wants an agreement badly."',
    ].join("\n\n");
    // No sentence says where he is from; a head of state's country is general knowledge (office-holders.ts).
    expect(speakersOf(text)).toEqual([{ name: "Donald J. Trump", role: "President", country: "US", said: 3 }]);
  });

  it("a name written surname first is found again by its surname, and a ministry's spokesman speaks for the ministry", () => {
    const text = [
      "Beijing Says Talks Will Continue",
      'China\'s Foreign Ministry spokesman Geng Shuang said the country "will not be pushed around."',
      "Geng said the talks would go on next month.",
    ].join("\n\n");
    expect(speakersOf(text)).toEqual([{ name: "Chinese Foreign Ministry", role: "spokesman Geng Shuang", country: "CN", said: 2 }]);
  });

  it("US newsroom titles and party tags make a speaker American; the tag is no name", () => {
    const text = [
      '"This plan is careless," said Rep. Marla Quinlan, an Ohio Republican.',
      'Sen. Victor Ames (D-Ore.) called the proposal "a gift to nobody."',
    ].join("\n\n");
    const speakers = speakersOf(text);
    expect(speakers.map((speaker) => speaker.name).sort()).toEqual(["Marla Quinlan", "Victor Ames"]);
    expect(speakers.every((speaker) => speaker.country === "US")).toBe(true);
    expect(speakers.find((speaker) => speaker.name === "Marla Quinlan")?.role).toBe("Representative");
    const mentions = findMentions(text, { start: 0, end: text.length }).map((mention) => mention.name);
    expect(mentions).not.toContain("D-Ore");
    expect(mentions).not.toContain("Ohio Republican");
  });

  it("a sentence that ends on a place does not run into the next sentence's name", () => {
    const text = "The envoy flew home to Washington. Ortega said nothing more.";
    const mentions = findMentions(text, { start: 0, end: text.length });
    expect(mentions.map((mention) => [mention.name, mention.country])).toEqual([
      ["Washington", "US"],
      ["Ortega", null],
    ]);
  });

  it("first and last name ignore middle initials, and keep a suffix that tells father and son apart", () => {
    expect(firstAndLast("Donald J. Trump")).toBe("donald trump");
    expect(firstAndLast("Martin Luther King Jr.")).toBe("martin king jr");
    expect(firstAndLast("Trump")).toBeNull();
  });
});
