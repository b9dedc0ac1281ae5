// Extracts an article page's main text and metadata: @mozilla/readability on a linkedom DOM for the
// body, and the page's own metadata (JSON-LD NewsArticle, OpenGraph, <time>, canonical link).
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";
import { chooseArticleBody, MIN_ARTICLE_WORDS } from "@/lib/ingest/article-body";
import { bylineInText, stripBoilerplate } from "@/lib/ingest/boilerplate";
import { toHttpUrl } from "@/lib/ingest/canonical-url";
import { flattenDeepNesting } from "@/lib/ingest/flatten-deep-nesting";
import { dateBesideHeadline } from "@/lib/ingest/headline-date";
import { parseJsonLdScript } from "@/lib/ingest/json-ld";
import { describeNonArticlePage, type TPageSigns } from "@/lib/ingest/non-article-page";
import { holdsProseIn } from "@/lib/ingest/prose-sentence";
import { choosePublicationDate, dateInDateline, dateInUrl, type TDateCandidate } from "@/lib/ingest/publication-date";
import { htmlToText, parseHtmlBody, sanitizeHtml, stripControlChars, textOfBody } from "@/lib/ingest/sanitize-html";
import { countTextWords } from "@/lib/ingest/text-tokens";
import { hostNameOf } from "@/lib/host-name";

export type TReadableArticle = {
  title: string | null;
  byline: string | null;
  outlet: string | null;
  /** Null when the page states no plausible date: never the time it was read. */
  publishedAt: Date | null;
  /** Dates the page states that were dropped, with why ("JSON-LD datePublished "0000-12-18" is before 1900"). */
  dateProblems: string[];
  canonicalUrl: string | null;
  description: string | null;
  lang: string | null;
  /** Plain text, paragraphs separated by blank lines. */
  text: string;
  /** Sanitized article HTML, safe to render. */
  html: string;
};

export class ReadArticleError extends Error {
  readonly code = "no_article";

  constructor(message: string) {
    super(message);
    this.name = "ReadArticleError";
  }
}

const ARTICLE_TYPES = new Set([
  "NewsArticle", "Article", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
  "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle",
]);

type TJsonObject = Record<string, unknown>;

function isObject(value: unknown): value is TJsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Every object in a JSON-LD block, looking through arrays and @graph. */
function jsonLdNodes(value: unknown): TJsonObject[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdNodes);
  if (!isObject(value)) return [];
  return [value, ...jsonLdNodes(value["@graph"])];
}

function isArticleNode(node: TJsonObject): boolean {
  const type = node["@type"];
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === "string" && ARTICLE_TYPES.has(t));
}

function text(value: unknown): string | null {
  if (typeof value === "string") {
    const cleaned = stripControlChars(value).replace(/\s+/g, " ").trim();
    return cleaned || null;
  }
  if (Array.isArray(value)) return text(value[0]);
  return null;
}

/** A person/organisation as a string, `{ name }`, or a list of those. */
function names(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(names);
  if (isObject(value)) return names(value.name);
  const single = text(value);
  return single && !/^https?:\/\//.test(single) ? [single] : [];
}

type TPageMetadata = Omit<TReadableArticle, "lang" | "text" | "html" | "publishedAt" | "dateProblems"> & {
  articleBody: string | null;
  /** Where the page states its date, most trusted first; the URL and a dateline come after these. */
  dateCandidates: TDateCandidate[];
};

// Meta tags publishers put the publication date in (names compared in lower case).
const DATE_META_NAMES = ["date", "pubdate", "publishdate", "publish-date", "parsely-pub-date", "sailthru.date", "dc.date", "dc.date.issued", "dcterms.created", "article.published"];

type TParsedPage = ReturnType<typeof parseHTML>["document"];

/** The page as a DOM, its depth and size bounded (see flatten-deep-nesting.ts). */
function parsePage(html: string): TParsedPage {
  const { document } = parseHTML(html);
  // From the root element: linkedom gives the doctype node no next sibling, so a walk from the document stops there.
  if (document.documentElement) flattenDeepNesting(document.documentElement);
  return document;
}

function readMetadata(document: TParsedPage, pageUrl: string): TPageMetadata {
  const meta = (selector: string): string | null => text(document.querySelector(selector)?.getAttribute("content"));

  let article: TJsonObject | null = null;
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    // Broken JSON-LD is common (null here); the other metadata sources still apply.
    const found = jsonLdNodes(parseJsonLdScript(script.textContent ?? "")).find(isArticleNode);
    if (found) {
      article = found;
      break;
    }
  }
  const publisher = article && isObject(article.publisher) ? text(article.publisher.name) : text(article?.publisher);
  const mainEntity = article?.mainEntityOfPage;
  const jsonLdUrl = text(article?.url) ?? (isObject(mainEntity) ? text(mainEntity["@id"]) : text(mainEntity));
  const timeValue = ['time[itemprop="datePublished"]', "time[pubdate]", "article time[datetime]", "time[datetime]"]
    .map((selector) => document.querySelector(selector)?.getAttribute("datetime"))
    .find((value) => value);
  const namedMeta = [...document.querySelectorAll("meta[name]")].find((element) =>
    DATE_META_NAMES.includes((element.getAttribute("name") ?? "").toLowerCase()),
  );
  const itemprop = document.querySelector('[itemprop="datePublished"]');

  const authors = article ? names(article.author) : [];
  return {
    title: text(article?.headline) ?? meta('meta[property="og:title"]') ?? meta('meta[name="twitter:title"]'),
    byline: authors.length > 0 ? [...new Set(authors)].join(", ") : meta('meta[name="author"]'),
    outlet: outletName(meta('meta[property="og:site_name"]') ?? publisher ?? meta('meta[name="application-name"]')),
    dateCandidates: [
      { source: "JSON-LD datePublished", raw: text(article?.datePublished) },
      { source: "JSON-LD dateCreated", raw: text(article?.dateCreated) },
      { source: "meta article:published_time", raw: meta('meta[property="article:published_time"]') },
      { source: "itemprop datePublished", raw: text(itemprop?.getAttribute("content") ?? itemprop?.getAttribute("datetime")) },
      { source: `meta ${namedMeta?.getAttribute("name")}`, raw: text(namedMeta?.getAttribute("content")) },
      { source: "<time datetime>", raw: text(timeValue) },
      { source: "<time>", raw: text(document.querySelector("article time, time")?.textContent) },
    ],
    canonicalUrl:
      toHttpUrl(document.querySelector('link[rel="canonical"]')?.getAttribute("href"), pageUrl) ??
      toHttpUrl(meta('meta[property="og:url"]'), pageUrl) ??
      toHttpUrl(jsonLdUrl, pageUrl),
    description:
      meta('meta[property="og:description"]') ?? meta('meta[name="description"]') ?? text(article?.description),
    articleBody: typeof article?.articleBody === "string" ? article.articleBody : null,
  };
}

/** A site name given as an address ("http://www.tmz.com") reads as its host ("tmz.com"), the way readers name it. */
function outletName(raw: string | null): string | null {
  if (!raw || !/^(?:https?:\/\/|www\.)\S+$/i.test(raw)) return raw;
  return hostNameOf(/^www\./i.test(raw) ? `https://${raw}` : raw) ?? raw;
}

/**
 * "Māori tribes fearful over whale strandings | Eleanor Ainge Roy", "Bridge reopens - The Harbour
 * Ledger": a title that ends with the page's own byline or outlet after a separator ends before it
 * (twice at most: "Headline | Author | Outlet"). Other suffixes stay: they may be part of the headline.
 */
function withoutNameSuffix(title: string | null, names: readonly (string | null)[]): string | null {
  let out = title;
  for (let round = 0; round < 2 && out; round += 1) {
    const kept = out;
    const cut = names.map((name) => (name ? beforeSuffix(kept, name) : null)).find((head) => head !== null);
    if (!cut) break;
    out = cut;
  }
  return out;
}

const SEPARATOR_AT_END = /\s+[|–—-]\s+$/;

/** `title` without a trailing separator and `name` (any case), or null when it does not end so. */
function beforeSuffix(title: string, name: string): string | null {
  const rest = title.trimEnd();
  if (!rest.toLowerCase().endsWith(name.toLowerCase())) return null;
  const separator = SEPARATOR_AT_END.exec(rest.slice(0, rest.length - name.length));
  return separator && separator.index > 0 ? rest.slice(0, separator.index).trim() : null;
}

function cleanByline(byline: string | null | undefined): string | null {
  const cleaned = text(byline)?.replace(/^by\s+/i, "").trim();
  return cleaned || null;
}

const NO_ARTICLE = "No article text found on the page";

/**
 * Why a page whose main content holds no sentence is refused. A wall or an app shell may sit outside
 * what the reader picked (its text in a dialog or in <noscript>), so the whole page is looked at; on
 * a page that does have prose those would be a banner or a comments note, which is why only here.
 */
function describePageWithoutProse(page: TParsedPage, signs: TPageSigns): string {
  const pageText = page.body ? htmlToText(page.body.innerHTML) : "";
  const noscriptText = [...page.querySelectorAll("noscript")].map((element) => element.textContent ?? "").join("\n");
  const named = describeNonArticlePage({ ...signs, bodyText: pageText, bodyWords: countTextWords(pageText), noscriptText });
  if (named) return named;
  return countTextWords(pageText) === 0 ? `${NO_ARTICLE}: it holds no text` : `${NO_ARTICLE}: it holds no sentence, only headings, links or labels`;
}

/** Reads the article in a page; throws ReadArticleError when the page has no article text at all. */
export function readArticle(html: string, url: string): TReadableArticle {
  const page = parsePage(html);
  const metadata = readMetadata(page, url);
  // Readability rewrites the DOM it is given, so it gets its own parse.
  const document = parsePage(html);
  const parsed = new Readability(document as unknown as Document, { charThreshold: 300 }).parse();

  const body = chooseArticleBody({ readabilityHtml: parsed?.content ?? null, jsonLdBody: metadata.articleBody, pageHtml: html });
  const bodyText = body ? htmlToText(body.html) : "";
  const signs = {
    title: text(page.querySelector("title")?.textContent),
    heading: text(page.querySelector("h1")?.textContent),
    html,
    bodyText,
    bodyWords: countTextWords(bodyText),
  };
  const notArticle = describeNonArticlePage(signs);
  if (notArticle) throw new ReadArticleError(notArticle);
  if (!body) throw new ReadArticleError(describePageWithoutProse(page, signs));

  const safeHtml = sanitizeHtml(stripBoilerplate(body.html), { baseUrl: url });
  // One parse of the kept HTML serves its text and the prose check below.
  const safeBody = parseHtmlBody(safeHtml);
  const plainText = textOfBody(safeBody);
  // The reader's pick was mostly furniture (a video page's legal footer and a menu link): no article.
  const keptWords = countTextWords(plainText);
  if (keptWords < MIN_ARTICLE_WORDS && keptWords < countTextWords(bodyText) / 2) throw new ReadArticleError(NO_ARTICLE);
  // However long, what is left must say something in a sentence: a menu of headlines is no article.
  if (!safeBody || !holdsProseIn(safeBody)) throw new ReadArticleError(describePageWithoutProse(page, signs));
  const date = choosePublicationDate([
    ...metadata.dateCandidates,
    { source: "the page's date (Readability)", raw: text(parsed?.publishedTime) },
    { source: "the URL", raw: dateInUrl(metadata.canonicalUrl) ?? dateInUrl(url) },
    // Before furniture removal, which drops a bare date stamp at the top of the body.
    { source: "the dateline", raw: dateInDateline(bodyText) },
    // Last: a date printed under the headline ("By Jane Doe · May 20, 2019"), which no markup names.
    { source: "the date beside the headline", raw: dateBesideHeadline(page, [metadata.title, text(page.querySelector("title")?.textContent)]) },
  ]);
  // Last, the byline line the text loses as furniture, so the names stay with the article.
  const byline = cleanByline(metadata.byline) ?? cleanByline(parsed?.byline) ?? bylineInText(bodyText);
  const outlet = metadata.outlet ?? text(parsed?.siteName);
  return {
    title: withoutNameSuffix(metadata.title ?? text(parsed?.title), [byline, outlet]),
    byline,
    outlet,
    publishedAt: date.date,
    dateProblems: date.problems,
    canonicalUrl: metadata.canonicalUrl,
    description: metadata.description ?? text(parsed?.excerpt),
    lang: text(parsed?.lang) ?? text(document.documentElement?.getAttribute("lang")),
    text: plainText,
    html: safeHtml,
  };
}
