// Each stage on small news-style shapes written for these tests (no published text).
import { describe, expect, it } from "vitest";
import { extract } from "@/lib/extract";
import { countryCodeOf, findCountryMentions } from "@/lib/extract/countries";
import { findQuotes } from "@/lib/extract/quotes";
import { segmentDocuments } from "@/lib/extract/segment";
import { parseGroup } from "@/lib/extract/speakers";
import type { TExtraction, TStatement } from "@/lib/extract/types";
import { expectWellFormed } from "./helpers";

function run(text: string): TExtraction {
  const r = extract(text);
  expectWellFormed(text, r);
  return r;
}

function statements(r: TExtraction): (TStatement & { speaker: string | null })[] {
  return r.documents.flatMap((d) =>
    d.statements.map((st) => ({ ...st, speaker: d.speakers.find((s) => s.id === st.speakerId)?.name ?? null })),
  );
}

function quoteTexts(text: string): string[] {
  const paras = text.split("\n").reduce<{ start: number; end: number }[]>((acc, line) => {
    const start = acc.length === 0 ? 0 : (acc[acc.length - 1]?.end ?? 0) + 1;
    acc.push({ start, end: start + line.length });
    return acc;
  }, []);
  return findQuotes(text, paras).map((q) => text.slice(q.inner.start, q.inner.end));
}

describe("quotes", () => {
  it("reads straight, curly, single and guillemet quotes", () => {
    expect(quoteTexts(`He said "we will win" today.`)).toEqual(["we will win"]);
    expect(quoteTexts(`“We will win,” she said.`)).toEqual(["We will win,"]);
    expect(quoteTexts(`‘We will win,’ she said.`)).toEqual(["We will win,"]);
    expect(quoteTexts(`'We will win,' she said.`)).toEqual(["We will win,"]);
    expect(quoteTexts(`« Nous gagnerons », a-t-il dit.`)).toEqual(["Nous gagnerons"]);
  });

  it("reads a double quote written as two apostrophes, as some wire archives do", () => {
    expect(quoteTexts(`''We will win,'' she said. He called it ''reckless.''`)).toEqual(["We will win,", "reckless."]);
    expect(quoteTexts(`''The first part runs on.\n''And ends here,'' he said.`)).toEqual(["The first part runs on.\n''And ends here,"]);
    expect(quoteTexts(`The players' '' never closes here`)).toEqual([]);
  });

  it("does not take apostrophes for quotes", () => {
    expect(quoteTexts(`Japan’s leaders don’t agree, and the ministers’ talks stalled.`)).toEqual([]);
    expect(quoteTexts(`It's the country's view that they won't move.`)).toEqual([]);
  });

  it("keeps a nested quote inside the outer one", () => {
    const text = `“He told me, ‘Don’t worry,’ and left,” she said.`;
    expect(quoteTexts(text)).toEqual(["He told me, ‘Don’t worry,’ and left,"]);
  });

  it("joins a quote that runs over two paragraphs", () => {
    const text = `“The first part runs on.\n“And the second part ends here,” the minister said.`;
    expect(quoteTexts(text)).toEqual(["The first part runs on.\n“And the second part ends here,"]);
  });

  it("reads a quote typed with the wrong curly mark at one end", () => {
    expect(quoteTexts(`“The deficit is out of balance,“ the chairman said. “We must act now.“`)).toEqual([
      "The deficit is out of balance,",
      "We must act now.",
    ]);
    expect(quoteTexts(`”This is why the bridge has to be rebuilt,” she wrote.`)).toEqual(["This is why the bridge has to be rebuilt,"]);
    expect(quoteTexts(`He quoted the “Lion” and “Lamb“ fables.`)).toEqual(["Lion", "Lamb"]);
  });

  it("joins a quote opened mid-paragraph to the paragraph that reopens it", () => {
    const text = `"The bridge is still closed," he said. "Nobody has told us why.\n"And nobody answers the phone," he added.`;
    expect(quoteTexts(text)).toEqual(["The bridge is still closed,", `Nobody has told us why.\n"And nobody answers the phone,`]);
    expect(quoteTexts(`He said "this never closes.\nThe next paragraph is prose.`)).toEqual([]);
  });

  it("survives unbalanced marks", () => {
    expect(quoteTexts(`He said "this never closes`)).toEqual([]);
    expect(quoteTexts(`"Opening at the start and never closing`)).toEqual(["Opening at the start and never closing"]);
  });
});

describe("countries", () => {
  it("maps names, aliases, demonyms and capitals to ISO codes", () => {
    const text = "U.S. and America, the United States, French troops, Tokyo said, the Kremlin, North Korea’s test.";
    const codes = findCountryMentions(text).map((h) => h.code);
    expect(codes).toEqual(["US", "US", "US", "FR", "JP", "RU", "KP"]);
  });

  it("does not count NATO, the EU or Europe, nor the pronoun us", () => {
    expect(findCountryMentions("NATO and the EU met in Europe; they told us nothing.")).toEqual([]);
    expect(countryCodeOf("Europe")).toBeNull();
  });

  it("does not read a common word or a person's name as a country's spelling in another language", () => {
    expect(findCountryMentions("Ferries to Harrow Island sail again; Dominique Mann of the port authority said so.")).toEqual([]);
    expect(findCountryMentions("Iceland and the Isle of Man signed it.").map((h) => h.code)).toEqual(["IS", "IM"]);
  });

  it("skips a capital that is part of a name", () => {
    expect(findCountryMentions("The Washington Post reported it.").map((h) => h.code)).toEqual([]);
  });
});

describe("speakers", () => {
  it("reads country, role and name from a title group", () => {
    const text = "Japan’s Chief Cabinet Secretary Yoshiro Tanaka";
    expect(parseGroup(text, 0, text.length)).toMatchObject({
      name: "Yoshiro Tanaka",
      role: "Chief Cabinet Secretary",
      country: "JP",
      kind: "person",
    });
    const us = "US President Jane Doe";
    expect(parseGroup(us, 0, us.length)).toMatchObject({ name: "Jane Doe", role: "President", country: "US" });
    const fr = "French Foreign Minister Paul Durand";
    expect(parseGroup(fr, 0, fr.length)).toMatchObject({ name: "Paul Durand", role: "Foreign Minister", country: "FR" });
  });

  it("reads a bare title and an organization", () => {
    const t = "The President";
    expect(parseGroup(t, 0, t.length)).toMatchObject({ name: null, role: "President" });
    const o = "Foreign Ministry";
    expect(parseGroup(o, 0, o.length)).toMatchObject({ kind: "organization" });
  });

  it("merges surname and pronoun mentions into one canonical speaker", () => {
    const text =
      "Germany's Chancellor Anna Weber said that the plan was fair.\nWeber added that talks would continue. “We will not give up,” she said.";
    const sts = statements(run(text));
    expect(sts.map((s) => s.speaker)).toEqual(["Anna Weber", "Anna Weber", "Anna Weber"]);
    const sp = run(text).documents[0]?.speakers[0];
    expect(sp).toMatchObject({ name: "Anna Weber", role: "Chancellor", country: "DE" });
  });

  it("takes role and country from an appositive", () => {
    const text = "Marta Ruiz, Spain’s foreign minister, said that the border would stay open.";
    const sp = run(text).documents[0]?.speakers[0];
    expect(sp).toMatchObject({ name: "Marta Ruiz", role: "Foreign Minister", country: "ES" });
  });
});

describe("statements", () => {
  it("attributes a quote from after it, by name or inverted", () => {
    const sts = statements(run(`“The deal is dead,” said Senator Tom Hale.\n“We move on,” Hale said.`));
    expect(sts.map((s) => [s.speaker, s.mode, s.cue?.text])).toEqual([
      ["Tom Hale", "direct", "said"],
      ["Tom Hale", "direct", "said"],
    ]);
  });

  it("attributes a quote from before it", () => {
    const sts = statements(run(`Prime Minister Lena Holm told reporters: “The talks are over.”`));
    expect(sts[0]).toMatchObject({ speaker: "Lena Holm", mode: "direct", text: "The talks are over." });
    expect(sts[0]?.cue?.text).toBe("told");
  });

  it("attributes both halves of an interrupted quote", () => {
    const sts = statements(run(`Governor Ray Cole spoke first. “We are ready,” he said, “and we will act today.”`));
    expect(sts.map((s) => [s.speaker, s.text])).toEqual([
      ["Ray Cole", "We are ready"],
      ["Ray Cole", "and we will act today."],
    ]);
  });

  it("resolves a pronoun to the last named person", () => {
    const text = `Mayor Ada Stone visited the port on Monday.\n“The harbor will reopen,” she said.`;
    const st = statements(run(text))[0];
    expect(st?.speaker).toBe("Ada Stone");
    expect(st?.source && text.slice(st.source.start, st.source.end)).toBe("she");
  });

  it("carries the speaker to a following quote with no attribution", () => {
    const sts = statements(run(`“First point,” Minister Omar Said Khan said. “Second point, made at length.”`));
    expect(sts.map((s) => s.speaker)).toEqual(["Omar Said Khan", "Omar Said Khan"]);
    expect(sts[1]?.source).toBeNull();
  });

  it("leaves a quote with nobody to attribute it to without speaker", () => {
    const sts = statements(run(`“Nobody expected the storm to hit so hard this late in the year.”`));
    expect(sts).toHaveLength(1);
    expect(sts[0]?.speakerId).toBeNull();
  });

  it("reads reported speech after said-that, with adverbials in between", () => {
    const text = "Ambassador Chen Wei said on Friday in Geneva that the sanctions had failed.";
    const st = statements(run(text))[0];
    expect(st).toMatchObject({ speaker: "Chen Wei", mode: "indirect", text: "the sanctions had failed" });
  });

  it("splits two reported statements and a participle in one sentence", () => {
    const text =
      "Finance Minister Ida Berg reiterated the need for restraint, stressing that prices were still rising, and said that rates would stay high.";
    const sts = statements(run(text));
    expect(sts.map((s) => [s.cue?.text, s.text])).toEqual([
      ["reiterated", "the need for restraint"],
      ["stressing", "prices were still rising"],
      ["said", "rates would stay high"],
    ]);
    expect(new Set(sts.map((s) => s.speaker))).toEqual(new Set(["Ida Berg"]));
  });

  it("keeps two speakers in one sentence apart", () => {
    const text = "Senator Lou Park said that the bill was dead, while Representative Kim Dale insisted that it could pass.";
    const sts = statements(run(text));
    expect(sts.map((s) => [s.speaker, s.text])).toEqual([
      ["Lou Park", "the bill was dead"],
      ["Kim Dale", "it could pass"],
    ]);
  });

  it("marks reported speech with a quoted fragment as mixed", () => {
    const text = "President Rosa Lind criticized the treaty, calling it “a relic”.";
    const st = statements(run(text))[0];
    expect(st).toMatchObject({ speaker: "Rosa Lind", mode: "mixed", text: "calling it “a relic”" });
  });

  it("ignores scare quotes and headline-only lines", () => {
    // The scare quote is no direct statement; the sentence is the unnamed economists' reported claim.
    const scare = statements(run(`The so-called “peace dividend” never arrived, economists note.`));
    expect(scare.map((s) => [s.mode, s.text, s.speaker])).toEqual([["mixed", "The so-called “peace dividend” never arrived", "economists"]]);
    const r = run("Leaders Clash Over Trade Deal As Deadline Looms\n");
    expect(statements(r)).toEqual([]);
    expect(r.documents[0]?.title).toBe("Leaders Clash Over Trade Deal As Deadline Looms");
  });

  it("finds nothing in a paste without quotes or reporting verbs", () => {
    const r = run("The river rose overnight. Roads were closed in three towns, and schools stayed shut.");
    expect(statements(r)).toEqual([]);
    expect(r.documents).toHaveLength(1);
  });

  it("reads guillemets and single-quoted quotes as direct speech", () => {
    const sts = statements(run(`« Nous resterons », a déclaré Minister Luc Martin.\n'We stay,' Martin said.`));
    expect(sts.some((s) => s.text === "We stay" && s.speaker === "Luc Martin")).toBe(true);
    expect(sts.some((s) => s.text.startsWith("Nous resterons"))).toBe(true);
  });

  it("keeps a multi-paragraph quote as one statement", () => {
    const text = "“We tried everything we could to keep the plant open.\n“In the end the money ran out,” the plant’s owner Bo Lund said.";
    const sts = statements(run(text));
    expect(sts).toHaveLength(1);
    expect(sts[0]?.text).toContain("In the end the money ran out");
    expect(sts[0]?.speaker).toBe("Bo Lund");
  });
});

describe("segments and pairs", () => {
  it("reads a headline with its outlet and a forum signature", () => {
    const text =
      "Officials said that the dam was safe.\nDam Safety Questioned After Heavy Rains | Harbor Wire\n\nThey are lying, the cracks are obvious.\nLast edited by river_watch - 2 hours ago";
    const segs = segmentDocuments(text);
    expect(segs.map((s) => [s.kind, s.title, s.outlet, s.author])).toEqual([
      ["article", "Dam Safety Questioned After Heavy Rains", "Harbor Wire", null],
      ["comment", null, null, "river_watch"],
    ]);
  });

  it("keeps a numbered list article whole, its item headings out of the statements", () => {
    const text = [
      "Nine Things Mayors Said This Year That Stuck With Us",
      "Mayors had plenty to say this year, and here are the lines we kept thinking about.",
      "1",
      "Ann Holt On Why The Bridge Has To Stay “Open.”",
      "The mayor said the bridge would stay open through the winter.",
      "2",
      "Tom Reyes Pushed Back On The Harbor Plan",
      "(Subscribe to the Harbor Wire newsletter for more stories like this.)",
      "Reyes said the harbor plan would cost the town its beaches.",
      "3. COUNCIL VOTES DOWN THE NEW PARKING FEES",
      "The fees would have doubled by spring.",
    ].join("\n\n");
    const segs = segmentDocuments(text);
    expect(segs.map((s) => [s.kind, s.title])).toEqual([["article", "Nine Things Mayors Said This Year That Stuck With Us"]]);
    expect(statements(run(text)).map((s) => s.text)).toEqual([
      "the bridge would stay open through the winter",
      "the harbor plan would cost the town its beaches",
    ]);
  });

  it("reads a page's text as one article: a mid-article subhead starts no second document and no comment", () => {
    const text = [
      "Mayor Ann Holt said on Monday that the harbor bridge would stay open through the winter.",
      "Harbor pilots have warned for months that the bridge is too low for the new ferries.",
      "Analysis: Tom Reyes, Harbor Wire, Portland",
      "The council member Lisa Park said the mayor was “ignoring the pilots for a ribbon cutting.”",
      "Credit Jane Moss for Harbor Wire",
      "Holt rejected the charge, saying the pilots had been consulted twice.",
    ].join("\n\n");
    // Read as a paste, each headline-like line closes a quoted piece and the rest becomes a reader's comment.
    expect(segmentDocuments(text).map((s) => s.kind)).toEqual(["article", "article", "comment"]);
    const article = segmentDocuments(text, { oneArticle: true });
    expect(article.map((s) => s.kind)).toEqual(["article"]);
    expect(article[0]?.paragraphs).toHaveLength(4);
    const extraction = extract(text, { oneArticle: true, outlet: "Harbor Wire" });
    expect(extraction.documents).toHaveLength(1);
    const said = extraction.documents[0]?.statements.map((s) => s.text) ?? [];
    expect(said).toEqual(expect.arrayContaining(["the harbor bridge would stay open through the winter", "the pilots had been consulted twice"]));
    expect(said.some((s) => s.includes("Analysis") || s.includes("Credit"))).toBe(false);
  });

  it("drops cookie banners and share lines", () => {
    const text = "We use cookies. By continuing you agree to our Privacy Policy.\nShare\nFacebook Twitter Email\nMayor Ann Holt said that the bridge would reopen.";
    const r = run(text);
    expect(statements(r).map((s) => s.text)).toEqual(["the bridge would reopen"]);
  });

  it("links a rebuttal to the claim by cue and relation", () => {
    const text =
      "“Their fishing fleets keep entering our waters,” Norway’s Prime Minister Eva Dahl said.\nIn response, Iceland’s Foreign Minister Jon Gunnarsson rejected the claim, saying that the fleets never left international waters.";
    const r = run(text);
    const sts = statements(r);
    const pair = r.documents[0]?.pairs[0];
    expect(pair?.claimId).toBe(sts[0]?.id);
    expect(pair?.responseId).toBe(sts[1]?.id);
    expect(pair?.relation).toBe("rebuts");
    expect(pair?.confidence).toBeGreaterThan(0);
  });

  it("marks support and a neutral response", () => {
    const text =
      "Chancellor Max Vogel said that the budget rules were too strict.\nFinance Minister Ulla Brandt agreed that the rules needed reform.";
    const r = run(text);
    expect(r.documents[0]?.pairs[0]?.relation).toBe("supports");
  });
});
