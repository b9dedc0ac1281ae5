// Removes page furniture that article readers let through inside the body: short lines that are ad
// labels, share/follow prompts, newsletter pitches, "read more"/"related" teasers, caption toggles,
// paywall notices, pagers and counters, a bare date stamp or byline, short lines a gallery repeats,
// and the longer comment-section rules, tag lists and previous/next-story links. Image credits stay:
// both public references the reader is measured on (Readability's output and newspaper's) count a
// caption's "Photo: …/Getty Images" as article text.
import { parseHTML } from "linkedom";
import { countTextWords } from "@/lib/ingest/text-tokens";

// A line of furniture is short; a real sentence that happens to start with "Related" is not. Words are
// counted as the reader counts them (one per character in Chinese and Japanese), so a paragraph
// written without spaces is never taken for a short line.
const MAX_FURNITURE_WORDS = 14;

// The label of a list of other stories: "Related:" or "Related stories" (not a sentence such as
// "Related to this, …"), "More from …:", "Read more", "You may also like".
const STORY_LIST_LABEL =
  /^(related(\s*:|\s+(stories|articles|content|coverage|links|posts|searches|videos?|reading|topics|news)\b|$)|(read more|more from|more on this|recommended|you may also like|don't miss|most (read|popular|viewed))\b)/i;

const FURNITURE_LINES: readonly RegExp[] = [
  /^(advertisement|advertising|sponsored( content)?|ad|anzeige|publicité|publicidad)$/i,
  /^(advertisement\s*[-–—:]?\s*)?(the )?(story|article|content) continues (below|after)/i,
  /^(scroll|continue reading)( down)?( to continue| below| the main story)?$/i,
  /^share( this( article| story| post)?)?( on| via| with)?\b/i,
  /^(tweet|email|print|pin|whatsapp|linkedin|facebook|twitter|reddit)( this)?( (article|story|link))?$/i,
  /^(follow|like) (us|me|@\w+)\b/i,
  /^(sign up|subscribe|register)\b.*\b(newsletter|inbox|emails?|updates|free)\b/i,
  /\b(newsletter|inbox)\b.*\b(sign up|subscribe)\b/i,
  STORY_LIST_LABEL,
  /^see also\b/i,
  /^(around the web|powered by \w+|sponsored (links|stories)|promoted (links|stories)|trending( now)?)$/i,
  /^click here\b/i,
  /^(hide|show|expand|collapse|close|open|view) (caption|captions|gallery|all|more|image|photos?)$/i,
  /^(copyright|©)\s/i,
  /^all rights reserved\.?$/i,
  /\b(delivered )?(to|in) your inbox\b/i,
  /^(limited[- ]time offer\b|subscribe (now|today)\b)/i,
  /^((prev(ious)?|next)( (page|slide|photo|image|article|story|post))?\s*){1,2}$/i,
  // A slide counter ("1 of 10"); with a slash it has no letters and is caught below.
  /^\d+\s+of\s+\d+$/i,
  /^(this (article|story|content) is (only )?(for|available to) (subscribers|members)|(subscribe|log in|sign in) to (continue|keep) reading|already a (subscriber|member)\b)/i,
  // A media player's instructions and a site footer's legal links.
  /^press (the )?space ?bar to (play|pause)\b/i,
  /^(your california privacy rights|ad ?choices|privacy policy|terms (of use|of service|and conditions)|cookie (policy|settings))$/i,
];

// Japanese paywall notices say "members only" (会員限定); measured in characters, as Japanese has no spaces.
const JAPANESE_PAYWALL_NOTICE = /会員限定/;
const MAX_NOTICE_CHARACTERS = 50;

// Furniture that runs longer than a short line but is still no part of the story: the rules above a
// comment section, and the previous/next-story links at its foot ("← Older story … Newer story →").
const MAX_LONG_FURNITURE_WORDS = 80;
// A link to the previous or next story, pointed by an arrow.
const STORY_ARROW_LINK = /^(←|⟵)\s|\s(→|⟶)$/;
const LONG_FURNITURE_LINES: readonly RegExp[] = [
  /^(to (post|leave|add|write) a comment\b|comments? (are|is|will be) (subject to|moderated|closed|reviewed)\b|(log|sign) in to (comment|post a comment)\b|(join|read) the (conversation|discussion)\b|leave a (comment|reply)\b|(show|view|hide) (all )?\d* ?comments\b)/i,
  /^\d+ comments?$/i,
  // A site's legal footer: "© 2014 Publisher. All rights reserved. Use of this site constitutes …".
  /^(©|copyright\b).{0,80}\ball rights reserved/i,
  /^(use of this (site|website) constitutes acceptance|the material on this (site|website) may not be reproduced)\b/i,
  // A trailing list of tags or sections.
  /^(tags|topics|filed under|categories|more about)\s*:/i,
  STORY_ARROW_LINK,
];

// A byline on its own line: "By Jane Doe", "BY JANE DOE AND JOHN ROE", "By Jane Doe, Staff Writer".
const NAME = "\\p{Lu}[\\p{L}'’.-]*";
const BYLINE = new RegExp(`^(By|BY|by):?\\s+(?!(The|THE|A|An|This|These|Our|Its)\\s)${NAME}(\\s+${NAME}){1,3}((\\s*,\\s*|\\s+(and|AND|&)\\s+)${NAME}(\\s+${NAME}){0,3})*$`, "u");

/** The names of a byline line among the first lines of the text ("Jane Doe and John Roe"), or null. */
export function bylineInText(text: string): string | null {
  const lines = text.split(/\n+/).map(normalizeLine).filter(Boolean).slice(0, 3);
  const line = lines.find((candidate) => BYLINE.test(candidate));
  return line ? line.replace(/^by:?\s+/i, "") : null;
}

const MONTH = "jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|oct(ober)?|nov(ember)?|dec(ember)?";
// Words a date stamp is made of besides its numbers: weekdays, clock and zone marks, "Updated".
const DATE_STAMP_WORDS = new RegExp(
  `\\b(${MONTH}|(mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(day|nesday|urday|sday)?|[ap]\\.?m\\.?|[ecmp][sd]?t|gmt|utc|bst|cet|cest|at|on|published|posted|updated|last|modified|date)\\b`,
  "gi",
);
const HAS_MONTH_NAME = new RegExp(`\\b(${MONTH})\\b`, "i");
const NUMERIC_DATE = /\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/;

/** A line that is only a date stamp ("Dec. 29, 2014, 5:04 PM", "Updated: Friday, August 01, 2014"). */
function isDateStamp(text: string): boolean {
  // With a year or a clock time: a bare "March 4" may head a section of a timeline.
  const stamped = NUMERIC_DATE.test(text) || (HAS_MONTH_NAME.test(text) && /\b(\d{4}|\d{1,2}:\d{2})\b/.test(text));
  if (!stamped) return false;
  return !/\p{L}/u.test(text.replace(DATE_STAMP_WORDS, ""));
}


/** True when a line of body text is page furniture rather than article text. */
export function isBoilerplateLine(line: string): boolean {
  const text = normalizeLine(line);
  if (!text) return false;
  const words = countTextWords(text);
  if (text.length <= MAX_NOTICE_CHARACTERS && JAPANESE_PAYWALL_NOTICE.test(text)) return true;
  if (words <= MAX_LONG_FURNITURE_WORDS && LONG_FURNITURE_LINES.some((pattern) => pattern.test(text))) return true;
  if (words > MAX_FURNITURE_WORDS) return false;
  // A pager ("<< 1 2 3 >>") or a share counter ("5,263") has no letters at all.
  if (!/\p{L}/u.test(text)) return true;
  return FURNITURE_LINES.some((pattern) => pattern.test(text)) || isDateStamp(text) || BYLINE.test(text);
}

// A short line that comes back this often (a gallery's title on every slide) is a label, not text;
// one or two words that recur ("Q:", a speaker's name in a transcript) are kept.
const REPEATED_LINE_COUNT = 3;
const MIN_REPEATED_LINE_WORDS = 3;

function normalizeLine(text: string | null): string {
  return (text ?? "").replace(/\s+/g, " ").trim();
}

// Blocks only: an inline "Facebook" or "Email" inside a sentence is text, not a share button.
const LINE_ELEMENTS = "p, li, h2, h3, h4, h5, h6, figcaption, div, aside, section, header, footer, dd, dt";

/** True when every item of a list is a link and nothing else: headlines of other stories. */
function isListOfLinks(list: Element): boolean {
  const items = [...list.children];
  return (
    items.length > 0 &&
    items.every((item) => {
      const linked = [...item.querySelectorAll("a")].map((link) => normalizeLine(link.textContent)).join(" ");
      return linked.length > 0 && linked.length >= normalizeLine(item.textContent).length;
    })
  );
}

/** "More from …:" followed by a list of story links: the label goes as furniture, the list with it. */
function removeStoryLists(root: Element): void {
  for (const label of [...root.querySelectorAll(LINE_ELEMENTS)]) {
    const text = normalizeLine(label.textContent);
    if (countTextWords(text) > MAX_FURNITURE_WORDS || !STORY_LIST_LABEL.test(text)) continue;
    const list = label.nextElementSibling;
    if (list && /^(UL|OL)$/.test(list.tagName) && isListOfLinks(list)) list.remove();
  }
}

// A breadcrumb trail or section menu the reader let in above the story ("Home / Fashion & Style /
// Perfect Wardrobe"): a run of at least this many lines of at most a few words, none a sentence, with a link.
const MIN_CRUMB_LINES = 3;
const MAX_CRUMB_WORDS = 3;

function isCrumb(line: string): boolean {
  return countTextWords(line) <= MAX_CRUMB_WORDS && !/[.!?:;,"”]$/.test(line);
}

/** Removes the run of crumb lines that opens the article, when prose follows it. */
function removeLeadingCrumbs(root: Element): void {
  const lines = [...root.querySelectorAll(LINE_ELEMENTS)].filter((element) => !element.querySelector(LINE_ELEMENTS) && normalizeLine(element.textContent));
  const firstProse = lines.findIndex((element) => !isCrumb(normalizeLine(element.textContent)));
  const crumbs = lines.slice(0, firstProse);
  // A trail links back up the site; a recipe's opening ingredient list ("2 eggs", "Salt") does not.
  if (crumbs.length < MIN_CRUMB_LINES || !crumbs.some((element) => element.querySelector("a") || element.closest("a"))) return;
  for (const element of crumbs) element.remove();
}

/** The article HTML without its furniture lines; elements holding any other text stay untouched. */
export function stripBoilerplate(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body><div id="article-root">${html}</div></body></html>`);
  const root = document.getElementById("article-root");
  if (!root) return html;
  const lineCounts = new Map<string, number>();
  for (const element of root.querySelectorAll(LINE_ELEMENTS)) {
    if (element.querySelector(LINE_ELEMENTS)) continue;
    const line = normalizeLine(element.textContent);
    const words = countTextWords(line);
    if (words >= MIN_REPEATED_LINE_WORDS && words <= MAX_FURNITURE_WORDS) lineCounts.set(line, (lineCounts.get(line) ?? 0) + 1);
  }
  const isRepeatedLine = (text: string | null) => (lineCounts.get(normalizeLine(text)) ?? 0) >= REPEATED_LINE_COUNT;
  removeStoryLists(root);
  // Outermost first: once a furniture block is gone, its inner lines need no separate look.
  for (const element of [...root.querySelectorAll(LINE_ELEMENTS)]) {
    if (!element.isConnected) continue;
    if (isBoilerplateLine(element.textContent ?? "") || isRepeatedLine(element.textContent)) {
      const list = element.parentElement;
      element.remove();
      if (list && /^(UL|OL)$/.test(list.tagName) && !list.textContent?.trim()) list.remove();
    }
  }
  removeLeadingCrumbs(root);
  // Previous/next links often sit bare in the article's container, outside any block.
  for (const link of [...root.querySelectorAll("a")]) {
    const text = normalizeLine(link.textContent);
    if (STORY_ARROW_LINK.test(text) && countTextWords(text) <= MAX_LONG_FURNITURE_WORDS) link.remove();
  }
  return root.innerHTML;
}
