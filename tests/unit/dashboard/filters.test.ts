import { describe, expect, it } from "vitest";
import { encodeCursor, filtersToParams, parseTimelineFilters, toQueryString, ZCursor } from "@/lib/filters";

describe("parseTimelineFilters", () => {
  it("reads every filter from the query string and normalises case", () => {
    const { filters, problems } = parseTimelineFilters(
      new URLSearchParams("country=jp&speaker=Donald-Trump&outlet=ap-news&relation=rebuts&from=2025-03-01&to=2025-03-31&q=%20treaty%20"),
    );
    expect(problems).toEqual([]);
    expect(filters).toEqual({
      country: "JP",
      speaker: "donald-trump",
      outlet: "ap-news",
      relation: "rebuts",
      from: "2025-03-01",
      to: "2025-03-31",
      q: "treaty",
    });
  });

  it("treats empty form fields as absent", () => {
    expect(parseTimelineFilters({ country: "", speaker: "  ", q: "" })).toEqual({ filters: {}, problems: [] });
  });

  it("reports each bad value with a readable message and keeps the good ones", () => {
    const { filters, problems } = parseTimelineFilters({ country: "ZZ", relation: "agrees", from: "2025-02-30", speaker: "donald-trump" });
    expect(filters).toEqual({ speaker: "donald-trump" });
    expect(problems.map((p) => p.key).sort()).toEqual(["country", "from", "relation"]);
    expect(problems.find((p) => p.key === "country")?.message).toMatch(/not a known country code/);
    expect(problems.find((p) => p.key === "relation")?.message).toMatch(/rebuts, supports or responds/);
    expect(problems.find((p) => p.key === "from")?.message).toMatch(/not a real calendar date/);
  });

  it("rejects a country that is not two letters and a speaker that is not a slug", () => {
    const { problems } = parseTimelineFilters({ country: "Japan", speaker: "<script>" });
    expect(problems.map((p) => p.key).sort()).toEqual(["country", "speaker"]);
  });

  it("rejects a start date after the end date", () => {
    const { filters, problems } = parseTimelineFilters({ from: "2025-04-01", to: "2025-03-01" });
    expect(problems).toEqual([expect.objectContaining({ key: "from" })]);
    expect(filters.from).toBeUndefined();
    expect(filters.to).toBe("2025-03-01");
  });

  it("takes the first value of a repeated parameter", () => {
    expect(parseTimelineFilters({ country: ["JP", "US"] }).filters.country).toBe("JP");
  });
});

describe("cursor", () => {
  it("round-trips through its URL form", () => {
    const cursor = { at: new Date("2025-03-07T14:30:00.000Z"), id: 42 };
    expect(ZCursor.parse(encodeCursor(cursor))).toEqual(cursor);
  });

  it("turns a forged page marker into a problem, not an exception", () => {
    const forged = Buffer.from("'; DROP TABLE x;--", "utf8").toString("base64url");
    const { problems, filters } = parseTimelineFilters({ cursor: forged });
    expect(problems).toEqual([expect.objectContaining({ key: "cursor" })]);
    expect(filters.cursor).toBeUndefined();
  });
});

describe("toQueryString", () => {
  it("writes filters in a stable order and leaves out empty ones", () => {
    expect(toQueryString({ speaker: "donald-trump", country: "JP", q: undefined })).toBe("?country=JP&speaker=donald-trump");
    expect(toQueryString({})).toBe("");
  });

  it("drops the page marker when turning filters back into link parameters", () => {
    const { filters } = parseTimelineFilters({ country: "JP", cursor: encodeCursor({ at: new Date(0), id: 1 }) });
    expect(filtersToParams(filters)).toEqual({ country: "JP" });
  });
});

describe("the review filter", () => {
  it("keeps ?review=reviewed in the parsed filters and the links written back", () => {
    const { filters, problems } = parseTimelineFilters({ review: "reviewed", country: "JP" });
    expect(problems).toEqual([]);
    expect(filters.review).toBe("reviewed");
    expect(toQueryString(filtersToParams(filters))).toBe("?country=JP&review=reviewed");
  });

  it("reports any other value and still applies the other filters", () => {
    const { filters, problems } = parseTimelineFilters({ review: "machine", country: "JP" });
    expect(problems).toEqual([{ key: "review", value: "machine", message: "must be reviewed" }]);
    expect(filters).toEqual({ country: "JP" });
  });
});
