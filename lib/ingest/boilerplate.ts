// Removes page furniture that article readers let through inside the body: short lines that are
// ad labels, share/follow prompts, newsletter pitches, "read more"/"related" teasers, image credits,
// caption toggles, pagers and counters (no letters at all), and short lines a gallery repeats.
import { parseHTML } from "linkedom";

// A line of furniture is short; a real sentence that happens to start with "Related" is not.
const MAX_FURNITURE_WORDS = 14;

const FURNITURE_LINES: readonly RegExp[] = [
  /^(advertisement|advertising|sponsored( content)?|ad|anzeige|publicité|publicidad)$/i,
  /^(advertisement\s*[-–—:]?\s*)?(the )?(story|article|content) continues (below|after)/i,
  /^(scroll|continue reading)( down)?( to continue| below| the main story)?$/i,
  /^share( this( article| story| post)?)?( on| via| with)?\b/i,
  /^(tweet|email|print|pin|whatsapp|linkedin|facebook|twitter|reddit)( this)?( (article|story|link))?$/i,
  /^(follow|like) (us|me|@\w+)\b/i,
  /^(sign up|subscribe|register)\b.*\b(newsletter|inbox|emails?|updates|free)\b/i,
  /\b(newsletter|inbox)\b.*\b(sign up|subscribe)\b/i,
  /^(related|read more|more from|more on this|recommended|you may also like|don't miss|see also|most (read|popular|viewed))\b/i,
  /^(around the web|powered by \w+|sponsored (links|stories)|promoted (links|stories)|trending( now)?)$/i,
  /^(photo|image|picture|illustration|video|graphic)s?( credit)?\s*:/i,
  /^\(?(photo|image|picture)s?\s+(by|courtesy( of)?|credit)\b/i,
  /^click here\b/i,
  /^(hide|show|expand|collapse|close|open|view) (caption|captions|gallery|all|more|image|photos?)$/i,
  /^(copyright|©)\s/i,
  /^all rights reserved\.?$/i,
];

// Credits trail image captions: "… (Getty Images)", "… | AP Photo/Jane Doe".
const TRAILING_CREDIT = /[(|/–—-]\s*(getty images|ap photo|reuters|afp|shutterstock|istock|epa)\b[^()]*\)?\s*$/i;

function countWords(value: string): number {
  return value.split(/\s+/).filter(Boolean).length;
}

/** True when a line of body text is page furniture rather than article text. */
export function isBoilerplateLine(line: string): boolean {
  const text = normalizeLine(line);
  if (!text) return false;
  if (countWords(text) > MAX_FURNITURE_WORDS) return false;
  // A pager ("<< 1 2 3 >>") or a share counter ("5,263") has no letters at all.
  if (!/\p{L}/u.test(text)) return true;
  return FURNITURE_LINES.some((pattern) => pattern.test(text)) || (TRAILING_CREDIT.test(text) && countWords(text) <= 8);
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

/** The article HTML without its furniture lines; elements holding any other text stay untouched. */
export function stripBoilerplate(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body><div id="article-root">${html}</div></body></html>`);
  const root = document.getElementById("article-root");
  if (!root) return html;
  const lineCounts = new Map<string, number>();
  for (const element of root.querySelectorAll(LINE_ELEMENTS)) {
    if (element.querySelector(LINE_ELEMENTS)) continue;
    const line = normalizeLine(element.textContent);
    const words = countWords(line);
    if (words >= MIN_REPEATED_LINE_WORDS && words <= MAX_FURNITURE_WORDS) lineCounts.set(line, (lineCounts.get(line) ?? 0) + 1);
  }
  const isRepeatedLine = (text: string | null) => (lineCounts.get(normalizeLine(text)) ?? 0) >= REPEATED_LINE_COUNT;
  // Outermost first: once a furniture block is gone, its inner lines need no separate look.
  for (const element of [...root.querySelectorAll(LINE_ELEMENTS)]) {
    if (!element.isConnected) continue;
    if (isBoilerplateLine(element.textContent ?? "") || isRepeatedLine(element.textContent)) {
      const list = element.parentElement;
      element.remove();
      if (list && /^(UL|OL)$/.test(list.tagName) && !list.textContent?.trim()) list.remove();
    }
  }
  return root.innerHTML;
}
