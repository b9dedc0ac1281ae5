// Who speaks when the words before a reporting verb hold more than the speaker's name: a place the
// subject's relative clause names, a conjunction opening the sentence, a party tag after the name.
// Every sentence is written for this test.
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { findMentions } from "@/lib/extract/speakers";
import { speakerOf, statementsOf } from "./helpers";

describe("a place before the verb is not the speaker", () => {
  it("'Walter Pembrook, 61, who lives outside Duluth, says': Pembrook, not Duluth", () => {
    const text = "Walter Pembrook, 61, who lives outside Duluth, says he never trusted the bankers before the vote.";
    expect(speakerOf(text, "never trusted the bankers")).toBe("Walter Pembrook");
  });

  it("'delegates at the meeting in Tallahassee said': the delegates, not Tallahassee", () => {
    const text = "The delegates at the meeting in Tallahassee said they liked the plan for the harbor.";
    expect(speakerOf(text, "liked the plan")).not.toBe("Tallahassee");
  });
});

describe("a party tag set off by commas", () => {
  it("'Sen. Roger Maddox, R-S.C., a veteran lawmaker, said': Maddox, not 'C.'", () => {
    const text = "Sen. Roger Maddox, R-S.C., a veteran lawmaker, said the deal is weak.";
    expect(speakerOf(text, "the deal is weak")).toBe("Roger Maddox");
  });

  it("'Rep. Ann Lowe, D-Calif., said': the tag is no appositive that hides her", () => {
    const text = "Rep. Ann Lowe, D-Calif., said the bill would pass before the recess.";
    expect(speakerOf(text, "the bill would pass")).toBe("Ann Lowe");
  });
});

describe("a conjunction opening the sentence is not part of the speaker", () => {
  it("'But aides said': the speaker is the aides, not 'But aides'", () => {
    const text = "Mr. Ross argues that distance never helped. But aides said Mr. Pembrook simply believed in the plan.";
    expect(speakerOf(text, "simply believed in the plan")).toBe("aides");
  });
});

describe("an affiliation before a lowercase description after an inverted verb", () => {
  it("'said Republican party boss Harold Quist': Quist speaks", () => {
    const text = "“We will win this,” said Republican party boss Harold Quist, though he added that it was close.";
    expect(speakerOf(text, "We will win this")).toBe("Harold Quist");
  });

  it("'explained Democratic strategist Ada Brill, president of …': Brill, not the strategist's title", () => {
    const text = "“The delegate math is very hard for the senator,” explained Democratic strategist Ada Brill, president of a think tank.";
    expect(speakerOf(text, "delegate math")).toBe("Ada Brill");
  });
});

describe("an appositive between the name and the verb after a quote", () => {
  it("'…,'' the economist Jared Quill, a former adviser in the White House, wrote': Quill", () => {
    const text = "''Wages may finally be rising, and that is a very big story,'' the economist Jared Quill, a former adviser in the White House, wrote on his blog.";
    expect(speakerOf(text, "Wages may finally be rising")).toBe("Jared Quill");
  });

  it("a long appositive ('an economic adviser to … and former director of …') still leaves the verb in reach", () => {
    const text =
      "''The data showed the largest increase since 2009,'' Dale Hurst-Owens, an economic adviser to Republicans and former director of the Congressional Budget Office, wrote after the report was released.";
    expect(speakerOf(text, "largest increase since 2009")).toBe("Dale Hurst-Owens");
  });
});

describe("a subordinate clause before an inverted attribution", () => {
  it("'Because of how Democrats crafted …, explained Rosenberg, “…”': Rosenberg, not the Democrats of the clause", () => {
    const text = "Because of how Democrats crafted the primary schedule, explained Rosenberg, “with this thing over by March there is a scenario where it is hard to see how she loses.”";
    expect(speakerOf(text, "there is a scenario")).toBe("Rosenberg");
  });
});

describe("'the company' stands for a name, not a capitalized word of the text", () => {
  it("a word on a quoted sign ('\"Pacific\" salmon') and a sentence's first word ('Shoppers') are no company", () => {
    const text = 'Shoppers at the store saw signs reading "Pacific" salmon and "MSC-certified" cod above the counter. The company said it would review its labels.';
    expect(speakerOf(text, "review its labels")).not.toMatch(/^(?:Pacific|MSC-certified|Shoppers)$/);
  });

  it("a one-word name the text writes mid-sentence is still the company", () => {
    const text = "Regulators fined Kroll on Monday. The company said it would appeal the ruling.";
    expect(speakerOf(text, "appeal the ruling")).toBe("Kroll");
  });
});

describe("companies are bodies, not people", () => {
  it("'Uber said its drivers …' and 'Facebook believe …': a one-word name that is 'it' or takes a plural verb", () => {
    const text = "Zelvo believe the rules are unfair to small firms. Trovic said its drivers were safe.";
    const doc = extract(text).documents[0];
    const kinds = Object.fromEntries((doc?.speakers ?? []).map((s) => [s.name, s.kind]));
    expect(kinds).toMatchObject({ Zelvo: "organization", Trovic: "organization" });
  });

  it("'Harvest Foods said …': a name ending in a trade word is a company", () => {
    const doc = extract("Harvest Foods said prices would fall by spring.").documents[0];
    expect(doc?.speakers.find((s) => s.name === "Harvest Foods")?.kind).toBe("organization");
  });
});

describe("a body's name with 'and' or title words inside", () => {
  it("'The World Travel and Tourism Council said': one body, not 'World Travel'", () => {
    expect(speakerOf("The World Travel and Tourism Council said bookings had dropped by a third.", "bookings had dropped")).toBe("World Travel and Tourism Council");
  });

  it("a person and a body joined by 'and' stay apart", () => {
    const names = findMentions("Hillary Ruiz and Tourism Council officials met.", { start: 0, end: 47 }).map((m) => m.name);
    expect(names).toContain("Hillary Ruiz");
    expect(names).not.toContain("Hillary Ruiz and Tourism Council");
  });
});

describe("an event is no speaker", () => {
  it("'The bloodshed raised fears that …' names no speaker 'The bloodshed raised'", () => {
    const names = extract("The bloodshed raised fears that the truce would collapse.").documents[0]?.speakers.map((s) => s.name) ?? [];
    expect(names.some((n) => /raised/.test(n))).toBe(false);
  });
});

describe("a name closing the quote's sentence", () => {
  const before = "Gail Porter said the talks had failed. “There is no trust left,” she said.";

  it("'“…,” referring to the delegations …, Indyk said.': Indyk, not the speaker of the paragraph before", () => {
    const text = `${before}\n\n“We are not giving up on the process, and neither are they,” referring to the two delegations that met in Cairo last week, Indyk said.`;
    expect(speakerOf(text, "not giving up")).toBe("Indyk");
  });

  it("'“…,” he told the delegations …, Indyk said.': the closing name is who 'he' is", () => {
    const text = `${before}\n\n“We are not giving up on the process,” he told the two delegations that met in Cairo last week, Indyk said.`;
    expect(speakerOf(text, "not giving up")).toBe("Indyk");
    expect(statementsOf(text).some((s) => /met in Cairo/.test(s.text))).toBe(false);
  });
});

describe("a surname that is also a place", () => {
  it("'Paris, who used to work on Capitol Hill' after 'Jeremy Paris' does not make him French", () => {
    const text = "Jeremy Paris, a spokesman for the host committee, said the city was ready. Paris, who used to work on Capitol Hill, said the hotels were full.";
    const speaker = extract(text).documents[0]?.speakers.find((s) => s.name === "Jeremy Paris");
    expect(speaker?.country).not.toBe("FR");
  });
});

describe("countries an appositive gives before the document's own", () => {
  const story = [
    "WASHINGTON — Republicans in Congress and the White House clashed again on Tuesday over the Senate budget, and Democrats in the House joined in.",
    "''They did not tell us anything about the talks,'' said Yosef Dayan, another former national security adviser to Mr. Netanyahu.",
    "Alan Breck, the White House climate adviser, said the targets would be met.",
  ].join("\n\n");

  it("an adviser to a head of government is of that government's country, not the story's", () => {
    expect(extract(story).documents[0]?.speakers.find((s) => s.name === "Yosef Dayan")?.country).toBe("IL");
  });

  it("'the White House climate adviser' is American", () => {
    expect(extract(story).documents[0]?.speakers.find((s) => s.name === "Alan Breck")?.country).toBe("US");
  });
});

describe("any appositive after the name that follows a quote", () => {
  it("'“…,” Fred Kagan, director of the … at the … Institute, said': Kagan", () => {
    const text = '"Nothing we could do now would make a difference," Fred Kaplow, director of the Threats Project at the hawkish Enterprise Institute, said.';
    expect(speakerOf(text, "Nothing we could do now")).toBe("Fred Kaplow");
  });
});

describe("a person by age and a body by its kind", () => {
  it("'“…,” said the 46-year-old.': the person the story just named", () => {
    const text = "First lady Melania Harlow spoke on Monday night. “Donald is, and always has been, an amazing leader,” said the 46-year-old.";
    expect(speakerOf(text, "amazing leader")).toBe("Melania Harlow");
  });

  it("'the ministry said in a statement': the ministry the story quoted before", () => {
    const text = "China’s foreign ministry said the drills were lawful. “Countries outside the region should stick to their promises,” the ministry said in a statement.";
    expect(speakerOf(text, "stick to their promises")).toBe(speakerOf(text, "the drills were lawful"));
  });
});

describe("a spokesperson whose body an appositive names before the title", () => {
  it("'said Josh Eastman, the White House press secretary': the White House", () => {
    const text = "''There should be common ground on this,'' said Josh Eastman, the White House press secretary, on Monday.";
    expect(speakerOf(text, "common ground")).toBe("White House");
  });

  it("'said Nick Merrow, a Clinton campaign spokesman' in an election story: the Clinton campaign", () => {
    const text = 'Hillary Clinton campaigned in Iowa before the primary. "For months we have had to stand by while leaks created a false story," said Nick Merrow, a Clinton campaign spokesman.';
    expect(speakerOf(text, "For months")).toBe("Clinton campaign");
  });
});

describe("'the former president' in a story on two people of one family", () => {
  it("is the one who held the office, not the candidate the story follows", () => {
    const text = "Jeb Bush on Monday brought his older brother, George W. Bush, and the former first lady, Laura Bush, to the rally. ''Labels are for soup cans,'' the former president told a crowd.";
    expect(speakerOf(text, "soup cans")).toBe("George W. Bush");
  });

  it("a title given to the shared surname ('President Bush') does not make the candidate president", () => {
    const text = [
      "Jeb Bush on Monday brought his older brother, George W. Bush, to the rally in Columbia.",
      "''Labels are for soup cans,'' the former president told a crowd.",
      "Critics of President Bush's record on security were in the audience.",
      "Jeb Bush said the critics were wrong about his brother.",
    ].join("\n\n");
    expect(speakerOf(text, "soup cans")).not.toBe("Jeb Bush");
  });
});

describe("a person 'of' the body they belong to", () => {
  it("'Paul Kroger of the New York Times wrote': the person, not the whole phrase", () => {
    const names = findMentions("Paul Kroger of the New York Times wrote that it failed.", { start: 0, end: 55 }).map((m) => m.name);
    expect(names).toContain("Paul Kroger");
  });

  it("a titled person of a long body ('Archbishop Aram Vartan of the Armenian Patriarchate of Jerusalem') is the person", () => {
    const text = "However, as Archbishop Aram Vartan of the Armenian Patriarchate of Jerusalem told the press, it was sad.";
    const mention = findMentions(text, { start: 0, end: text.length })[0];
    expect(mention).toMatchObject({ name: "Aram Vartan", role: "Archbishop", kind: "person" });
  });
});

describe("'the ministry' named shortly before without a statement of its own", () => {
  it("'… while China’s foreign ministry also weighed in. “…,” the ministry said': the Chinese ministry", () => {
    const text = "Officials argued for days, while China’s foreign ministry also weighed in on the comments. “Countries outside the region should keep their promises,” the ministry said in a statement.";
    expect(speakerOf(text, "keep their promises")).toMatch(/Foreign Ministry/);
  });
});

describe("more of who 'he' and 'she' can be", () => {
  it("'added his campaign manager Jeff Weber': the manager, not the candidate", () => {
    const text = 'Senator Bart Sanders spoke in Iowa. "We are going to chip away at her delegate lead," added his campaign manager Jeff Weber, speaking to CNN after the senator spoke.';
    expect(speakerOf(text, "chip away")).toBe("Jeff Weber");
  });

  it("'she said' passes over a man named Jake for the woman before him", () => {
    const text = 'Asked on Tuesday about Jake Sollis, Dianne Fenwick said the emails were old. "I have never heard of it before," she said.';
    expect(speakerOf(text, "never heard of it")).toBe("Dianne Fenwick");
  });
});
