// Speakers that resolve on real news: names freed of the state, party or owner written before them,
// affiliations after them, places that are never people, pronouns, spokespeople and countries
// (texts written for these tests in the style of US political copy).
import { describe, expect, it } from "vitest";
import { speakerOf, speakersOf } from "./helpers";

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

describe("who he and she are", () => {
  it("a pronoun after a quote is the subject of the sentence before, not a place or a person named later", () => {
    const text = [
      "At a rally in Fort Calder, Tex., Mr. Dunmore was blunt about the plan.",
      '"You would have to be out of your mind to back it," he said about Senator Wes Hale, who campaigned in New York.',
    ].join("\n\n");
    expect(speakerOf(text, "out of your mind")).toBe("Dunmore");
  });

  it("the main clause's subject outranks the subordinate clause's, and gender rules out a man for she", () => {
    const text = [
      "When Governor Tom Rand attacked the budget, Senator Helen Brody disagreed.",
      '"This budget keeps every school open," she said.',
      "When Rand left the chamber, she said the figures were public.",
    ].join("\n\n");
    expect(speakerOf(text, "keeps every school open")).toBe("Helen Brody");
    expect(speakerOf(text, "the figures were public")).toBe("Helen Brody");
  });

  it("the story's protagonist stays he through sentences that name nobody", () => {
    const text = [
      '"We are ready for any storm," Admiral Victor Lowell said on Monday.',
      "The comments had two aims. First, they were meant to calm allies. Second, they were meant to warn rivals.",
      "The fleet left port at dawn. Its ships carried supplies.",
      '"Nobody should doubt our resolve," he said.',
    ].join("\n\n");
    expect(speakerOf(text, "doubt our resolve")).toBe("Victor Lowell");
  });
});

describe("speaker countries", () => {
  it("people in a story on American politics are American unless the text says otherwise", () => {
    const text = [
      "Republicans in the Senate and House clashed with Democrats over the spending bill on Capitol Hill.",
      '"The bill is a mess," said Dale Porter, a pollster who advises GOP campaigns.',
      '"We will pass it anyway," said Ines Ocampo, a Mexican diplomat watching the debate.',
    ].join("\n\n");
    const countries = Object.fromEntries(speakersOf(text).map((speaker) => [speaker.name, speaker.country]));
    expect(countries).toEqual({ "Dale Porter": "US", "Ines Ocampo": "MX" });
  });

  it("an international body's spokesperson speaks for the body, which takes no country from the story, nor do countries named only as topics", () => {
    const text = [
      "Republicans in the Senate and House clashed with Democrats over the tariff bill on Capitol Hill.",
      '"The tariffs break the rules," said EU trade spokesperson Olof Lind.',
      '"We will answer in kind," said Dale Porter, a pollster who advises GOP campaigns.',
    ].join("\n\n");
    const countries = Object.fromEntries(speakersOf(text).map((speaker) => [speaker.name, speaker.country]));
    expect(countries).toEqual({ EU: null, "Dale Porter": "US" });
    const topics = 'China, Japan and Korea were named in the report. China was named twice, and China again. "Trade will slow," said Mia Holt.';
    expect(speakersOf(topics)).toEqual([{ name: "Mia Holt", role: null, country: null, said: 1 }]);
  });

  it("a head of government keeps their own country in a story about another country", () => {
    const text = [
      "Germany's parliament debated the border plan in Berlin on Tuesday, and German states pressed for more police.",
      '"We will not close our borders," said Chancellor Merkel.',
      '"Germany is doing its part," said Hanna Vogt, a lawmaker in Berlin.',
    ].join("\n\n");
    const countries = Object.fromEntries(speakersOf(text).map((speaker) => [speaker.name, speaker.country]));
    expect(countries).toEqual({ Merkel: "DE", "Hanna Vogt": "DE" });
    const foreign = '"We respect the decision," said Chancellor Merkel after meeting Republicans in Washington, where the Senate and Congress debated.';
    expect(speakersOf(foreign).find((speaker) => speaker.name === "Merkel")?.country).toBe("DE");
  });

  it("a place owning a title a few words before it gives the country", () => {
    const text = "London's newly elected mayor Sadiq Amin said the ban was wrong.";
    expect(speakersOf(text)).toEqual([{ name: "Sadiq Amin", role: "Mayor", country: "GB", said: 1 }]);
  });
});

describe("spokespeople speak for their body", () => {
  it("a head of government's spokesman speaks for the government, a body's spokesperson for the body, naming them in the role", () => {
    const text = [
      "German Chancellor Ulrike Brandt met the families on Monday.",
      '"We stand with the victims and their families," Ms. Brandt\'s spokesman, Felix Ott, wrote on Twitter.',
      '"We are saddened by the ruling," said Ann Reyes, a spokeswoman for the Cedar Alliance.',
      '"The president will review the bill," said White House press secretary Tom Hale.',
    ].join("\n\n");
    expect(speakerOf(text, "stand with the victims")).toBe("German government");
    expect(speakerOf(text, "saddened by the ruling")).toBe("Cedar Alliance");
    expect(speakerOf(text, "review the bill")).toBe("White House");
    const byName = Object.fromEntries(speakersOf(text).map((speaker) => [speaker.name, speaker]));
    expect(byName["German government"]?.country).toBe("DE");
    expect(byName["White House"]).toMatchObject({ country: "US", role: "press secretary Tom Hale" });
    expect(byName["Cedar Alliance"]?.role).toBe("spokeswoman Ann Reyes");
  });

  it("a ministry or embassy written in lowercase before or after the title is the body that speaks", () => {
    const text = [
      "Norway's Foreign Ministry summoned the envoy on Tuesday.",
      'Foreign ministry spokeswoman Ingrid Lunde said the visit had been "cancelled without notice."',
      'Polish foreign ministry spokesman Adam Wrona called the decision "regrettable."',
      '"We have nothing to add," said Tomas Berg, a spokesman for the Swedish embassy in Oslo.',
    ].join("\n\n");
    expect(speakerOf(text, "cancelled without notice")).toBe("Foreign Ministry");
    expect(speakerOf(text, "regrettable")).toBe("Polish Foreign Ministry");
    expect(speakerOf(text, "nothing to add")).toBe("Swedish Embassy");
    const byName = Object.fromEntries(speakersOf(text).map((speaker) => [speaker.name, speaker]));
    expect(byName["Polish Foreign Ministry"]).toMatchObject({ country: "PL", role: "spokesman Adam Wrona" });
    expect(byName["Swedish Embassy"]).toMatchObject({ country: "SE", role: "spokesman Tomas Berg" });
    expect(byName["Foreign Ministry"]?.country).toBe("NO");
  });

  it("a super PAC's spokeswoman speaks for the super PAC the story named", () => {
    const text = [
      "Meanwhile, Stand Tall America, the largest of two pro-Dunmore super PACs, bought $1 million in ads.",
      '"Voters deserve to know his record," super PAC spokeswoman Lena Ford said.',
    ].join("\n\n");
    expect(speakerOf(text, "deserve to know his record")).toBe("Stand Tall America");
  });

  it("a candidate's spokesman in an election story speaks for the campaign", () => {
    const text = [
      "The primary campaign turned bitter on Sunday as Senator Ted Dunmore attacked his rival.",
      '"Our opponent has no record to run on," Dunmore spokesman Eli Park said.',
    ].join("\n\n");
    expect(speakerOf(text, "no record to run on")).toBe("Dunmore campaign");
  });
});

describe("subjects written after the verb or as a title", () => {
  it("said Mr. X is X, and the senator the text has been talking about is that senator", () => {
    const text = [
      '"A lot of good people died for nothing," said Mr. Pellow, who served two tours overseas.',
      "Ted Marsh defended his record in a commercial running on local television.",
      '"Securing the border is a matter of national security," the senator says directly to the camera.',
    ].join("\n\n");
    expect(speakerOf(text, "died for nothing")).toBe("Pellow");
    expect(speakerOf(text, "matter of national security")).toBe("Ted Marsh");
  });

  it("a new spokesperson or official introduced by title is nobody the story named before", () => {
    const text = ["Ted Marsh defended his record on Monday.", '"We will review the case," the spokesman said.'].join("\n\n");
    expect(speakerOf(text, "review the case")).toBeNull();
  });
});

describe("the subject described by appositives", () => {
  it("a chain of appositives and relative clauses leads back to the person, not the body or place inside it", () => {
    const text = [
      "Wade Horne, a former director of the Ohio Republican Party, whose roots are in the church, said the base was angry.",
      "Lena Maris, who lost her son in a shooting in Aurora, Colorado, in 2012, said that the senator had ignored her.",
    ].join("\n\n");
    expect(speakerOf(text, "the base was angry")).toBe("Wade Horne");
    expect(speakerOf(text, "had ignored her")).toBe("Lena Maris");
  });
});

describe("unnamed sources", () => {
  it("people the story describes instead of naming speak under that description", () => {
    const text = [
      '"He was told not to build on the reef," said an American official who was briefed on the meeting.',
      "Analysts said the warning would be ignored.",
      "Pentagon officials said the patrols would continue.",
      "The plan, whom one insider called reckless, stalled.",
    ].join("\n\n");
    expect(speakerOf(text, "not to build on the reef")).toBe("an American official");
    expect(speakerOf(text, "would be ignored")).toBe("analysts");
    expect(speakerOf(text, "patrols would continue")).toBe("Pentagon officials");
    const countries = Object.fromEntries(speakersOf(text).map((speaker) => [speaker.name, speaker.country]));
    expect(countries["an American official"]).toBe("US");
    expect(countries["Pentagon officials"]).toBe("US");
    expect(Object.keys(countries).some((name) => /whom/.test(name))).toBe(false);
  });
});

describe("quotes the rules left without a speaker", () => {
  it("a name right after the closing mark with any verb is the speaker; a new paragraph's name is not", () => {
    const text = [
      "The forum turned hostile within minutes.",
      '"Go back to your seat," Ray Kessler barked, as guards moved in.',
      '"We had no choice in the matter at all."',
      "Budget talks resumed on Friday.",
    ].join("\n\n");
    expect(speakerOf(text, "Go back to your seat")).toBe("Ray Kessler");
    expect(speakersOf(text).map((speaker) => speaker.name)).not.toContain("Budget");
  });
});
