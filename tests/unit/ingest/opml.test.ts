import { describe, expect, it } from "vitest";
import { buildOpml } from "@/lib/ingest/build-opml";
import { OpmlParseError, parseOpml } from "@/lib/ingest/parse-opml";

const EXPORTED = `<?xml version="1.0" encoding="UTF-8"?>
<opml version="1.0">
  <head><title>My subscriptions</title></head>
  <body>
    <outline text="Harbour Ledger" type="rss" xmlUrl="https://harbourledger.example/world/rss" htmlUrl="https://harbourledger.example/world/"/>
    <outline text="Europe" title="Europe">
      <outline text="Valley Observer" type="rss" xmlUrl="https://valleyobserver.example/rss.rdf"/>
      <outline text="East">
        <outline title="Eastgate Bulletin" text="EB" type="rss" xmlUrl="https://eastgate.example/atom.xml"/>
      </outline>
    </outline>
    <outline text="Bad" type="rss" xmlUrl="javascript:alert(1)"/>
    <outline text="Duplicate" type="rss" xmlUrl="https://harbourledger.example/world/rss"/>
  </body>
</opml>`;

describe("parseOpml", () => {
  it("reads feeds with their folder path, skipping unsafe and duplicate URLs", () => {
    const opml = parseOpml(EXPORTED);
    expect(opml.title).toBe("My subscriptions");
    expect(opml.feeds).toEqual([
      { xmlUrl: "https://harbourledger.example/world/rss", htmlUrl: "https://harbourledger.example/world/", title: "Harbour Ledger", category: null },
      { xmlUrl: "https://valleyobserver.example/rss.rdf", htmlUrl: null, title: "Valley Observer", category: "Europe" },
      { xmlUrl: "https://eastgate.example/atom.xml", htmlUrl: null, title: "Eastgate Bulletin", category: "Europe / East" },
    ]);
    expect(opml.warnings).toHaveLength(1);
  });

  it("refuses DOCTYPE and ENTITY declarations", () => {
    const hostile = `<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline text="&x;" xmlUrl="https://a.example/"/></body></opml>`;
    expect(() => parseOpml(hostile)).toThrow(OpmlParseError);
    expect(() => parseOpml(hostile)).toThrow(/DOCTYPE/);
  });

  it("refuses a DOCTYPE hidden behind a processing instruction containing \"<!--\"", () => {
    const hostile = `<?xml version="1.0"?><?editor <!-- ?><!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]><opml><body><outline text="&x;" xmlUrl="https://a.example/"/></body></opml>`;
    expect(() => parseOpml(hostile)).toThrow(/DOCTYPE/);
  });

  it("refuses documents that are not OPML", () => {
    expect(() => parseOpml("<rss><channel/></rss>")).toThrow(/Not an OPML/);
  });
});

describe("buildOpml", () => {
  it("round-trips through parseOpml, escaping special characters", () => {
    const feeds = [
      { xmlUrl: "https://a.example/feed?x=1&y=2", htmlUrl: "https://a.example/", title: 'Trade & "Transport"', category: null },
      { xmlUrl: "https://b.example/rss", htmlUrl: null, title: "B <news>", category: "World" },
      { xmlUrl: "https://c.example/atom", htmlUrl: null, title: null, category: "World" },
    ];
    const xml = buildOpml(feeds, { title: "Counterpoint & co", createdAt: new Date("2026-03-01T00:00:00Z") });
    expect(xml).toContain("<dateCreated>Sun, 01 Mar 2026 00:00:00 GMT</dateCreated>");
    const parsed = parseOpml(xml);
    expect(parsed.title).toBe("Counterpoint & co");
    expect(parsed.feeds).toEqual([feeds[0], feeds[1], { ...feeds[2], title: "https://c.example/atom" }]);
  });
});
