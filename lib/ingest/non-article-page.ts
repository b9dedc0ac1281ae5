// Pages that answer with something other than the article: a bot check ("Just a moment… Checking your
// browser"), an error page, a sign-in, paywall or cookie wall, an app shell that needs JavaScript.
// Their few words must not be stored as news.

// Markers of the browser checks CDNs put in front of sites (Cloudflare, DDoS-Guard, Sucuri and the like).
const CHALLENGE_MARKUP = /cf-browser-verification|challenge-platform|_cf_chl_opt|id=["']challenge-(?:form|running)["']|ddos-guard|sucuri-firewall/i;
const CHALLENGE_TEXT = /checking (?:your browser|if the site connection is secure)|enable javascript and cookies to continue|verify(?:ing)? you are (?:a )?human|please complete the security check/i;
const CHALLENGE_TITLE = /^(?:just a moment|attention required|please wait|one more step|checking your browser|security check|ddos protection)\b/i;
const ERROR_TITLE =
  /^(?:error\b|(?:40[0-9]|41[0-9]|50[0-9])\b|(?:page|article|story|content) (?:not found|unavailable)|not found\b|access denied|forbidden|service unavailable|internal server error|bad gateway|gateway time-?out)|\b(?:40[34]|50[023])(?: error)?\s*[-–—:|]?\s*(?:page )?(?:not found|forbidden|error)/i;
// Walls in front of the article. A paywall is named before a sign-in page: it offers to log in too.
const PAYWALL_TEXT =
  /\b(?:subscribe|subscription) (?:now |today )?to (?:continue|keep) reading\b|\bto (?:continue|keep) reading,? (?:please )?(?:subscribe|sign in|log in|become a (?:subscriber|member))\b|\bthis (?:article|story|content) is (?:only )?(?:for|available to|reserved for) (?:paying )?(?:subscribers|members)\b|\byou(?:'ve|’ve| have) reached (?:your|the) (?:limit of )?(?:free|monthly) (?:articles?|stories|limit)\b|\bsubscribers? only\b/i;
const LOGIN_TITLE = /^(?:please )?(?:sign[ -]?in|log[ -]?in|sign on)(?: to [^|–—:]+)?\s*(?:[|–—·:-].*)?$/i;
const LOGIN_TEXT = /\b(?:you (?:must|need to) (?:be )?|please )(?:sign(?:ed)?|log(?:ged)?)[ -]?in\b|\b(?:sign|log)[ -]?in to (?:continue|view|read|access|see)\b/i;
const COOKIE_TITLE = /^(?:before you continue|cookie (?:consent|settings|preferences)|privacy (?:settings|choices))\b/i;
const COOKIE_TEXT =
  /\bwe(?: and our (?:\d+ )?(?:partners|vendors))? use cookies\b|\bthis (?:site|website) uses cookies\b|\b(?:accept|reject) all cookies\b|\bcookie consent\b|\bmanage (?:your )?(?:cookie|privacy) (?:preferences|choices|settings)\b/i;
// The one line a single-page app's HTML holds before its script runs.
const NEEDS_JAVASCRIPT = /\b(?:you need to|you must|please) (?:enable|turn on) javascript\b|\bjavascript is (?:required|disabled|not enabled|turned off)\b|\b(?:requires|needs) javascript to (?:run|work|be enabled)\b/i;
// Bot checks and error pages carry a message and links, not an article's length of text.
const ERROR_PAGE_MAX_WORDS = 150;

export type TPageSigns = {
  title: string | null;
  heading: string | null;
  html: string;
  /** The main content's text (or, to name why a page without prose is refused, the whole page's). */
  bodyText: string;
  bodyWords: number;
  /** What the page shows with scripting off (its <noscript> text). */
  noscriptText?: string;
};

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
  const paywall = page.bodyText.match(PAYWALL_TEXT);
  if (paywall) return `the page is a paywall (${quote(paywall[0])}), not the article`;
  const loginLine = [title, heading].find((line) => LOGIN_TITLE.test(line)) ?? page.bodyText.match(LOGIN_TEXT)?.[0];
  if (loginLine) return `the page is a sign-in page (${quote(loginLine)}), not an article`;
  const cookieLine = [title, heading].find((line) => COOKIE_TITLE.test(line)) ?? page.bodyText.match(COOKIE_TEXT)?.[0];
  if (cookieLine) return `the page is a cookie consent wall (${quote(cookieLine)}), not an article`;
  const shell = `${page.bodyText}\n${page.noscriptText ?? ""}`.match(NEEDS_JAVASCRIPT);
  if (shell) return `the page is an app shell that needs JavaScript (${quote(shell[0])}), not an article`;
  return null;
}
