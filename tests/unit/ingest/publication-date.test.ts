import { describe, expect, it } from "vitest";
import { checkPlausibleDate, choosePublicationDate, dateInDateline, dateInUrl, parsePublicationDate } from "@/lib/ingest/publication-date";

const NOW = new Date("2026-12-01T06:00:00Z");
const iso = (raw: string) => parsePublicationDate(raw, "date", NOW).date?.toISOString() ?? null;
const problem = (raw: string) => parsePublicationDate(raw, "JSON-LD datePublished", NOW).problem;

describe("parsePublicationDate", () => {
  it("reads the formats pages and feeds write, offsets applied", () => {
    expect(iso("2019-05-14")).toBe("2019-05-14T00:00:00.000Z");
    expect(iso("2019-05-14T10:30:00Z")).toBe("2019-05-14T10:30:00.000Z");
    expect(iso("2019-05-14T10:30:00.123-04:00")).toBe("2019-05-14T14:30:00.000Z");
    expect(iso("2019-05-14T10:30:00+0530")).toBe("2019-05-14T05:00:00.000Z");
    expect(iso("2019-05-14 10:30")).toBe("2019-05-14T10:30:00.000Z");
    expect(iso("Tue, 14 May 2019 10:00:00 GMT")).toBe("2019-05-14T10:00:00.000Z");
    expect(iso("Tue, 14 May 2019 10:00:00 EDT")).toBe("2019-05-14T14:00:00.000Z");
    expect(iso("14 May 19 10:00 +0100")).toBe("2019-05-14T09:00:00.000Z");
    expect(iso("May 14, 2019")).toBe("2019-05-14T00:00:00.000Z");
    expect(iso("Tuesday, Sept. 3, 2019 2:15 PM EST")).toBe("2019-09-03T19:15:00.000Z");
    expect(iso("3rd of nothing")).toBeNull();
  });

  it("drops year 0000, dates before 1900 and impossible days, saying why", () => {
    expect(problem("0000-12-18")).toBe('JSON-LD datePublished "0000-12-18" is before 1900');
    expect(problem("0000-12-18T00:00:00")).toBe('JSON-LD datePublished "0000-12-18T00:00:00" is before 1900');
    expect(problem("1899-12-31T23:59:59Z")).toMatch(/before 1900$/);
    expect(problem("2019-02-29")).toMatch(/is not a valid date$/);
    expect(problem("2019-13-01")).toMatch(/is not a valid date$/);
    expect(problem("2019-05-14T25:00:00Z")).toMatch(/is not a valid date$/);
    expect(iso("2020-02-29")).toBe("2020-02-29T00:00:00.000Z");
  });

  it("drops what Date.parse would guess at", () => {
    for (const raw of ["2", "Page 1 of 3", "yesterday", "1557835200", "14/05/2019", "2019"]) {
      expect(problem(raw), raw).toMatch(/is not a date$/);
    }
  });

  it("allows a day of clock skew into the future, not more", () => {
    expect(iso("2026-12-02T05:00:00Z")).toBe("2026-12-02T05:00:00.000Z");
    expect(problem("2026-12-02T07:00:00Z")).toMatch(/more than a day in the future$/);
    expect(problem("2031-01-01")).toMatch(/more than a day in the future$/);
  });

  it("checks a Date in hand with the same bounds", () => {
    expect(checkPlausibleDate(new Date("invalid"), "--published-at", NOW).problem).toBe("--published-at is not a valid date");
    expect(checkPlausibleDate(new Date("0000-12-18T00:00:00Z"), "x", NOW).problem).toBe('x "0000-12-18T00:00:00.000Z" is before 1900');
    expect(checkPlausibleDate(new Date("2019-05-14T10:00:00Z"), "x", NOW).date?.toISOString()).toBe("2019-05-14T10:00:00.000Z");
  });
});

describe("choosePublicationDate", () => {
  it("takes the first plausible source and lists the ones dropped before it", () => {
    const choice = choosePublicationDate(
      [
        { source: "JSON-LD datePublished", raw: "0000-12-18" },
        { source: "meta article:published_time", raw: null },
        { source: "the URL", raw: "2019-12-18" },
        { source: "<time>", raw: "2019-12-17" },
      ],
      NOW,
    );
    expect(choice).toEqual({
      date: new Date("2019-12-18T00:00:00Z"),
      source: "the URL",
      problems: ['JSON-LD datePublished "0000-12-18" is before 1900'],
    });
  });

  it("gives no date, not today, when nothing plausible is stated", () => {
    expect(choosePublicationDate([{ source: "<time>", raw: "2099-01-01" }], NOW)).toEqual({
      date: null,
      source: null,
      problems: ['<time> "2099-01-01" is more than a day in the future'],
    });
    expect(choosePublicationDate([], NOW)).toEqual({ date: null, source: null, problems: [] });
  });
});

describe("dateInUrl", () => {
  it("reads a day from the path, not a month or a number", () => {
    expect(dateInUrl("https://www.nytimes.com/2019/05/14/us/politics/story.html")).toBe("2019-05-14");
    expect(dateInUrl("https://example.org/news/2019-5-4-headline")).toBe("2019-05-04");
    expect(dateInUrl("https://example.org/20190514/headline")).toBe("2019-05-14");
    expect(dateInUrl("https://example.org/2019/05/headline")).toBeNull();
    expect(dateInUrl("https://example.org/story/1234567890")).toBeNull();
    expect(dateInUrl("not a url")).toBeNull();
  });
});

describe("dateInDateline", () => {
  it("finds the date of a wire dateline or a 'Published' line at the top", () => {
    expect(dateInDateline("WASHINGTON, May 14, 2019 (Reuters) — The president said…")).toBe("May 14, 2019");
    expect(dateInDateline("LONDON, England, 14 May 2019 - Ministers said…")).toBe("14 May 2019");
    expect(dateInDateline("Headline\n\nPublished May 14, 2019 at 10:30 AM EDT\n\nText.")).toBe("May 14, 2019 at 10:30 AM EDT");
    expect(iso(dateInDateline("Published May 14, 2019 at 10:30 AM EDT")!)).toBe("2019-05-14T14:30:00.000Z");
  });

  it("leaves dates inside the story alone", () => {
    expect(dateInDateline("WASHINGTON (AP) — The treaty of May 14, 2019 was signed.")).toBeNull();
    expect(dateInDateline("One.\nTwo.\nThree.\nPublished May 14, 2019")).toBeNull();
  });
});
