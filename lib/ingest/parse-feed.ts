// Parses decoded feed text (RSS 2.0, RSS 0.9x, RSS 1.0/RDF, Atom, JSON Feed) into validated items,
// working around rss-parser 3.13's gaps and salvaging what it can from a broken feed.
import Parser from "rss-parser";
import { z } from "zod";
import { toHttpUrl } from "@/lib/ingest/canonical-url";
import { contentHash } from "@/lib/ingest/content-hash";
import { resolveHtmlEntities } from "@/lib/ingest/html-entities";
import {
  dropExternalDoctype,
  dropInvalidAtomDates,
  escapeBareAmpersands,
  flattenXhtmlConstructs,
  hasDoctypeOrEntity,
  locateFeedRoot,
  rootAttribute,
  salvageTruncatedFeed,
} from "@/lib/ingest/repair-feed-xml";
import { choosePublicationDate } from "@/lib/ingest/publication-date";
import { htmlToText, sanitizeHtml, stripControlChars } from "@/lib/ingest/sanitize-html";

export type TFeedFormat = "rss2" | "rss09" | "rss1" | "atom" | "json";

export type TFeedParseErrorCode = "doctype_forbidden" | "not_a_feed" | "no_channel" | "malformed" | "invalid_json_feed";

export class FeedParseError extends Error {
  readonly code: TFeedParseErrorCode;

  constructor(code: TFeedParseErrorCode, message: string) {
    super(message);
    this.name = "FeedParseError";
    this.code = code;
  }
}

const ZHttpUrl = z.url({ protocol: /^https?$/ });

export const ZFeedItem = z
  .object({
    guid: z.string().min(1).max(2048),
    url: ZHttpUrl.nullable(),
    title: z.string().max(1000),
    author: z.string().max(300).nullable(),
    publishedAt: z.date().nullable(),
    contentHtml: z.string().nullable(),
    summary: z.string().nullable(),
  })
  .refine((item) => item.title !== "" || item.contentHtml !== null || item.summary !== null, {
    message: "item has neither a title nor any content",
  });
export type TFeedItem = z.infer<typeof ZFeedItem>;

export type TRejectedItem = { index: number; guid: string | null; reason: string };

export type TParsedFeed = {
  format: TFeedFormat;
  title: string;
  siteUrl: string | null;
  items: TFeedItem[];
  /** Items that failed validation; the others are still returned. */
  rejected: TRejectedItem[];
  /** Repairs applied and data dropped, for the feed's health view. */
  warnings: string[];
};

export type TParseFeedOptions = {
  /** The URL the feed was fetched from: relative links resolve against it when the feed names no site. */
  feedUrl?: string | null;
};

const SUMMARY_MAX = 1000;
const TITLE_MAX = 500;

/** The fields one item offers before cleaning, whatever the format. */
type TRawItem = {
  guid: string | null;
  link: string | null;
  title: string | null;
  author: string | null;
  date: string | null;
  contentHtml: string | null;
  summaryHtml: string | null;
};

// ---- shared cleaning -------------------------------------------------------------------------

function cleanTitle(raw: string | null): string {
  if (!raw) return "";
  const text = /<[a-z!/]/i.test(raw) ? htmlToText(raw) : stripControlChars(raw);
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > TITLE_MAX ? `${flat.slice(0, TITLE_MAX - 1)}…` : flat;
}

function httpUrl(raw: string | null, base: string | null): string | null {
  return raw ? toHttpUrl(stripControlChars(raw), base) : null;
}

/** RSS `author` is "email (Name)"; keep the name. */
function cleanAuthor(raw: string | null): string | null {
  if (!raw) return null;
  const text = stripControlChars(raw).replace(/\s+/g, " ").trim();
  const named = /^\S+@\S+\s*\((.+)\)$/.exec(text);
  const result = (named?.[1] ?? text).trim();
  return result ? result.slice(0, 300) : null;
}

function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${space > max / 2 ? cut.slice(0, space) : cut}…`;
}

function buildItems(raws: TRawItem[], base: string | null, warnings: string[]) {
  const items: TFeedItem[] = [];
  const rejected: TRejectedItem[] = [];
  raws.forEach((raw, index) => {
    const url = httpUrl(raw.link, base) ?? (raw.guid && /^https?:/i.test(raw.guid) ? httpUrl(raw.guid, null) : null);
    if (raw.link && !httpUrl(raw.link, base)) warnings.push(`item ${index + 1}: dropped non-http(s) link`);
    const itemBase = url ?? base;
    const contentHtml = raw.contentHtml ? sanitizeHtml(raw.contentHtml, { baseUrl: itemBase }) || null : null;
    const summarySource = raw.summaryHtml ?? raw.contentHtml;
    const summaryText = summarySource ? htmlToText(summarySource) : "";
    const title = cleanTitle(raw.title);
    const date = choosePublicationDate([{ source: `item ${index + 1}: date`, raw: raw.date }]);
    warnings.push(...date.problems.map((problem) => `${problem}; dropped`));
    const publishedAt = date.date;
    // An empty or blank <guid> is no id: the link is, and without either the item's own words are.
    const guid =
      (raw.guid ? stripControlChars(raw.guid).trim() : "") ||
      url ||
      `hash:${contentHash(`${title}\n${contentHtml ? htmlToText(contentHtml) : summaryText}`)}`;
    const candidate = {
      guid,
      url,
      title,
      author: cleanAuthor(raw.author),
      publishedAt,
      contentHtml,
      summary: summaryText ? truncateText(summaryText, SUMMARY_MAX) : null,
    };
    const result = ZFeedItem.safeParse(candidate);
    if (result.success) {
      items.push(result.data);
    } else {
      const reason = result.error.issues.map((issue) => `${issue.path.join(".") || "item"}: ${issue.message}`).join("; ");
      rejected.push({ index, guid: guid || null, reason });
      warnings.push(`item ${index + 1} rejected: ${reason}`);
    }
  });
  return { items, rejected };
}

// ---- JSON Feed -------------------------------------------------------------------------------

const ZJsonAuthor = z.object({ name: z.string().optional() }).loose();
const ZJsonFeed = z
  .object({
    version: z.string().regex(/^https:\/\/jsonfeed\.org\/version\//),
    title: z.string().optional(),
    home_page_url: z.string().optional(),
    items: z.array(z.unknown()),
    author: ZJsonAuthor.optional(),
    authors: z.array(ZJsonAuthor).optional(),
  })
  .loose();
const ZJsonItem = z
  .object({
    id: z.union([z.string(), z.number()]).transform(String),
    url: z.string().optional(),
    external_url: z.string().optional(),
    title: z.string().optional(),
    content_html: z.string().optional(),
    content_text: z.string().optional(),
    summary: z.string().optional(),
    date_published: z.string().optional(),
    date_modified: z.string().optional(),
    author: ZJsonAuthor.optional(),
    authors: z.array(ZJsonAuthor).optional(),
  })
  .loose();

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function parseJsonFeed(text: string, options: TParseFeedOptions): TParsedFeed {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new FeedParseError("invalid_json_feed", `Not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const feed = ZJsonFeed.safeParse(json);
  if (!feed.success) {
    throw new FeedParseError("invalid_json_feed", `Not a JSON Feed (needs "version" https://jsonfeed.org/version/… and "items")`);
  }
  const warnings: string[] = [];
  const siteUrl = httpUrl(feed.data.home_page_url ?? null, options.feedUrl ?? null);
  const feedAuthor = feed.data.authors?.[0]?.name ?? feed.data.author?.name ?? null;
  const raws: (TRawItem | null)[] = feed.data.items.map((entry, index) => {
    const item = ZJsonItem.safeParse(entry);
    if (!item.success) {
      warnings.push(`item ${index + 1} rejected: ${item.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
      return null;
    }
    const content = item.data.content_html ?? (item.data.content_text ? `<p>${escapeHtml(item.data.content_text)}</p>` : null);
    return {
      guid: item.data.id,
      link: item.data.url ?? item.data.external_url ?? null,
      title: item.data.title ?? null,
      author: item.data.authors?.[0]?.name ?? item.data.author?.name ?? feedAuthor,
      date: item.data.date_published ?? item.data.date_modified ?? null,
      contentHtml: content,
      summaryHtml: item.data.summary ? escapeHtml(item.data.summary) : null,
    };
  });
  const unreadable = raws.flatMap((raw, index) => (raw ? [] : [{ index, guid: null, reason: "not a JSON Feed item" }]));
  const { items, rejected } = buildItems(
    raws.filter((raw): raw is TRawItem => raw !== null),
    siteUrl ?? options.feedUrl ?? null,
    warnings,
  );
  return {
    format: "json",
    title: cleanTitle(feed.data.title ?? null),
    siteUrl,
    items,
    rejected: [...unreadable, ...rejected],
    warnings,
  };
}

// ---- XML feeds -------------------------------------------------------------------------------

const ZRawXmlFeed = z.object({
  title: z.unknown().optional(),
  link: z.unknown().optional(),
  items: z.array(z.record(z.string(), z.unknown())),
});

/** rss-parser fields are strings, `{ _: text }` objects, or one-element arrays of either. */
function readString(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return readString(value[0]);
  if (value && typeof value === "object" && "_" in value) return readString(value._);
  return null;
}

const xmlParser = new Parser<Record<string, unknown>, Record<string, unknown>>({
  // A versionless <rss> is RSS 2.0 in practice.
  defaultRSS: 2,
  customFields: {
    // RSS 1.0 keeps dates and authors in Dublin Core; read them by name so no mapping can lose them.
    item: [["dc:date", "dcDate"], ["dc:creator", "dcCreator"], ["content:encoded", "contentEncoded"], ["updated", "atomUpdated"]],
  },
});

function toRawItem(item: Record<string, unknown>, format: TFeedFormat): TRawItem {
  const encoded = readString(item.contentEncoded);
  const content = readString(item.content);
  const summary = readString(item.summary);
  return {
    guid: readString(item.guid) ?? readString(item.id) ?? readString(item["rdf:about"]),
    link: readString(item.link),
    title: readString(item.title),
    author: readString(item.dcCreator) ?? readString(item.creator) ?? readString(item.author),
    // The date as the feed wrote it, for the strict parser: rss-parser's isoDate is Date.parse's guess
    // (it reads the year 0000 as 2000).
    date: readString(item.pubDate) ?? readString(item.dcDate) ?? readString(item.atomUpdated) ?? readString(item.isoDate),
    contentHtml: encoded ?? content ?? (format === "atom" ? summary : null),
    // RSS description is the summary when content:encoded carries the body; Atom has <summary>.
    summaryHtml: format === "atom" ? summary : encoded ? content : null,
  };
}

async function parseWithRssParser(xml: string): Promise<z.infer<typeof ZRawXmlFeed>> {
  const output: unknown = await xmlParser.parseString(xml);
  const parsed = ZRawXmlFeed.safeParse(output);
  if (!parsed.success) throw new FeedParseError("malformed", "The feed parser returned an unexpected shape");
  return parsed.data;
}

function describeXmlError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ", ");
}

function detectXmlFormat(root: "rss" | "atom" | "rdf", xml: string): TFeedFormat {
  if (root === "atom") return "atom";
  if (root === "rdf") return "rss1";
  const version = rootAttribute(xml, "rss", "version");
  return version && /^0\.9/.test(version) ? "rss09" : "rss2";
}

async function parseXmlFeed(input: string, options: TParseFeedOptions): Promise<TParsedFeed> {
  const warnings: string[] = [];
  const doctype = dropExternalDoctype(input);
  const text = doctype.xml;
  if (doctype.dropped) warnings.push("ignored the feed's DOCTYPE (an external DTD, never fetched)");
  const located = locateFeedRoot(text);
  if (!located) {
    const what = /<html[\s>]/i.test(text) ? "an HTML page" : "neither XML nor JSON feed content";
    throw new FeedParseError("not_a_feed", `This is ${what}, not an RSS, Atom or JSON feed`);
  }
  // Checked before anything parses: a DTD can define entities that expand exponentially or read files.
  if (hasDoctypeOrEntity(text)) {
    throw new FeedParseError("doctype_forbidden", "Feeds with a DOCTYPE or ENTITY declaration are refused (entity-expansion risk)");
  }
  if (located.skippedChars > 0 && text.slice(0, located.skippedChars).trim() !== "") {
    warnings.push(`ignored ${located.skippedChars} characters before the feed's XML`);
  }
  const format = detectXmlFormat(located.root, located.xml);
  if ((format === "rss2" || format === "rss09" || format === "rss1") && !/<(?:[\w-]+:)?channel[\s>]/.test(located.xml)) {
    throw new FeedParseError("no_channel", "RSS feed has no <channel> element");
  }
  if (format === "rss2" && !rootAttribute(located.xml, "rss", "version")) warnings.push("<rss> has no version; read as RSS 2.0");

  let xml = flattenXhtmlConstructs(located.xml);
  if (format === "atom") {
    const dates = dropInvalidAtomDates(xml);
    if (dates.dropped > 0) warnings.push(`ignored ${dates.dropped} unparseable Atom date(s)`);
    xml = dates.xml;
  }

  // Strict parse first; each repair is only tried when the previous form failed.
  const attempts: { xml: string; repairs: string[] }[] = [{ xml, repairs: [] }];
  // HTML entity names (&nbsp;, &eacute;) become numeric references, stray '&' are escaped.
  const escaped = escapeBareAmpersands(resolveHtmlEntities(xml));
  const escapeNote = escaped !== xml ? ["escaped stray '&' characters and HTML entity names"] : [];
  if (escaped !== xml) attempts.push({ xml: escaped, repairs: escapeNote });
  const salvaged = salvageTruncatedFeed(escaped);
  if (salvaged && salvaged.xml !== escaped) {
    attempts.push({
      xml: salvaged.xml,
      repairs: [...escapeNote, "feed is malformed or truncated; kept the complete items before the break"],
    });
  }

  let firstError: unknown = null;
  for (const attempt of attempts) {
    try {
      const raw = await parseWithRssParser(attempt.xml);
      warnings.push(...attempt.repairs);
      const siteUrl = httpUrl(readString(raw.link), options.feedUrl ?? null);
      const { items, rejected } = buildItems(
        raw.items.map((item) => toRawItem(item, format)),
        siteUrl ?? options.feedUrl ?? null,
        warnings,
      );
      return { format, title: cleanTitle(readString(raw.title)), siteUrl, items, rejected, warnings };
    } catch (error) {
      firstError ??= error;
    }
  }
  throw new FeedParseError("malformed", `Malformed feed XML: ${describeXmlError(firstError)}`);
}

/** Parses decoded feed text; throws FeedParseError when nothing usable can be read. */
export async function parseFeed(text: string, options: TParseFeedOptions = {}): Promise<TParsedFeed> {
  const cleaned = stripControlChars(text.replace(/^\uFEFF/, ""));
  if (cleaned.trimStart().startsWith("{")) return parseJsonFeed(cleaned.trim(), options);
  return parseXmlFeed(cleaned, options);
}
