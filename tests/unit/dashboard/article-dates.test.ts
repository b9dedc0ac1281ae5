import { describe, expect, it, vi } from "vitest";
import { describeUndated, publicationSpan } from "@/lib/article-dates";
import type { TArticleCard } from "@/lib/queries/article-cards";
import type { TTimelineStory } from "@/lib/queries/timeline";

vi.mock("server-only", () => ({}));
const { groupByDay } = await import("@/components/timeline/timeline-results");

const day = (iso: string) => new Date(iso);

describe("describeUndated", () => {
  it("says the date is unknown and gives the day it was added, not a publication time", () => {
    expect(describeUndated(day("2026-12-01T23:30:00Z"))).toBe("date unknown · added 1 Dec 2026");
  });
});

describe("publicationSpan", () => {
  it("spans the stated dates only and counts the undated articles", () => {
    const articles = [{ publishedAt: day("2019-05-14T10:00:00Z") }, { publishedAt: null }, { publishedAt: day("2019-05-12T08:00:00Z") }];
    expect(publicationSpan(articles)).toEqual({ first: day("2019-05-12T08:00:00Z"), last: day("2019-05-14T10:00:00Z"), undated: 1 });
    expect(publicationSpan([{ publishedAt: null }])).toEqual({ first: null, last: null, undated: 1 });
  });
});

function story(id: number, latestAt: string, publishedAt: string | null): TTimelineStory {
  const card = { id, publishedAt: publishedAt ? day(publishedAt) : null, ingestedAt: day(latestAt), sortAt: day(latestAt) } as TArticleCard;
  return { id, slug: `s${id}`, title: `Story ${id}`, latestAt: day(latestAt), articleCount: 1, articles: [card] };
}

describe("groupByDay", () => {
  it("puts a story placed by an undated article under 'Date unknown · added <day>', apart from that day's dated stories", () => {
    const groups = groupByDay([
      story(1, "2026-12-01T09:00:00Z", null),
      story(2, "2026-12-01T08:00:00Z", "2026-12-01T08:00:00Z"),
      story(3, "2019-05-14T10:00:00Z", "2019-05-14T10:00:00Z"),
    ]);
    expect(groups.map((g) => [g.undated, g.label, g.stories.map((s) => s.id)])).toEqual([
      [true, "Tuesday, 1 December 2026", [1]],
      [false, "Tuesday, 1 December 2026", [2]],
      [false, "Tuesday, 14 May 2019", [3]],
    ]);
    expect(new Set(groups.map((g) => g.key)).size).toBe(3);
  });
});
