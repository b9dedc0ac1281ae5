// Speaker errors found on real news (bench/speakers-report.ts), each on a sentence written for this
// test in the style of US political copy: descriptions before an inverted name, abbreviated ranks,
// party tags, unnamed spokespeople, governments named by their capital, described groups.
import { describe, expect, it } from "vitest";
import { findMentions } from "@/lib/extract/speakers";
import { extract } from "@/lib/extract";
import { expectWellFormed, speakerOf, speakersOf } from "./helpers";

describe("inverted attributions with a description before the name", () => {
  it("said retired surgeon Ann Marlow: the description is not the speaker, the name is", () => {
    const text = '"I am not going to call it a mistake, so forget about it," said retired surgeon Ann Marlow, asked about her claims.';
    expect(speakerOf(text, "forget about it")).toBe("Ann Marlow");
  });

  it("said former tech executive Dora Finch during the debate", () => {
    const text = '"Watch the tape and tell me it is fake," said former tech executive Dora Finch during the second debate.';
    expect(speakerOf(text, "Watch the tape")).toBe("Dora Finch");
  });

  it("a description of a platform's user is not a name: said another Twitter user, Lena Voss", () => {
    const text = '"We are anxious about the border," said another Twitter user, Lena Voss.';
    expect(speakerOf(text, "anxious about the border")).not.toBe("Twitter");
  });
});

describe("titles written short and tags after the name", () => {
  it("Adm. is the admiral the story later quotes", () => {
    const text = [
      "Adm. Harlan P. Vickers Jr. said the islands were being turned into bases.",
      "Gen. Joseph T. Dunmore recently asked Admiral Vickers about the shoal, and Mr. Dunmore listened.",
      'The admiral said the comments were "tone deaf and insulting."',
    ].join("\n\n");
    expect(speakerOf(text, "tone deaf")).toBe("Harlan P. Vickers Jr.");
  });

  it("a whip is a title, and he after his sentence is the whip, not the leader quoted before", () => {
    const text = [
      '"I do not remember anything as outrageous," said Senate Minority Leader Carl Dorsey (D-Nev.).',
      "Senate Majority Whip Jon Kettle (R-Tex.) responded by standing on the floor next to a large photo.",
      '"I will tell you what shameful is," he said.',
    ].join("\n\n");
    expect(speakerOf(text, "what shameful is")).toBe("Jon Kettle");
  });

  it("a party tag between the name and the verb keeps the name as the subject", () => {
    const text = "Senate Minority Leader Carl Dorsey (D-Nev.) said the funding bill was a disgrace.";
    expect(speakerOf(text, "funding bill was a disgrace")).toBe("Carl Dorsey");
  });
});

describe("a spokesperson the story never names speaks for the body behind the person", () => {
  it("Cameron’s spokesman, the prime minister’s spokesman and then the spokesman are the British government", () => {
    const text = [
      "LONDON (Wire) - Marcus Hale said he was unlikely to get along with David Cameron because the British prime minister had called his plan “divisive, stupid and wrong.”",
      "Cameron’s spokesman said the prime minister stood by his original comments.",
      "Cameron will work with whoever wins the election in November, the prime minister’s spokesman said.",
      "“The PM has made his views very clear. He disagrees with them,” the spokesman said.",
    ].join("\n");
    expect(speakerOf(text, "stood by his original comments")).toBe("British government");
    expect(speakerOf(text, "work with whoever wins")).toBe("British government");
    expect(speakerOf(text, "He disagrees with them")).toBe("British government");
  });

  it("in a US campaign story, a candidate's unnamed spokesman is the campaign", () => {
    const text = [
      "Senator Ted Cruz won the Iowa caucuses on Monday, and the primary campaign moved on to New Hampshire.",
      "Cruz’s spokesman said the senator would not answer the attack ads.",
    ].join("\n");
    expect(speakerOf(text, "would not answer the attack ads")).toBe("Cruz campaign");
  });
});

describe("groups described instead of named", () => {
  it("the place Pentagon officials say: the noun of the clause before is not part of the group", () => {
    const text = "Neither side wants a war over the reef. But the reef is now the place Pentagon officials say the United States might take a stand.";
    expect(speakerOf(text, "might take a stand")).toBe("Pentagon officials");
  });
});

describe("a government named by its capital or its people", () => {
  it("Riyadh and the Saudis speak for the Saudi government; the Kremlin stays the Kremlin", () => {
    const text = [
      "Riyadh has vigorously denied any role in the attacks on New York.",
      "The Saudis have warned they could sell off billions of dollars in American assets if the bill becomes law.",
      "The Kremlin said the talks on the pipeline were over.",
    ].join("\n\n");
    expect(speakerOf(text, "denied any role")).toBe("Saudi government");
    expect(speakerOf(text, "sell off billions")).toBe("Saudi government");
    expect(speakerOf(text, "talks on the pipeline")).toBe("Kremlin");
  });

  it("a headline that drops its article, or the people as a predicate, still lets the story's 'the Saudis' be the government", () => {
    const text = [
      "In letter to senators, Saudis say they fight extremism.",
      'The Saudis state in the letter that the kingdom "shares the same enemies" as its allies.',
      "Most of the hijackers were Saudis, the letter concedes.",
    ].join("\n\n");
    expect(speakerOf(text, "shares the same enemies")).toBe("Saudi government");
  });

  it("a people written without 'the' is the people, not its government", () => {
    const text = "Palestinians say the new wall cuts their farmland in two.";
    expect(speakerOf(text, "cuts their farmland")).toBe("Palestinians");
  });
});

describe("a campaign that speaks", () => {
  it("The Cruz campaign sent an email saying …: the campaign is the speaker, not the clause before the verb", () => {
    const text = [
      "Senator Ted Cruz of Texas won the Iowa caucuses last week.",
      "The Cruz campaign sent a fundraising email Wednesday saying that the results show Cruz and Trump are in a two-man race.",
    ].join("\n\n");
    expect(speakerOf(text, "two-man race")).toBe("Cruz campaign");
  });
});

describe("who he is after a sentence with two people", () => {
  it("the senator who blasted a rival is he, not the rival (a verb between two names is no title)", () => {
    const text = 'Senator Carl Dorsey blasted Marco Rubio in a recent interview with The Post. "It shows a lack of character in my opinion," he said.';
    expect(speakerOf(text, "lack of character")).toBe("Carl Dorsey");
  });

  it("a title between two names still makes the first an owner: Cruz spokesman Rick Tyler", () => {
    const text = 'Senator Ted Cruz won the Iowa caucuses. "He has the record to back it up," Cruz spokesman Rick Tyler said.';
    expect(speakerOf(text, "record to back it up")).not.toBe("Ted Cruz");
  });
});

describe("a title the story gave one person", () => {
  it("the admiral who chuckled is he in the next quote, not the general named before", () => {
    const text = [
      "Gen. Joseph T. Dunmore recently asked Adm. Harlan P. Vickers Jr. whether the reef was worth a war.",
      "Asked later, war or not over the reef, the admiral chuckled.",
      '"It is good that my voice is low," he said.',
    ].join("\n\n");
    expect(speakerOf(text, "my voice is low")).toBe("Harlan P. Vickers Jr.");
  });

  it("the general election is no general", () => {
    const text = [
      "Gen. Joseph T. Dunmore spoke to the cadets on Monday.",
      "Senator Ann Marlow campaigned in Ohio. Polls for the general election show her ahead.",
      '"We will win," she said.',
    ].join("\n\n");
    expect(speakerOf(text, "We will win")).toBe("Ann Marlow");
  });
});

describe("words reported in a subordinate clause", () => {
  it("When Mr. Ames defended calling the regime ''strong'', Mr. Kroll differed: he is Kroll", () => {
    const text = [
      "At the debate on Thursday, the spotlight fell on Mr. Kroll.",
      "When Mr. Ames tried to defend his remarks calling the regime ''strong'' when it crushed the protest in 1989, Mr. Kroll forcefully differed.",
      "''I think that the regime butchered those students,'' he said.",
    ].join("\n\n");
    expect(speakerOf(text, "butchered those students")).toBe("Kroll");
  });
});

describe("titles are not part of a name", () => {
  it("Former Florida Sen. Rob Gale and Journalist Jorge Ramos are Rob Gale and Jorge Ramos", () => {
    const text = [
      "Former Florida Sen. Rob Gale said the pages should be released at once.",
      "Journalist Jorge Ramos said the figures were wrong.",
    ].join("\n\n");
    const result = extract(text);
    expectWellFormed(text, result);
    expect(result.documents.flatMap((d) => d.speakers.map((s) => [s.name, s.role]))).toEqual([
      ["Rob Gale", "Senator"],
      ["Jorge Ramos", "Journalist"],
    ]);
  });
});

describe("family and adverbials around a name", () => {
  it("Haller's son, Grant, is Grant Haller, and Haller alone is still the father", () => {
    const text = [
      "Curt Haller, through a spokeswoman, said he would not apologize for the post.",
      "Haller's son, Grant, defended his father on Facebook, saying he was not a bigot.",
      "Haller said the network had treated him unfairly.",
    ].join("\n\n");
    expect(speakerOf(text, "not a bigot")).toBe("Grant Haller");
    expect(speakerOf(text, "treated him unfairly")).toBe("Curt Haller");
    const result = extract(text);
    expect(result.documents[0]?.speakers.find((s) => s.name === "Curt Haller")?.role).toBeNull();
  });
});

describe("an inverted 'he added' after reported words", () => {
  it("the person the reported words are about is not the one who added them", () => {
    const text = [
      '"All of us have been dictated to from Washington," said Hogan Gale, a former party director.',
      "Mr. Ames, who is not taking large donations, fits that bill for many people, he added.",
    ].join("\n\n");
    expect(speakerOf(text, "fits that bill")).toBe("Hogan Gale");
  });

  it("a subordinate clause's subject before 'he said' that opens the reported words is still he", () => {
    const text = "When Senator Ross Ames spoke in Ohio, he said the plan was a disaster.";
    expect(speakerOf(text, "plan was a disaster")).toBe("Ross Ames");
  });
});

describe("a pronoun ahead of its name", () => {
  it("Asked by the host if he believed it, Carson said …: he is Carson, not the host", () => {
    const text = [
      "Ben Carson spoke to the radio host Todd Starnes on Tuesday.",
      'Asked by Starnes if he believed the scandal was as bad as Benghazi, Carson said that he did not, but was referring to the "same kind of attitude."',
    ].join("\n\n");
    const result = extract(text);
    expectWellFormed(text, result);
    const names = new Map(result.documents[0]?.speakers.map((s) => [s.id, s.name]));
    const said = result.documents[0]?.statements.map((s) => names.get(s.speakerId ?? "")) ?? [];
    expect(said.length).toBeGreaterThan(0);
    expect(said.every((name) => name === "Ben Carson")).toBe(true);
  });
});

describe("the source of a second reported clause", () => {
  it("He said …, and added …: both statements are attributed by the same He", () => {
    const text = 'Senator Ted Cruz spoke in Iowa on Monday. He said the border must be secured first, and added that the plan was "amnesty."';
    const result = extract(text);
    expectWellFormed(text, result);
    const sources = result.documents[0]?.statements.map((s) => (s.source ? text.slice(s.source.start, s.source.end) : null));
    expect(sources).toEqual(["He", "He"]);
  });
});

describe("who a quote belongs to around the next speaker's attribution", () => {
  it("a description with the full name in apposition after the verb names the speaker, and the next quote is theirs too", () => {
    const text = [
      "Readers reacted quickly online.",
      "''We're worried,'' said another Facebook reader, Marta Lenz. ''The bridge closures keep coming.''",
    ].join("\n\n");
    expect(speakerOf(text, "We're worried")).toBe("Marta Lenz");
    expect(speakerOf(text, "bridge closures keep coming")).toBe("Marta Lenz");
  });

  it("a quote followed by 'X said:' stays with the speaker before it; the colon opens X's quote", () => {
    const text = "''We came here for work,'' Ms. Varga said. ''We are not criminals.'' Mr. Hollis said: ''The raid was a mistake.''";
    expect(speakerOf(text, "We are not criminals")).toBe("Varga");
    expect(speakerOf(text, "The raid was a mistake")).toBe("Hollis");
  });

  it("'as X, a former minister, put it:' gives the quote after the colon to X", () => {
    const text = "Or, as Ellen Marsh, a former trade minister, put it: ''The tariffs are a tax on our own shoppers.''";
    expect(speakerOf(text, "a tax on our own shoppers")).toBe("Ellen Marsh");
  });

  it("a city's public advocate is a title, not part of the name", () => {
    const text = '"The council ignored the tenants," New York City Public Advocate Dana Whitfield said. "Rents rose anyway," Public Advocate Omar Reyes added.';
    expect(speakerOf(text, "ignored the tenants")).toBe("Dana Whitfield");
    expect(speakerOf(text, "Rents rose anyway")).toBe("Omar Reyes");
  });
});

describe("words around a name that are not the speaker", () => {
  it("'On a more conciliatory note, X has said' is X saying it, not a speaker called 'On a more conciliatory'", () => {
    const text = "Mayor Alan Pruitt met the union on Monday.\n\nOn a more conciliatory note, Pruitt has said the workers deserve a raise.";
    expect(speakerOf(text, "workers deserve a raise")).toBe("Alan Pruitt");
  });

  it("a 'pro-' or 'anti-' word before a name describes it and is not part of it", () => {
    const names = findMentions("The pro-Harlow Valley Courier backed the plan.", { start: 0, end: 46 }).map((m) => m.name);
    expect(names).not.toContain("Harlow Valley Courier");
  });
});

describe("a sentence led by 'he' or 'she'", () => {
  it("a quote in a sentence led by 'he' is his, and a described group is never 'he'", () => {
    const text = [
      "Senator Mark Ellison has kept a close eye on the race.",
      "Democratic sources said the campaign was worried about turnout.",
      'On Wednesday, he seemed to hint at his own worries, warning that the governor is "still ahead but should not take the lead for granted."',
    ].join("\n\n");
    expect(speakerOf(text, "worried about turnout")).toBe("Democratic sources");
    expect(speakerOf(text, "take the lead for granted")).toBe("Mark Ellison");
  });
});

describe("words capitalized only because they open a sentence", () => {
  it("'Deficit hawks have warned' and 'New signs' are no speakers named Deficit or New; the senator quoted later is", () => {
    const text = [
      "Deficit hawks have warned for years that a day of reckoning is coming for the federal budget.",
      "New signs in the stores spell out the pitch, and the deficit keeps growing with every new program.",
      'Senator Mara Quill said the deficit was "a slow-motion emergency" that nobody in Congress wanted to face.',
    ].join("\n\n");
    const names = speakersOf(text).map((speaker) => speaker.name);
    expect(names).not.toContain("Deficit");
    expect(names).not.toContain("New");
    expect(speakerOf(text, "slow-motion emergency")).toBe("Mara Quill");
  });

  it("'Thankfully,' opens a sentence without naming anyone", () => {
    const text = 'Thankfully, now we know when the game arrives and what it costs: "Harbor Run" will launch on phones in December.';
    expect(speakersOf(text).map((speaker) => speaker.name)).not.toContain("Thankfully");
  });

  it("a surname that opens a sentence stays a name when the story also writes it mid-sentence", () => {
    const text = [
      "The plan was announced on Monday by Governor Ellen Rice.",
      'Rice said the money "will reach every county before winter," and the rice farmers in the north welcomed it.',
    ].join("\n\n");
    expect(speakerOf(text, "will reach every county")).toBe("Ellen Rice");
  });
});

describe("a country's body named with its demonym", () => {
  it("'The Palestinian Authority has said' is the Palestinian Authority, not a speaker called Authority", () => {
    const text = "The Palestinian Authority has said that it will press charges at the international court after it joins in April.";
    const speakers = speakersOf(text);
    expect(speakers.map((speaker) => speaker.name)).toContain("Palestinian Authority");
    expect(speakers.find((speaker) => speaker.name === "Palestinian Authority")).toMatchObject({ country: "PS", said: 1 });
    expect(speakers.map((speaker) => speaker.name)).not.toContain("Authority");
  });
});

describe("a leader's government in a story about another country", () => {
  it("'Obama administration officials' in a Sudan story are American, not Sudanese", () => {
    const text = [
      "KHARTOUM, Sudan — Sudan's government said on Sunday that the sanctions had hurt ordinary Sudanese families for two decades.",
      "Sudanese officials said the talks in Khartoum would resume, and the Sudanese army said the ceasefire was holding in Darfur.",
      "Obama administration officials said the sanctions would stay in place until Sudan ended the bombing in the south.",
    ].join("\n\n");
    const speakers = speakersOf(text);
    expect(speakers.find((speaker) => speaker.name === "Obama administration officials")).toMatchObject({ country: "US", said: 1 });
    expect(speakers.find((speaker) => speaker.name === "Sudanese officials")).toMatchObject({ country: "SD" });
  });
});

describe("spokespeople of bodies the story names elsewhere", () => {
  const text = [
    "WASHINGTON — The United States said on Monday it would send more ships to the North Atlantic, a move Iceland's foreign ministry criticized.",
    "“This is not the way allies treat each other,” ministry spokesman Gunnar Olafsson said in Reykjavik.",
    "A State Department spokesman said the deployment was routine.",
  ].join("\n\n");

  it("a bare 'ministry spokesman' speaks for the country's ministry the story named before", () => {
    expect(speakersOf(text).find((speaker) => speaker.name === "Iceland's Foreign Ministry")).toMatchObject({ country: "IS", said: 1 });
  });

  it("'a State Department spokesman' is American whatever country the story is about", () => {
    expect(speakersOf(text).find((speaker) => /State Department/.test(speaker.name))).toMatchObject({ country: "US", said: 1 });
  });
});

describe("counts that open a sentence", () => {
  it("'Seventy percent of voters … called the measure' names no speaker Seventy", () => {
    const text = "Seventy percent of voters in the poll called the measure “a betrayal of the state,” and the governor said she would veto it.";
    expect(speakersOf(text).map((speaker) => speaker.name)).not.toContain("Seventy");
  });
});
