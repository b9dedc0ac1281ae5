// Splits a paste into documents (articles, comments) by its headline lines and forum signatures,
// finds each one's title, outlet and author, and sets site chrome apart so no statement comes from it.
import { KNOWN_OUTLETS } from "./lexicon";
import type { TDocumentKind, TSpan } from "./types";

export type TLineKind = "blank" | "chrome" | "headline" | "body";

export interface TLine {
  start: number;
  end: number;
  kind: TLineKind;
  /** For headline lines (and "Breaking News: …" chrome): the title text and where it sits. */
  title?: { text: string; start: number; end: number };
  outlet?: string;
  author?: string;
}

export interface TSegment {
  span: TSpan;
  kind: TDocumentKind;
  title: string | null;
  outlet: string | null;
  author: string | null;
  /** Body paragraphs: the only places statements may come from. */
  paragraphs: TSpan[];
  /** True when the kind was inferred from the paste's shape (a forum remainder), not stated. */
  signed: boolean;
  /** Wire datelines ("BRUSSELS, May 4 (Reuters) -") opening paragraphs: kept out of paragraphs and countries. */
  datelines: TSpan[];
}

// A wire dateline: an upper-case place (maybe "CITY, Country" or "CITY/CITY"), an optional date and
// agency, then a dash. It says where the story was filed, not who or what it is about.
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?";
const DATELINE = new RegExp(
  `^\\p{Lu}[\\p{Lu}.'’ -]{1,30}(?:/\\p{Lu}[\\p{Lu}.'’ -]{1,30})*` +
    `(?:,\\s*\\p{Lu}[\\p{L}.]+(?:\\s\\p{Lu}[\\p{L}.]+)?)?(?:,?\\s*${MONTH}\\s+\\d{1,2})?` +
    `\\s*(?:\\([^()\\n]{1,40}\\))?\\s*(?:[-–—]{1,2}|:)\\s+`,
  "u",
);

/** Length of the dateline opening `paragraph`, or 0. */
export function datelineLength(paragraph: string): number {
  const m = DATELINE.exec(paragraph.slice(0, 120));
  // At least one all-capital word of three letters: "BRUSSELS", not "Brussels -" or "A -".
  if (!m || !/\p{Lu}{3,}/u.test(m[0])) return 0;
  return m[0].length;
}

const MAX_LINE_SCAN = 2000;

const CHROME_EXACT =
  /^(?:news|latest|advertisement|sponsored|skip to (?:main )?content|menu|search|subscribe|sign in|log in|login|sign up|register|share|share this(?: article| story| page)?|copy link|link copied|read more|related|related articles|most read|trending|close|accept|accept all|reject all|got it|ok|print|email|comments?|show comments|load more|see more|click to expand\.*|reply|quote|report|like|view (?:all|more)|home|world|politics|business|opinion|sport|sports|video|videos|live|watch|listen|\d+ ?min(?:ute)?s? read|listen to this article.*|photo|image)$/i;
const CHROME_SOCIAL = /^(?:(?:facebook|twitter|x|email|whatsapp|linkedin|reddit|telegram|print|copy(?: link)?|share|pinterest|flipboard|messenger)[\s|·•,/]*){2,}$/i;
const CHROME_COOKIE = /\b(?:cookies?|privacy policy|terms of (?:use|service)|consent|personali[sz]ed ads)\b/i;
const CHROME_COOKIE_VERB = /\b(?:agree|accept|we use|by using|by continuing|manage (?:settings|preferences)|you consent)\b/i;
const BREAKING =
  /^(?:breaking(?: news)?|developing|just in|update|live)\s*[:|–—-]\s*(.+?)(?:\s*(?:…|\.{2,}|…\.+)+\s*(?:see|read|show) more)?\s*$/i;
const SEE_MORE_TAIL = /(?:…|\.{2,})+\s*(?:see|read|show) more\s*$/i;
const SIGNATURE =
  /^(?:last edited by|edited by|posted by|written by|submitted by|comment by)\s+([\p{L}\p{N}_.\-]+(?:\s[\p{L}\p{N}_.\-]+){0,2}?)(?:\s*[-–—,:;|•·]\s*.*|\s+(?:on|at)\s+.*)?$/iu;
const BYLINE = /^by\s+(\p{Lu}[\p{L}.’'-]+(?:\s+(?:\p{Lu}[\p{L}.’'-]+))+)(?:\s*(?:,|and|&|\|).*)?$/u;
const TIMESTAMP = /^(?:updated|published|posted|first published|last updated)\b.{0,80}\d/i;
const HEADLINE_OUTLET = /^(.{8,}?)\s+[|]\s+([\p{L}\p{N}][\p{L}\p{N} .&'’-]{0,40})$/u;
const HEADLINE_DASH_OUTLET = /^(.{8,}?)\s+[-–—]\s+([\p{L}\p{N}][\p{L}\p{N} .&'’-]{0,40})$/u;
const SMALL_WORDS = /^(?:a|an|the|and|or|but|of|on|in|at|to|for|with|as|by|from|vs\.?|over|into|after|amid|says|is|are)$/;

function isTitleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((w) => /\p{L}/u.test(w));
  if (words.length < 3 || words.length > 25) return false;
  let caps = 0;
  let counted = 0;
  for (const w of words) {
    const bare = w.replace(/^[^\p{L}\p{N}]+/u, "");
    if (SMALL_WORDS.test(bare.toLowerCase())) continue;
    counted += 1;
    if (/^[\p{Lu}\p{N}]/u.test(bare)) caps += 1;
  }
  return counted > 0 && caps / counted >= 0.75;
}

/** A line that reads like a headline: short, no closing full stop, mostly capitalized words. */
function looksLikeHeadline(trimmed: string, strict: boolean): boolean {
  if (trimmed.length > 200 || trimmed.length < 12) return false;
  if (/[.,;:]$/.test(trimmed) && !/\.\.\.$/.test(trimmed)) return false;
  if (/^["“«'‘]/.test(trimmed)) return false;
  // A line in brackets is an aside ("(Subscribe to our podcast.)", "(Updated with …)"), never a title.
  if (/^[([].*[)\]]$/.test(trimmed)) return false;
  const words = trimmed.split(/\s+/).length;
  if (words < 3 || words > 25) return false;
  if (isTitleCase(trimmed)) return true;
  return !strict && words <= 18 && /^\p{Lu}/u.test(trimmed) && !/[.!?]["”’]?\s/.test(trimmed);
}

function classifyLine(text: string, start: number, end: number): TLine {
  const raw = text.slice(start, Math.min(end, start + MAX_LINE_SCAN));
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  const tStart = start + lead;
  if (trimmed.length === 0) return { start, end, kind: "blank" };
  if (end - start > MAX_LINE_SCAN) return { start, end, kind: "body" };
  if (CHROME_EXACT.test(trimmed) || CHROME_SOCIAL.test(trimmed) || TIMESTAMP.test(trimmed)) {
    return { start, end, kind: "chrome" };
  }
  if (trimmed.length < 400 && CHROME_COOKIE.test(trimmed) && CHROME_COOKIE_VERB.test(trimmed)) {
    return { start, end, kind: "chrome" };
  }
  const breaking = BREAKING.exec(trimmed);
  if (breaking?.[1]) {
    const t = breaking[1].replace(/[\s.…]+$/u, "");
    const at = text.indexOf(t, tStart);
    return { start, end, kind: "chrome", title: { text: t, start: at, end: at + t.length } };
  }
  if (SEE_MORE_TAIL.test(trimmed)) return { start, end, kind: "chrome" };
  const sig = SIGNATURE.exec(trimmed);
  if (sig?.[1]) return { start, end, kind: "chrome", author: sig[1] };
  const byline = trimmed.length < 120 ? BYLINE.exec(trimmed) : null;
  if (byline?.[1]) return { start, end, kind: "chrome", author: byline[1] };

  const short = trimmed.length <= 260;
  const withOutlet = short && trimmed.includes(" | ") ? HEADLINE_OUTLET.exec(trimmed) : null;
  const dashOutlet = withOutlet || !short || !/ [-–—] /.test(trimmed) ? null : HEADLINE_DASH_OUTLET.exec(trimmed);
  const outletMatch =
    withOutlet ?? (dashOutlet?.[2] && KNOWN_OUTLETS.has(dashOutlet[2].trim()) ? dashOutlet : null);
  if (outletMatch?.[1] && outletMatch[2] && looksLikeHeadline(outletMatch[1], false)) {
    const t = outletMatch[1].trim();
    return {
      start,
      end,
      kind: "headline",
      title: { text: t, start: tStart, end: tStart + t.length },
      outlet: outletMatch[2].trim(),
    };
  }
  if (looksLikeHeadline(trimmed, true)) {
    return { start, end, kind: "headline", title: { text: trimmed, start: tStart, end: tStart + trimmed.length } };
  }
  return { start, end, kind: "body" };
}

// "1", "2.", "#3": the number of a list article's item, on a line of its own or opening its heading.
const LIST_NUMBER = /^#?\d{1,3}[.)]?$/;
const NUMBERED_HEADING = /^#?\d{1,3}[.)]\s+\S/;

/**
 * A headline after a list number, or opening with one, heads an item of one list article ("17 things
 * they said": "1" / "John Doe On Why …"; "2. STRONG AFTERSHOCK RATTLES …"), not a new article: it is
 * a subhead, so chrome.
 */
function markListItemHeadings(text: string, lines: TLine[]): void {
  let previous: TLine | null = null;
  for (const line of lines) {
    if (line.kind === "blank") continue;
    const numbered =
      NUMBERED_HEADING.test(text.slice(line.start, line.end).trim()) ||
      (previous !== null && LIST_NUMBER.test(text.slice(previous.start, previous.end).trim()));
    if (line.kind === "headline" && numbered) {
      line.kind = "chrome";
      delete line.title;
    }
    previous = line;
  }
}

/** Every line of the text with its kind. A first line without full stop counts as a headline. */
export function classifyLines(text: string): TLine[] {
  const lines: TLine[] = [];
  let pos = 0;
  while (pos <= text.length) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1) nl = text.length;
    const end = nl > pos && text[nl - 1] === "\r" ? nl - 1 : nl;
    lines.push(classifyLine(text, pos, end));
    pos = nl + 1;
  }
  markListItemHeadings(text, lines);
  const first = lines.find((l) => l.kind !== "blank" && l.kind !== "chrome");
  if (first && first.kind === "body") {
    const trimmed = text.slice(first.start, first.end).trim();
    const next = lines[lines.indexOf(first) + 1];
    if (looksLikeHeadline(trimmed, false) && next !== undefined) {
      const lead = text.slice(first.start, first.end).search(/\S/);
      const s = first.start + lead;
      first.kind = "headline";
      first.title = { text: trimmed, start: s, end: s + trimmed.length };
    }
  }
  return lines;
}

interface TDraft {
  lines: TLine[];
  title: TLine | null;
  breakingTitle: TLine | null;
  author: string | null;
}

function newDraft(): TDraft {
  return { lines: [], title: null, breakingTitle: null, author: null };
}

/**
 * Documents of a paste. A headline that opens the paste opens each document; a paste that opens
 * with body text (a forum post quoting articles) closes each quoted piece with its headline line,
 * and what follows the last one is the poster's own comment.
 */
export function segmentDocuments(text: string, options: { oneArticle?: boolean } = {}): TSegment[] {
  const lines = classifyLines(text);
  if (options.oneArticle) {
    const article = segmentOf(text, oneArticleDraft(lines), "article", false);
    return article ? [article] : [];
  }
  const firstContent = lines.find((l) => l.kind === "headline" || l.kind === "body");
  const breakingFirst = lines.some((l) => l.title && l.kind === "chrome" && (!firstContent || l.start < firstContent.start));
  const leading = breakingFirst || firstContent?.kind === "headline";

  const drafts: TDraft[] = [];
  let cur = newDraft();
  const flush = (): void => {
    if (cur.lines.some((l) => l.kind !== "blank")) drafts.push(cur);
    cur = newDraft();
  };
  for (const line of lines) {
    if (line.kind === "headline") {
      if (leading) {
        if (cur.lines.some((l) => l.kind === "body")) flush();
        cur.lines.push(line);
        cur.title ??= line;
      } else {
        cur.lines.push(line);
        cur.title = line;
        flush();
      }
      continue;
    }
    cur.lines.push(line);
    if (line.kind === "chrome" && line.title && !cur.breakingTitle) cur.breakingTitle = line;
    if (line.author !== undefined && line.kind === "chrome") {
      const isSignature = !BYLINE.test(text.slice(line.start, line.end).trim());
      cur.author = line.author;
      if (isSignature) flush();
    }
  }
  flush();
  // Leading chrome alone (a cookie banner) joins the first real document.
  const merged: TDraft[] = [];
  for (const d of drafts) {
    const prev = merged[merged.length - 1];
    const hasContent = d.lines.some((l) => l.kind === "body" || l.kind === "headline");
    if (!hasContent && prev) prev.lines.push(...d.lines);
    else if (!hasContent && !prev) merged.push(d);
    else if (prev && !prev.lines.some((l) => l.kind === "body" || l.kind === "headline")) {
      d.lines.unshift(...prev.lines);
      d.breakingTitle ??= prev.breakingTitle;
      merged[merged.length - 1] = d;
    } else merged.push(d);
  }

  const segments: TSegment[] = [];
  merged.forEach((d, index) => {
    const signature = d.author !== null && d.lines.some((l) => l.author && !BYLINE.test(text.slice(l.start, l.end).trim()));
    const forumRemainder = !leading && index > 0 && d.title === null;
    const kind: TDocumentKind = signature || forumRemainder ? "comment" : (d.title ?? d.breakingTitle) ? "article" : "unknown";
    const segment = segmentOf(text, d, kind, signature);
    if (segment) segments.push(segment);
  });
  return segments;
}

/**
 * A text known to be one article (a page's main text, a feed item): every line in one document. Its
 * headline-like lines (subheads, photo credits, "Analysis: …" boxes) are headings inside it, not the
 * start of another document, and a sign-off line does not make what precedes it a comment.
 */
function oneArticleDraft(lines: readonly TLine[]): TDraft {
  const firstBody = lines.find((l) => l.kind === "body");
  const opening = lines.find((l) => l.kind === "headline");
  const title = opening && (!firstBody || opening.start < firstBody.start) ? opening : null;
  const byline = lines.find((l) => l.kind === "chrome" && l.author !== undefined);
  return { lines: [...lines], title, breakingTitle: null, author: byline?.author ?? null };
}

function segmentOf(text: string, d: TDraft, kind: TDocumentKind, signed: boolean): TSegment | null {
  const datelines: TSpan[] = [];
  // The span is the document's own text: banners and signatures around it stay outside.
  const content = d.lines.filter((l) => l.kind === "body" || l.kind === "headline");
  const nonBlank = content.length > 0 ? content : d.lines.filter((l) => l.kind !== "blank");
  const firstLine = nonBlank[0];
  const lastLine = nonBlank[nonBlank.length - 1];
  if (!firstLine || !lastLine) return null;
  const titleLine = d.title ?? d.breakingTitle;
  const firstStart = firstLine.start + Math.max(0, text.slice(firstLine.start, firstLine.end).search(/\S/));
  const lastEnd = lastLine.start + text.slice(lastLine.start, lastLine.end).trimEnd().length;
  return {
    span: { start: firstStart, end: lastEnd },
    kind,
    title: kind === "comment" ? null : (titleLine?.title?.text ?? null),
    outlet: d.title?.outlet ?? null,
    author: d.author,
    paragraphs: d.lines
      .filter((l) => l.kind === "body")
      .map((l) => {
        const raw = text.slice(l.start, l.end);
        const lead = raw.length - raw.trimStart().length;
        const start = l.start + lead;
        const dateline = datelineLength(raw.slice(lead));
        if (dateline > 0) datelines.push({ start, end: start + dateline });
        return { start: start + dateline, end: l.start + raw.trimEnd().length };
      }),
    signed,
    datelines,
  };
}
