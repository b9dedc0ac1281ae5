// Speakers that resolve on real news: names freed of the state, party or owner written before them,
// affiliations after them, places that are never people, pronouns, spokespeople and countries
// (texts written for these tests in the style of US political copy).
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { expectWellFormed } from "./helpers";

function speakersOf(text: string) {
  const result = extract(text);
  expectWellFormed(text, result);
  return result.documents.flatMap((document) =>
    document.speakers.map((speaker) => ({
      name: speaker.name,
      role: speaker.role,
      country: speaker.country,
      said: document.statements.filter((statement) => statement.speakerId === speaker.id).length,
    })),
  );
}

/** Who said the statement containing `words`. */
function speakerOf(text: string, words: string): string | null {
  const result = extract(text);
  expectWellFormed(text, result);
  for (const document of result.documents) {
    const statement = document.statements.find((s) => s.text.includes(words));
    if (statement) return document.speakers.find((s) => s.id === statement.speakerId)?.name ?? null;
  }
  throw new Error(`no statement holds ${words}`);
}

describe("names written with what surrounds them", () => {
  it("a state and a title before the name, or a state after it, make an American with a plain name", () => {
    const text = [
      'New Jersey Gov. Dana Whitlock said the plan was "dead on arrival."',
      '"We will not fund it," said Senator Ross Adair of Nevada.',
    ].join("\n\n");
    expect(speakersOf(text)).toEqual([
      { name: "Dana Whitlock", role: "Governor", country: "US", said: 1 },
      { name: "Ross Adair", role: "Senator", country: "US", said: 1 },
    ]);
  });

  it("a party, an owner or an employer is not part of the name", () => {
    const text = [
      "Democrat Mara Lind said the bill would fail in the House.",
      "CNN's Rita Delgado said the vote would be close.",
      '"Nobody believes the numbers," said Otto Brandt of the Halvorsen Group.',
    ].join("\n\n");
    const names = speakersOf(text).map((speaker) => speaker.name);
    expect(names).toEqual(["Mara Lind", "Rita Delgado", "Otto Brandt"]);
    expect(names.some((name) => /CNN|Democrat|Group/.test(name))).toBe(false);
  });

  it("a name with a suffix is found again by its surname", () => {
    const text = [
      'Adm. Harold P. Quince Jr. said that the fleet "is ready to sail tonight."',
      'Quince said the patrols would "go on as planned."',
    ].join("\n\n");
    expect(speakersOf(text).map((speaker) => [speaker.name, speaker.said])).toEqual([["Harold P. Quince Jr.", 2]]);
  });
});
