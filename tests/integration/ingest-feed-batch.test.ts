// A feed's items are stored in batches (one transaction for a batch's articles): each item still
// gets its own outcome, a bad item fails alone with its reason, and reading the feed again adds
// nothing.
import { describe, expect, it } from "vitest";
import { FEED_BATCH_SIZE } from "@/lib/ingest/ingest-feed-item";
import { ingestFeedText } from "@/lib/ingest/poll-feed";
import { testTargets, setUpTestDatabase } from "../support/test-database";

const PLACES = ["Harbourside", "Millbrook", "Eastfield", "Northgate", "Riverton", "Stonebridge", "Westmoor", "Ashcombe"];
// Each report takes one variant of each paragraph, so two reports share few word runs (none is a near copy of another).
const PARAGRAPHS: ((place: string, n: number) => string)[][] = [
  [
    (place, n) => `${place} council voted on Tuesday evening to approve a new tram line, ending a debate that has run for ${n + 3} months.`,
    (place, n) => `Members of ${place} council backed the school building programme late on Wednesday after ${n + 2} hours of argument.`,
    (place, n) => `Flood defences along the river through ${place} were approved by the cabinet on Thursday, ${n + 4} years after the last serious flood.`,
    (place, n) => `Bus fares in ${place} will rise from January after councillors accepted the operator's proposal by a margin of ${n + 1} votes.`,
  ],
  [
    (_place, n) => `"This is the most important decision this chamber will take for a generation," the council leader told the meeting, which ran past ${n % 3 ? "midnight" : "eleven"}.`,
    (_place, n) => `"This is the most important decision this chamber will take for a generation," said the cabinet member for transport, reading from notes ${n} pages long.`,
    (_place, n) => `The deputy mayor called it "the most important decision this chamber will take for a generation" in a speech lasting ${n + 10} minutes.`,
    (_place, n) => `"This is the most important decision this chamber will take for a generation," the chair insisted as ${n + 5} protesters watched from the gallery.`,
  ],
  [
    (_place, n) => `Opponents said the plan would cost far more than the ${n + 12} million pounds set aside and that the timetable was unrealistic.`,
    (_place, n) => `Critics on the opposition benches questioned a budget of ${n + 30} million and asked why no independent audit had been published.`,
    (_place, n) => `Several shopkeepers warned that ${n + 2} years of roadworks would drive customers to the retail park outside town.`,
    (_place, n) => `Parents' groups welcomed the money but said ${n + 6} classrooms would still be in temporary huts when the work is finished.`,
  ],
  [
    (place, n) => `"Nobody has shown us where the money comes from," said Maria Okafor, who leads the residents' association in ward ${n + 1} of ${place}.`,
    (place, n) => `"We were consulted for ${n + 3} weeks and ignored for all of them," said Graham Lowe, a pensioner who has lived in ${place} since childhood.`,
    (place) => `Local union officials said staff at the depot in ${place} had not been told what the change would mean for their shifts.`,
    (place, n) => `A petition against the scheme gathered ${n + 400} signatures in ${place} in less than a fortnight, its organisers said.`,
  ],
  [
    (_place, n) => `Officials replied that grants from the regional authority would cover most of the cost and that work could begin in spring ${2027 + (n % 3)}.`,
    (_place, n) => `The finance director told members that borrowing costs had been fixed for ${n + 20} years, removing the main risk to the budget.`,
    (_place, n) => `Engineers expect the first phase to be complete within ${n + 8} months, weather permitting, with the rest following in stages.`,
    (_place, n) => `Council staff said a contractor would be appointed by tender before the end of ${["March", "April", "May", "June"][n % 4]}.`,
  ],
  [
    (_place, n) => `The vote was carried by ${20 + n} to ${9 + (n % 5)}, with several members abstaining after a long exchange about consultation.`,
    (_place, n) => `A final report, including an independent review of the budget and of its effect on traffic, is due in week ${n + 14} of the year.`,
    (_place, n) => `Members agreed to return to the question in ${n + 6} months once the first survey results are known.`,
    (_place, n) => `The meeting closed with a promise of ${n + 2} public drop-in sessions before any contract is signed.`,
  ],
];

/** Slot variants from the index's base-4 digits: two reports share at most half their paragraphs. */
function variantOf(index: number, slot: number): number {
  const digits = [index % 4, Math.floor(index / 4) % 4, Math.floor(index / 16) % 4] as const;
  const [a, b, c] = digits;
  return [a, b, c, a + b, a + c, a + b + c][slot]! % 4;
}

/** A full-text news report (well over the summary threshold), a different one for each index. */
function report(index: number): string {
  const place = PLACES[index % PLACES.length]!;
  const desk = ["Ellen Marsh", "Kofi Mensah", "Priya Das", "Lars Berg", "Hana Sato", "Rui Costa", "Zofia Nowak"][index % 7];
  const street = ["Quay Street", "Mill Lane", "Station Road", "Castle Hill", "Market Row"][index % 5];
  const signOff = `${desk} reported from the ${street} office; the story was updated at ${(index % 12) + 1}.${String(index + 10).padStart(2, "0")} with the final count.`;
  return [...PARAGRAPHS.map((variants, slot) => variants[variantOf(index, slot)]!(place, index)), signOff].join(" ");
}

type TItem = { guid: string; title: string; link: string | null; text: string | null };

/** An RSS document with items in the given order; `text` null gives an item with no content at all. */
function feedDocument(items: TItem[]): string {
  const escape = (value: string) => value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const body = items
    .map(
      (item) => `<item><guid isPermaLink="false">${item.guid}</guid><title>${escape(item.title)}</title>${item.link ? `<link>${item.link}</link>` : ""}${
        item.text === null ? "" : `<description>${escape(item.text)}</description>`
      }<pubDate>Tue, 24 Nov 2026 09:00:00 GMT</pubDate></item>`,
    )
    .join("\n");
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>County Chronicle</title><link>https://chronicle.example/</link>${body}</channel></rss>`;
}

describe.each(testTargets)("feed items in batches on %s", (target) => {
  const used = setUpTestDatabase(target);

  it("stores the good items of a batch, fails the bad ones alone with their reasons, and adds nothing when read again", async () => {
    // More items than one batch, with two bad ones inside the first batch.
    const count = FEED_BATCH_SIZE + 3;
    const items: TItem[] = Array.from({ length: count }, (_unused, index) => ({
      guid: `chronicle-${index}`,
      title: `Council approves plan number ${index}`,
      link: `https://chronicle.example/news/council-plan-${index}`,
      text: report(index),
    }));
    // A binary attachment pasted into the feed as text, and a link-less item with no text.
    items[2] = { ...items[2]!, text: `Scanned minutes ${"\uFFFD\uE000\uFFFD ".repeat(200)}` };
    items[5] = { guid: "chronicle-empty", title: "Notice without text", link: null, text: null };
    const feed = feedDocument(items);

    const first = await ingestFeedText(used.db, feed, "county chronicle", { allowPrivateHosts: false });
    expect(first.items).toHaveLength(count);
    expect(first.items.map((item) => item.title)).toEqual(items.map((item) => item.title));
    const failed = first.items.filter((item) => item.outcome === "failed");
    expect(failed.map((item) => item.title)).toEqual([items[2]!.title, items[5]!.title]);
    expect(failed[0]?.reason).toMatch(/not readable text/);
    expect(failed[1]?.reason).toMatch(/nothing to store/);
    expect(first.items.filter((item) => item.outcome === "new")).toHaveLength(count - 2);

    const stored = await used.db.article.findMany({ select: { title: true, canonicalUrl: true }, orderBy: { id: "asc" } });
    expect(stored.map((article) => article.title).sort()).toEqual(
      items.filter((_item, index) => index !== 2 && index !== 5).map((item) => item.title).sort(),
    );
    const quotes = await used.db.statement.count({ where: { text: { contains: "most important decision" } } });
    expect(quotes).toBe(count - 2);

    const again = await ingestFeedText(used.db, feed, "county chronicle", { allowPrivateHosts: false });
    expect(again.items.filter((item) => item.outcome === "duplicate")).toHaveLength(count - 2);
    expect(again.items.filter((item) => item.outcome === "failed").map((item) => item.title)).toEqual([items[2]!.title, items[5]!.title]);
    expect(await used.db.article.count()).toBe(count - 2);
    expect(await used.db.statement.count({ where: { text: { contains: "most important decision" } } })).toBe(count - 2);
  });
});
