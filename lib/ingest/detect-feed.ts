// Tells a feed from a web page by its first bytes and content type, so one "add URL" box
// accepts both.
const FEED_TYPES = /(rss|atom|feed\+json|rdf)/i;

export function looksLikeFeed(text: string, contentType: string | null): boolean {
  if (contentType && FEED_TYPES.test(contentType)) return true;
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 2000);
  if (head.startsWith("{")) return /"version"\s*:\s*"https:\/\/jsonfeed\.org/i.test(head);
  if (/<html[\s>]/i.test(head)) return false;
  return /<(rss|feed|rdf:RDF)[\s>]/i.test(head);
}
