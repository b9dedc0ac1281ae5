// Chooses an article's body among what the page offers: Readability's pick, the publisher's JSON-LD
// `articleBody`, the page's `[itemprop=articleBody]` container, and its densest block of paragraphs.
// Each is checked against the others, so one reader's bad guess does not become the article.
import { parseHTML } from "linkedom";
import { holdsProse } from "@/lib/ingest/prose-sentence";
import { htmlToText } from "@/lib/ingest/sanitize-html";
import { countTextWords, tokenizeText } from "@/lib/ingest/text-tokens";

// Below this, a candidate is an article only when it holds a sentence of prose (prose-sentence.ts):
// a one-paragraph statement is news, a menu, a teaser label or "Test" is not.
export const MIN_ARTICLE_WORDS = 25;

// Texts are compared by word pairs, which two unrelated texts in one language rarely share (single
// words like "the" they always do). Readability's pick holding this share of the JSON-LD body's pairs
// has the body; the two are the same story when either holds most of the other's pairs.
const SAME_TEXT_SHARE = 0.8;
const SAME_STORY_SHARE = 0.6;
// A paragraph of Readability's pick whose words are mostly absent from a complete JSON-LD body is
// furniture the reader let in (a caption, a "related" box); complete = at least this share of the pick.
const COMPLETE_BODY_SHARE = 0.7;
const OFF_BODY_PARAGRAPH_SHARE = 0.3;
// A page block with this many times the words of Readability's pick means the reader chose a side
// block (a print footer, a comment); only looked for when the pick is short, since parsing costs time.
const DENSER_BLOCK_FACTOR = 4;
const SHORT_PICK_WORDS = 250;

export type TArticleBodySource = "readability" | "json-ld" | "readability+json-ld" | "container" | "dense-block";
export type TArticleBody = { html: string; source: TArticleBodySource };

export type TArticleBodyInput = {
  /** Readability's article HTML, or null when it found none. */
  readabilityHtml: string | null;
  /** The page's JSON-LD `articleBody`, or null. */
  jsonLdBody: string | null;
  /** The whole page, for the fallbacks. */
  pageHtml: string;
};

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** JSON-LD bodies come as plain text (paragraphs split by blank lines or single newlines) or as HTML. */
function jsonLdBodyHtml(body: string): string {
  if (/<\/?(p|br|div)\b/i.test(body)) return body;
  const separator = /\n\s*\n/.test(body) ? /\n\s*\n/ : /\n/;
  return body
    .split(separator)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join("");
}

function wordPairs(tokens: readonly string[]): string[] {
  return tokens.slice(1).map((token, i) => `${tokens[i]} ${token}`);
}

/** Share of `part`'s word pairs (as a multiset) that also occur in `whole`. */
function pairShare(part: readonly string[], whole: readonly string[]): number {
  const partPairs = wordPairs(part);
  if (partPairs.length === 0) return 0;
  const available = new Map<string, number>();
  for (const pair of wordPairs(whole)) available.set(pair, (available.get(pair) ?? 0) + 1);
  let shared = 0;
  for (const pair of partPairs) {
    const left = available.get(pair) ?? 0;
    if (left > 0) {
      shared += 1;
      available.set(pair, left - 1);
    }
  }
  return shared / partPairs.length;
}

const TEXT_BLOCKS = "p, li, h1, h2, h3, h4, h5, h6, figcaption, blockquote, pre, td, dd, dt";

/** Readability's pick without the paragraphs that a complete JSON-LD body does not contain. */
function dropParagraphsOffBody(html: string, bodyTokens: readonly string[]): string {
  const vocabulary = new Set(bodyTokens);
  const { document } = parseHTML(`<!DOCTYPE html><html><body><div id="article-root">${html}</div></body></html>`);
  const root = document.getElementById("article-root");
  if (!root) return html;
  for (const block of [...root.querySelectorAll(TEXT_BLOCKS)]) {
    if (!block.isConnected || block.querySelector(TEXT_BLOCKS)) continue;
    const tokens = tokenizeText(block.textContent ?? "");
    // Short lines (a dateline, a subhead) carry too few words to judge.
    if (tokens.length < 4) continue;
    const inBody = tokens.filter((token) => vocabulary.has(token)).length / tokens.length;
    if (inBody < OFF_BODY_PARAGRAPH_SHARE) block.remove();
  }
  return root.innerHTML;
}

type TBlock = { html: string; words: number };

const NON_CONTENT = "script, style, noscript, template, nav, header, footer, aside, form, iframe, svg, button, select";
const PARAGRAPHS = ":scope > p, :scope > h2, :scope > h3, :scope > h4, :scope > blockquote, :scope > ul, :scope > ol, :scope > pre";

function linkDensity(element: Element): number {
  const all = (element.textContent ?? "").length;
  if (all === 0) return 1;
  let linked = 0;
  for (const link of element.querySelectorAll("a")) linked += (link.textContent ?? "").length;
  return linked / all;
}

/** The paragraphs directly under `element` that read as text rather than link lists. */
function paragraphsOf(element: Element): TBlock {
  const kept = [...element.querySelectorAll(PARAGRAPHS)].filter((child) => linkDensity(child) < 0.5);
  const html = kept.map((child) => child.outerHTML).join("");
  return { html, words: kept.reduce((sum, child) => sum + countTextWords(child.textContent ?? ""), 0) };
}

/**
 * The page's own article container (`[itemprop=articleBody]`) when it holds text, else the element
 * whose direct paragraphs hold the most words — the classic text-density fallback.
 */
function findPageBlock(pageHtml: string): (TBlock & { source: "container" | "dense-block" }) | null {
  const { document } = parseHTML(pageHtml);
  for (const element of [...document.querySelectorAll(NON_CONTENT)]) element.remove();
  const container = document.querySelector('[itemprop="articleBody"]');
  if (container) {
    const block = paragraphsOf(container);
    const words = countTextWords(container.textContent ?? "");
    if (block.words >= MIN_ARTICLE_WORDS) return { ...block, source: "container" };
    if (words >= MIN_ARTICLE_WORDS) return { html: container.innerHTML, words, source: "container" };
  }
  let best: TBlock | null = null;
  const parents = new Set<Element>();
  for (const paragraph of document.querySelectorAll("p")) if (paragraph.parentElement) parents.add(paragraph.parentElement);
  for (const parent of parents) {
    const block = paragraphsOf(parent);
    if (!best || block.words > best.words) best = block;
  }
  return best && best.words > 0 ? { ...best, source: "dense-block" } : null;
}

/** The article body's HTML (unsanitized) and where it came from, or null when the page has no article text. */
export function chooseArticleBody({ readabilityHtml, jsonLdBody, pageHtml }: TArticleBodyInput): TArticleBody | null {
  const pickTokens = readabilityHtml ? tokenizeText(htmlToText(readabilityHtml)) : [];
  const bodyHtml = jsonLdBody ? jsonLdBodyHtml(jsonLdBody) : null;
  const bodyTokens = bodyHtml ? tokenizeText(htmlToText(bodyHtml)) : [];
  const hasBody = bodyHtml !== null && bodyTokens.length >= MIN_ARTICLE_WORDS;

  if (readabilityHtml && pickTokens.length >= MIN_ARTICLE_WORDS) {
    if (hasBody) {
      const bodyInPick = pairShare(bodyTokens, pickTokens);
      const sameStory = bodyInPick >= SAME_STORY_SHARE || pairShare(pickTokens, bodyTokens) >= SAME_STORY_SHARE;
      // Readability missed a good part of what the publisher calls the body (a teaser shown, the
      // rest loaded by script; a body split by a widget): take the body.
      if (sameStory && bodyInPick < SAME_TEXT_SHARE) return { html: bodyHtml, source: "json-ld" };
      const complete = bodyInPick >= SAME_TEXT_SHARE && bodyTokens.length >= COMPLETE_BODY_SHARE * pickTokens.length;
      if (complete && !/(…|\.\.\.)\s*$/.test(jsonLdBody ?? "")) {
        return { html: dropParagraphsOffBody(readabilityHtml, bodyTokens), source: "readability+json-ld" };
      }
    }
    if (pickTokens.length < SHORT_PICK_WORDS) {
      const block = findPageBlock(pageHtml);
      if (block && block.words >= DENSER_BLOCK_FACTOR * pickTokens.length) return { html: block.html, source: block.source };
    }
    return { html: readabilityHtml, source: "readability" };
  }
  if (hasBody) return { html: bodyHtml, source: "json-ld" };
  const block = findPageBlock(pageHtml);
  if (block && block.words >= MIN_ARTICLE_WORDS) return { html: block.html, source: block.source };
  // A short page: the first candidate, in the same order of trust, that says something in a sentence.
  const shortCandidates: TArticleBody[] = [
    ...(readabilityHtml ? [{ html: readabilityHtml, source: "readability" as const }] : []),
    ...(bodyHtml ? [{ html: bodyHtml, source: "json-ld" as const }] : []),
    ...(block ? [{ html: block.html, source: block.source }] : []),
  ];
  return shortCandidates.find((candidate) => holdsProse(candidate.html)) ?? null;
}
