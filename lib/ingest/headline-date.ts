// Finds the date a page prints beside its headline ("By Jane Doe · May 20, 2019", "Posted on Tuesday
// 15 October 2019 at 09:11", "2016年10月14日07:17") when no metadata states one. Only the few short
// lines between the headline and the first paragraph of prose are read: a date further down is a
// comment's, a related story's or an archive list's, and one above the headline is often the
// masthead's "today".
import { MONTH_NAME, WEEKDAY } from "@/lib/ingest/publication-date";

const CLOCK = "(?:,?\\s+(?:at\\s+)?\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?(?:\\s+(?:utc|gmt|[ecmp][sd]t))?)?";
// Each form as publication-date.ts parses it; the clock is kept when it follows the date.
const DATE_IN_LINE: readonly RegExp[] = [
  new RegExp(`\\b${WEEKDAY}${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d{2}${CLOCK}`, "i"),
  new RegExp(`\\b${WEEKDAY}\\d{1,2}\\s+${MONTH_NAME},?\\s+(?:19|20)\\d{2}${CLOCK}`, "i"),
  /\b(?:19|20)\d{2}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?\b/,
];
// Chinese and Japanese pages: 2016年10月14日 07:17.
const CJK_DATE = /((?:19|20)\d{2})年(\d{1,2})月(\d{1,2})日\s*(?:(\d{1,2}):(\d{2}))?/;

// The lines looked at: short ones (a byline, a date stamp, a share bar) until prose starts.
const MAX_STAMP_LINE_WORDS = 20;
const MAX_LINES_AFTER_HEADLINE = 8;
const BLOCKS = "h1, h2, h3, h4, h5, h6, p, div, span, time, li, td, dd, dt, header, address, small, abbr";

function normalize(text: string | null): string {
  return (text ?? "").replace(/[\s\u200b]+/g, " ").trim();
}

/** The first date a short line spells, rewritten for the strict parser, or null. */
export function dateInStampLine(line: string): string | null {
  const cjk = CJK_DATE.exec(line);
  if (cjk) {
    const [, year, month, day, hour, minute] = cjk;
    const date = `${year}-${month!.padStart(2, "0")}-${day!.padStart(2, "0")}`;
    return hour ? `${date} ${hour.padStart(2, "0")}:${minute}` : date;
  }
  const normalized = line.replace(/\s*@\s*/g, " at ");
  for (const pattern of DATE_IN_LINE) {
    const found = pattern.exec(normalized)?.[0];
    if (found) return found.replace(/(\d)\s*([ap])\.?m\.?/i, (_, digit: string, half: string) => `${digit} ${half.toLowerCase()}m`).replace(/\s+/g, " ").trim();
  }
  return null;
}

// A word count good enough to tell a stamp line from prose; in Chinese and Japanese, written without
// spaces, two characters make about a word.
function roughWords(text: string): number {
  const cjk = text.match(/[\u3040-\u30ff\u3400-\u9fff]/g)?.length ?? 0;
  return Math.ceil(cjk / 2) + text.replace(/[\u3040-\u30ff\u3400-\u9fff]/g, " ").split(/\s+/).filter(Boolean).length;
}

// Menus, forms, sidebars and tables hold dates that are no stamp (an archive list, "Founded 1998").
const NOT_A_STAMP = "nav, aside, form, footer, table, select, button, script, style, noscript";
const HEADINGS = "h1, h2, h3";
const MIN_HEADLINE_CHARACTERS = 10;

function comparable(text: string | null): string {
  return normalize(text).toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/**
 * The article's headline: the heading that spells the longest part of the page's title (titles also
 * name the site, and so may its logo's heading), else the first <h1>.
 */
function findHeadline(document: Pick<Document, "querySelector" | "querySelectorAll">, titles: readonly (string | null)[]): Element | null {
  const wanted = titles.map(comparable).filter(Boolean);
  let best: { heading: Element; length: number } | null = null;
  for (const heading of document.querySelectorAll(HEADINGS)) {
    const text = comparable(heading.textContent);
    const matches = text.length >= MIN_HEADLINE_CHARACTERS && wanted.some((title) => title.includes(text));
    if (matches && text.length > (best?.length ?? 0)) best = { heading, length: text.length };
  }
  return best?.heading ?? document.querySelector("h1");
}

/**
 * The date stated beside the page's headline, as written, or null: in the short lines after it, or
 * in the one line right before it when that line is only a date (blogs print a date header there).
 */
export function dateBesideHeadline(document: Pick<Document, "querySelector" | "querySelectorAll">, titles: readonly (string | null)[]): string | null {
  const headline = findHeadline(document, titles);
  if (!headline) return null;
  let lineBefore: string | null = null;
  let afterHeadline = false;
  const seen = new Set<string>();
  for (const element of document.querySelectorAll(BLOCKS)) {
    // Document order; the headline is one of BLOCKS, so passing it marks where its lines begin.
    if (element === headline) {
      afterHeadline = true;
      continue;
    }
    if (headline.contains(element)) continue;
    // Leaf blocks only (a container's text runs on into the article); a link alone is a menu entry.
    if (element.querySelector("p, div, li, h1, h2, h3, h4, h5, h6") || element.closest(NOT_A_STAMP) || isLinkOnly(element)) continue;
    const line = normalize(element.textContent);
    if (!line) continue;
    if (!afterHeadline) {
      lineBefore = line;
      continue;
    }
    if (seen.size === 0 && lineBefore && isOnlyADate(lineBefore)) return dateInStampLine(lineBefore);
    if (roughWords(line) > MAX_STAMP_LINE_WORDS) return null;
    const date = dateInStampLine(line);
    if (date) return date;
    // A share bar prints its labels twice (icon and text); each line counts once.
    seen.add(line);
    if (seen.size >= MAX_LINES_AFTER_HEADLINE) return null;
  }
  return null;
}

function isLinkOnly(element: Element): boolean {
  const links = [...element.querySelectorAll("a")].map((link) => normalize(link.textContent)).join(" ");
  return links.length > 0 && links.length >= normalize(element.textContent).length;
}

function isOnlyADate(line: string): boolean {
  const date = dateInStampLine(line);
  return date !== null && line.length <= date.length + 12;
}
