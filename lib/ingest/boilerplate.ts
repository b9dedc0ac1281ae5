// Removes page furniture that article readers let through inside the body: short lines that are
// ad labels, share/follow prompts, newsletter pitches, "read more"/"related" teasers and image credits.
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
  /^(photo|image|picture|illustration|video|graphic)s?( credit)?\s*:/i,
  /^\(?(photo|image|picture)s?\s+(by|courtesy( of)?|credit)\b/i,
  /^click here\b/i,
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
  const text = line.replace(/\s+/g, " ").trim();
  if (!text) return false;
  if (countWords(text) > MAX_FURNITURE_WORDS) return false;
  return FURNITURE_LINES.some((pattern) => pattern.test(text)) || (TRAILING_CREDIT.test(text) && countWords(text) <= 8);
}

// Blocks only: an inline "Facebook" or "Email" inside a sentence is text, not a share button.
const LINE_ELEMENTS = "p, li, h2, h3, h4, h5, h6, figcaption, div, aside, section, header, footer, dd, dt";

/** The article HTML without its furniture lines; elements holding any other text stay untouched. */
export function stripBoilerplate(html: string): string {
  const { document } = parseHTML(`<!DOCTYPE html><html><body><div id="article-root">${html}</div></body></html>`);
  const root = document.getElementById("article-root");
  if (!root) return html;
  // Outermost first: once a furniture block is gone, its inner lines need no separate look.
  for (const element of [...root.querySelectorAll(LINE_ELEMENTS)]) {
    if (!element.isConnected) continue;
    if (isBoilerplateLine(element.textContent ?? "")) {
      const list = element.parentElement;
      element.remove();
      if (list && /^(UL|OL)$/.test(list.tagName) && !list.textContent?.trim()) list.remove();
    }
  }
  return root.innerHTML;
}
