import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodeText } from "@/lib/ingest/decode-text";
import { FeedParseError, parseFeed } from "@/lib/ingest/parse-feed";

function fixture(name: string): string {
  const bytes = readFileSync(new URL(`../../fixtures/feeds/${name}`, import.meta.url));
  return decodeText(new Uint8Array(bytes)).text;
}

async function expectFeedError(text: string, code: FeedParseError["code"]) {
  const error: unknown = await parseFeed(text).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FeedParseError);
  expect((error as FeedParseError).code).toBe(code);
  return error as FeedParseError;
}

describe("parseFeed: formats", () => {
  it("reads RSS 2.0 with content:encoded, dc:creator and RSS author", async () => {
    const feed = await parseFeed(fixture("rss2-content-encoded.xml"));
    expect(feed.format).toBe("rss2");
    expect(feed.title).toBe("The Harbour Ledger — World");
    expect(feed.siteUrl).toBe("https://harbourledger.example/world/");
    expect(feed.items).toHaveLength(2);
    const [first, second] = feed.items;
    expect(first?.guid).toBe("hl-2026-0316-001");
    expect(first?.author).toBe("Mara Ellison");
    expect(first?.publishedAt?.toISOString()).toBe("2026-03-16T08:15:00.000Z");
    expect(first?.contentHtml).toContain("<strong>joint fisheries patrols</strong>");
    // Relative links inside content resolve against the item's URL.
    expect(first?.contentHtml).toContain('href="https://harbourledger.example/world/explainer-fisheries"');
    expect(first?.summary).toBe("Five coastal states signed a patrol pact on Monday.");
    expect(second?.author).toBe("Tomas Rieck");
    expect(second?.contentHtml).toBe("<p>Negotiators returned to the table in Vessa on Sunday.</p>");
    expect(feed.warnings).toEqual([]);
  });

  it("keeps RSS 1.0 (RDF) dc:date and dc:creator", async () => {
    const feed = await parseFeed(fixture("rss1-rdf.xml"));
    expect(feed.format).toBe("rss1");
    expect(feed.title).toBe("Valley Observer");
    expect(feed.items.map((i) => [i.author, i.publishedAt?.toISOString()])).toEqual([
      ["Ilse Marwood", "2026-02-11T22:05:00.000Z"],
      ["Pavel Ostrander", "2026-02-09T10:00:00.000Z"],
    ]);
    expect(feed.items[0]?.guid).toBe("https://valleyobserver.example/2026/02/council-budget");
  });

  it("flattens Atom XHTML titles to trimmed text and keeps XHTML content in order", async () => {
    const feed = await parseFeed(fixture("atom-xhtml.xml"));
    expect(feed.format).toBe("atom");
    expect(feed.title).toBe("The Meridian Wire");
    const [first, second] = feed.items;
    expect(first?.title).toBe("Ministers reject tariff plan");
    expect(first?.author).toBe("Noor Halvorsen");
    expect(first?.publishedAt?.toISOString()).toBe("2026-04-02T11:20:00.000Z");
    expect(first?.contentHtml).toContain("<p>The cabinet <em>turned down</em> the tariff proposal on Thursday.</p>");
    expect(first?.summary).toBe("The cabinet turned down the proposal by a wide margin.");
    // type="html" titles lose their markup; relative links resolve against the site.
    expect(second?.title).toBe("Port strike enters third day");
    expect(second?.url).toBe("https://meridianwire.example/2026/04/01/port-strike");
    expect(second?.publishedAt?.toISOString()).toBe("2026-04-01T08:00:00.000Z");
  });

  it("reads JSON Feed, sanitizes its HTML and reports invalid items without dropping the rest", async () => {
    const feed = await parseFeed(fixture("json-feed.json"));
    expect(feed.format).toBe("json");
    expect(feed.title).toBe("Northline Dispatch");
    expect(feed.items.map((i) => i.guid)).toEqual(["nd-5521", "5522"]);
    const [first, second] = feed.items;
    expect(first?.author).toBe("Dana Korvel");
    expect(first?.publishedAt?.toISOString()).toBe("2026-05-12T04:30:00.000Z");
    expect(first?.contentHtml).toBe("<p>The first team of monitors reached Kelmar on Tuesday.</p>");
    expect(second?.author).toBe("Northline Staff");
    expect(second?.contentHtml).toBe("<p>Trains ran again between the two capitals &lt;for the first time&gt; in a year.</p>");
    // nd-5523 has only a javascript: URL (no title, no content); the last item has no id.
    expect(feed.rejected.map((r) => r.index).sort()).toEqual([2, 3]);
    expect(feed.warnings.join("\n")).toMatch(/non-http\(s\) link/);
  });

  it("reads a versionless <rss> as RSS 2.0", async () => {
    const feed = await parseFeed(fixture("versionless-rss.xml"));
    expect(feed.format).toBe("rss2");
    expect(feed.items[0]?.title).toBe("Ferry timetable changes from Monday");
    expect(feed.items[0]?.publishedAt?.toISOString()).toBe("2026-03-06T19:00:00.000Z");
    expect(feed.warnings).toContain("<rss> has no version; read as RSS 2.0");
  });

  it("reads RSS 0.91", async () => {
    const feed = await parseFeed(
      '<rss version="0.91"><channel><title>Old</title><link>http://old.example/</link><item><title>A</title><link>http://old.example/a</link></item></channel></rss>',
    );
    expect(feed.format).toBe("rss09");
    expect(feed.items[0]?.url).toBe("http://old.example/a");
  });
});

describe("parseFeed: charsets (bytes decoded first)", () => {
  it("windows-1251", async () => {
    const feed = await parseFeed(fixture("windows-1251.xml"));
    expect(feed.title).toBe("Вестник Заречья");
    expect(feed.items[0]?.title).toBe("Депутаты обсудили новый мост через реку");
    expect(feed.items[0]?.summary).toContain("Ёлки на площади");
  });

  it("ISO-8859-1", async () => {
    const feed = await parseFeed(fixture("latin-1.xml"));
    expect(feed.title).toBe("Le Réveil Côtier");
    expect(feed.items[0]?.title).toBe("Pêcheurs et élus signent l'accord à Saint-Aubin");
    expect(feed.items[0]?.summary).toBe("Un accord « historique », selon le maire. Größe: ½ des quotas.");
  });

  it("UTF-8 with a BOM and UTF-16LE with a BOM", async () => {
    for (const name of ["bom-utf8.xml", "utf-16le-bom.xml"]) {
      const feed = await parseFeed(fixture(name));
      expect(feed.title).toBe("Morning Brief — ünïcode");
      expect(feed.items[0]?.url).toBe("https://morningbrief.example/markets");
    }
  });

  it("a BOM left in the text does not break parsing", async () => {
    const feed = await parseFeed(`\uFEFF${fixture("versionless-rss.xml")}`);
    expect(feed.items).toHaveLength(1);
  });
});

describe("parseFeed: broken and hostile input", () => {
  it("repairs a stray '&' instead of rejecting the feed", async () => {
    const feed = await parseFeed(fixture("stray-ampersand.xml"));
    expect(feed.title).toBe("Trade & Transport Weekly");
    expect(feed.items[0]?.title).toBe("Freight & logistics ministers meet in Orlen");
    expect(feed.items[0]?.url).toBe("https://tradetransport.example/a?id=4&page=1");
    expect(feed.items[0]?.summary).toBe("Ports & railways top the agenda © TTW.");
    expect(feed.warnings).toEqual(["escaped stray '&' characters and HTML entity names"]);
  });

  it("keeps the complete items of a truncated feed, with a warning", async () => {
    const feed = await parseFeed(fixture("truncated.xml"));
    expect(feed.items.map((i) => i.title)).toEqual([
      "Leaders arrive for the spring summit",
      "Security perimeter set up around the old town",
    ]);
    expect(feed.warnings.join("\n")).toMatch(/truncated/);
  });

  it("refuses a DOCTYPE with entity definitions before parsing", async () => {
    const error = await expectFeedError(fixture("entity-bomb.xml"), "doctype_forbidden");
    expect(error.message).toMatch(/DOCTYPE/);
  });

  it("refuses an ENTITY declaration even without a DOCTYPE keyword at the start", async () => {
    await expectFeedError('<rss version="2.0"><!ENTITY a "b"><channel><title>x</title></channel></rss>', "doctype_forbidden");
  });

  it("refuses a DOCTYPE that follows a processing instruction containing \"<!--\"", async () => {
    const hidden =
      '<?xml version="1.0"?><?note see <!-- below ?><!DOCTYPE rss [<!ENTITY who "an expanded entity">]><rss version="2.0"><channel><title>&who;</title></channel></rss>';
    await expectFeedError(hidden, "doctype_forbidden");
  });

  it("refuses a DOCTYPE after a comment that mentions \"<?\", and after an unnamed PI", async () => {
    await expectFeedError('<!-- an aside <? --><!DOCTYPE rss [<!ENTITY a "b">]><rss version="2.0"><channel><title>x</title></channel></rss>', "doctype_forbidden");
    await expectFeedError('<?x-feed ?><!-- c --><?y <![CDATA[ ?><!ENTITY a "b"><rss version="2.0"><channel><title>x</title></channel></rss>', "doctype_forbidden");
  });

  it("does not mistake DOCTYPE text inside a processing instruction for a declaration", async () => {
    const feed = await parseFeed('<?xml version="1.0"?><?style-note <!DOCTYPE is not allowed here ?><rss version="2.0"><channel><title>x</title><item><title>On PIs</title></item></channel></rss>');
    expect(feed.items[0]?.title).toBe("On PIs");
  });

  it("does not mistake DOCTYPE text inside CDATA for a declaration", async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>x</title><item><title>On XML</title><description><![CDATA[<p>Write <!DOCTYPE html> first.</p>]]></description></item></channel></rss>',
    );
    expect(feed.items[0]?.title).toBe("On XML");
  });

  it("drops javascript: links, scripts, handlers and iframes while keeping the item", async () => {
    const feed = await parseFeed(fixture("hostile-links.xml"));
    expect(feed.items).toHaveLength(2);
    const first = feed.items[0];
    expect(first?.url).toBeNull();
    expect(first?.guid).toBe("fpm-77");
    const html = first?.contentHtml ?? "";
    expect(html).toContain("Turnout was 64 percent.");
    expect(html).toContain('href="https://freepressmirror.example/results"');
    expect(html).not.toMatch(/script|javascript:|onclick|iframe|data:|evil\.example|display:none/i);
    expect(feed.items[1]?.url).toBe("https://freepressmirror.example/second");
  });

  it("strips control characters from titles", async () => {
    const feed = await parseFeed(
      '<rss version="2.0"><channel><title>T\u0007itle</title><item><title>Bell\u0001 here\u001b</title><link>https://x.example/a</link></item></channel></rss>',
    );
    expect(feed.title).toBe("Title");
    expect(feed.items[0]?.title).toBe("Bell here");
  });

  it("skips junk printed before the XML, e.g. a server warning", async () => {
    const feed = await parseFeed(`Warning: headers already sent in feed.php on line 3\n${fixture("versionless-rss.xml")}`);
    expect(feed.items).toHaveLength(1);
    expect(feed.warnings.join("\n")).toMatch(/ignored \d+ characters/);
  });

  it("gives a clear error for an RSS document without <channel>", async () => {
    const error = await expectFeedError(fixture("no-channel.xml"), "no_channel");
    expect(error.message).toBe("RSS feed has no <channel> element");
  });

  it("a bad Atom date costs only that date, not the feed", async () => {
    const feed = await parseFeed(fixture("atom-bad-date.xml"));
    expect(feed.items.map((i) => [i.guid, i.publishedAt?.toISOString() ?? null])).toEqual([
      ["eg-1", null],
      ["eg-2", "2026-08-20T07:00:00.000Z"],
    ]);
  });

  it("says an HTML page is not a feed", async () => {
    const error = await expectFeedError("<!DOCTYPE html><html><body><p>Hello</p></body></html>", "not_a_feed");
    expect(error.message).toMatch(/HTML page/);
  });

  it("reports malformed XML that cannot be salvaged", async () => {
    await expectFeedError('<rss version="2.0"><channel><title>x</ti', "malformed");
  });

  it("rejects JSON that is not a JSON Feed", async () => {
    await expectFeedError('{"hello": "world"}', "invalid_json_feed");
  });
});

describe("parseFeed: shapes real feeds take (issue 10)", () => {
  const rss = (items: string) => `<rss version="2.0"><channel><title>Kessling</title><link>https://k.example/</link>${items}</channel></rss>`;

  it("an empty or blank guid falls back to the link, and without a link to a hash of the item's words", async () => {
    const feed = await parseFeed(
      rss(
        '<item><title>A</title><link>https://k.example/a</link><guid></guid></item>' +
          '<item><guid isPermaLink="false"> </guid><description>Ferries resume on Thursday.</description></item>' +
          '<item><guid isPermaLink="false"></guid><title>B</title><description>Text of B.</description></item>',
      ),
    );
    expect(feed.rejected).toEqual([]);
    expect(feed.items.map((item) => [item.guid.startsWith("hash:") ? "hash" : item.guid, item.url])).toEqual([
      ["https://k.example/a", "https://k.example/a"],
      ["hash", null],
      ["hash", null],
    ]);
    // The same words give the same id on every poll; other words, another.
    const again = await parseFeed(rss('<item><guid> </guid><description>Ferries resume on Thursday.</description></item>'));
    expect(again.items[0]?.guid).toBe(feed.items[1]?.guid);
    expect(feed.items[2]?.guid).not.toBe(feed.items[1]?.guid);
  });

  it("reads RSS 0.93", async () => {
    const feed = await parseFeed('<rss version="0.93"><channel><title>Delmar</title><item><title>Rates rise</title><link>https://d.example/r</link><description>Up nine percent.</description></item></channel></rss>');
    expect(feed.format).toBe("rss09");
    expect(feed.items.map((item) => [item.title, item.url, item.contentHtml])).toEqual([["Rates rise", "https://d.example/r", "Up nine percent."]]);
  });

  it("reads RSS 0.91 with Netscape's external DOCTYPE and its HTML entity names", async () => {
    const feed = await parseFeed(
      '<?xml version="1.0" encoding="ISO-8859-1"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN"\n "http://my.netscape.com/publish/formats/rss-0.91.dtd">\n' +
        '<rss version="0.91"><channel><title>Journal de Valbrune</title><item><title>Le budget&nbsp;2027 pr&eacute;sent&eacute;</title><link>https://v.example/b</link></item></channel></rss>',
    );
    expect(feed.format).toBe("rss09");
    expect(feed.items[0]?.title).toBe("Le budget 2027 présenté");
    expect(feed.warnings).toEqual(expect.arrayContaining(["ignored the feed's DOCTYPE (an external DTD, never fetched)"]));
  });

  it("still refuses a DOCTYPE with an internal subset after an external identifier, and an external one with an ENTITY", async () => {
    await expectFeedError('<!DOCTYPE rss PUBLIC "a" "b" [<!ENTITY x "y">]><rss version="2.0"><channel><title>&x;</title></channel></rss>', "doctype_forbidden");
    await expectFeedError('<!DOCTYPE rss SYSTEM "http://evil.example/a.dtd"><!DOCTYPE rss [<!ENTITY x "y">]><rss version="2.0"><channel><title>&x;</title></channel></rss>', "doctype_forbidden");
  });

  it("an external DTD that would define an entity is never read: the reference stays as text", async () => {
    const feed = await parseFeed('<!DOCTYPE rss SYSTEM "file:///etc/passwd"><rss version="2.0"><channel><title>x</title><item><title>Leak &xxe; here</title><link>https://x.example/1</link></item></channel></rss>');
    expect(feed.items[0]?.title).toBe("Leak &xxe; here");
  });
});

