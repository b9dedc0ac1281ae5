// Pages that answer with something other than the article: a bot check ("Just a moment… Checking your
// browser") or an error page. Their few words must not be stored as news.

// Markers of the browser checks CDNs put in front of sites (Cloudflare, DDoS-Guard, Sucuri and the like).
const CHALLENGE_MARKUP = /cf-browser-verification|challenge-platform|_cf_chl_opt|id=["']challenge-(?:form|running)["']|ddos-guard|sucuri-firewall/i;
const CHALLENGE_TEXT = /checking (?:your browser|if the site connection is secure)|enable javascript and cookies to continue|verify(?:ing)? you are (?:a )?human|please complete the security check/i;
const CHALLENGE_TITLE = /^(?:just a moment|attention required|please wait|one more step|checking your browser|security check|ddos protection)\b/i;
const ERROR_TITLE =
  /^(?:error\b|(?:40[0-9]|41[0-9]|50[0-9])\b|(?:page|article|story|content) (?:not found|unavailable)|not found\b|access denied|forbidden|service unavailable|internal server error|bad gateway|gateway time-?out)|\b(?:40[34]|50[023])(?: error)?\s*[-–—:|]?\s*(?:page )?(?:not found|forbidden|error)/i;
// Bot checks and error pages carry a message and links, not an article's length of text.
const ERROR_PAGE_MAX_WORDS = 150;

export type TPageSigns = { title: string | null; heading: string | null; html: string; bodyText: string; bodyWords: number };

function quote(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return `“${flat.length > 60 ? `${flat.slice(0, 59)}…` : flat}”`;
}

/** Why the page is not an article (one line), or null when it may be one. */
export function describeNonArticlePage(page: TPageSigns): string | null {
  const title = page.title?.trim() ?? "";
  const heading = page.heading?.trim() ?? "";
  // Only a short page is judged: real articles carry CDN scripts too, and may quote any of these words.
  if (page.bodyWords >= ERROR_PAGE_MAX_WORDS) return null;
  if (CHALLENGE_TITLE.test(title) || CHALLENGE_MARKUP.test(page.html) || CHALLENGE_TEXT.test(page.bodyText)) {
    return `the page is a browser check (${quote(title || heading || "Checking your browser")}), not an article`;
  }
  const errorLine = [title, heading].find((line) => ERROR_TITLE.test(line));
  if (errorLine) return `the page is an error page (${quote(errorLine)}), not an article`;
  return null;
}
