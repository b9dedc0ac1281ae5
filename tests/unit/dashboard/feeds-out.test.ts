import { describe, expect, it, vi } from "vitest";

vi.mock("server-only", () => ({}));
const { escapeXml, renderFeed, summarizeCard } = await import("@/lib/feeds-out");
import type { TArticleCard } from "@/lib/queries/article-cards";

const speaker = (name: string) => ({ slug: name.toLowerCase().replace(/ /g, "-"), name, role: null, country: null, kind: "person" as const });
const card: TArticleCard = {
  id: 1,
  slug: "a-title",
  title: "Tom & Jerry <script>alert(1)</script>",
  kind: "article",
  author: null,
  sortAt: new Date("2025-03-07T09:00:00Z"),
  publishedAt: new Date("2025-03-07T09:00:00Z"),
  ingestedAt: new Date("2026-12-01T06:00:00Z"),
  review: { state: "machine", at: null },
  outlet: { slug: "ex", name: "Example" },
  statementCount: 2,
  keyClaims: [],
  pairs: [
    {
      claim: { id: 1, text: "they don’t have to protect us", mode: "direct", cue: "said", speaker: speaker("Donald Trump"), article: { slug: "a-title", title: "t" }, seenIn: 2 },
      responses: [
        {
          pairId: 1,
          relation: "rebuts",
          statement: { id: 2, text: "Japan bears the burden", mode: "indirect", cue: null, speaker: speaker("Shigeru Ishiba"), article: { slug: "a-title", title: "t" }, seenIn: 1 },
        },
      ],
    },
  ],
};

describe("feeds", () => {
  it("escapes markup and strips characters XML forbids", () => {
    expect(escapeXml(`<a href="x">&'\u0001`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&apos;");
  });

  it("summarises a card as claim then each response with its relation", () => {
    expect(summarizeCard(card)).toBe("Donald Trump: “they don’t have to protect us”\n  rebuts: Shigeru Ishiba: Japan bears the burden");
  });

  it("renders RSS with no raw markup from the article", () => {
    const xml = renderFeed("rss", { origin: "https://cp.example", filters: { speaker: "donald-trump", country: "JP" }, cards: [card] });
    expect(xml).toContain("<title>Tom &amp; Jerry &lt;script&gt;alert(1)&lt;/script&gt;</title>");
    expect(xml).not.toContain("<script>");
    expect(xml).toContain("https://cp.example/feed.xml?country=JP&amp;speaker=donald-trump");
    expect(xml).toContain("<link>https://cp.example/articles/a-title</link>");
  });

  it("renders a JSON Feed 1.1 document", () => {
    const feed = JSON.parse(renderFeed("json", { origin: "https://cp.example", filters: {}, cards: [card] })) as {
      version: string;
      items: { url: string; content_text: string }[];
    };
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.items[0]?.url).toBe("https://cp.example/articles/a-title");
    expect(feed.items[0]?.content_text).toContain("rebuts: Shigeru Ishiba");
  });

  describe("an article whose source stated no date", () => {
    const undated: TArticleCard = { ...card, publishedAt: null, sortAt: new Date("2026-12-01T06:00:00Z") };
    const render = (format: "rss" | "atom" | "json") => renderFeed(format, { origin: "https://cp.example", filters: {}, cards: [undated, card] });

    it("RSS gives it no pubDate and says 'date unknown · added …'", () => {
      const [first, second] = render("rss").split("</item>");
      expect(first).not.toContain("<pubDate>");
      expect(first).toContain("<description>date unknown · added 1 Dec 2026\nDonald Trump:");
      expect(second).toContain("<pubDate>Fri, 07 Mar 2025 09:00:00 GMT</pubDate>");
    });

    it("Atom gives it no <published>, only when it was added as <updated>", () => {
      const [first, second] = render("atom").split("</entry>");
      expect(first).not.toContain("<published>");
      expect(first).toContain("<updated>2026-12-01T06:00:00.000Z</updated>");
      expect(first).toContain('<summary type="text">date unknown · added 1 Dec 2026');
      expect(second).toContain("<published>2025-03-07T09:00:00.000Z</published>");
    });

    it("JSON Feed gives it no date_published", () => {
      const feed = JSON.parse(render("json")) as { items: { date_published?: string; content_text: string }[] };
      expect(feed.items[0]?.date_published).toBeUndefined();
      expect(feed.items[0]?.content_text.split("\n")[0]).toBe("date unknown · added 1 Dec 2026");
      expect(feed.items[1]?.date_published).toBe("2025-03-07T09:00:00.000Z");
    });
  });
});
