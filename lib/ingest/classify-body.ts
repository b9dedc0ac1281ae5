// Tells what a file or fetched body is before anything stores it: a feed, an HTML page, some other
// XML, or plain text. Markup is never a paste: stored as text, an XML bomb or an error page would
// show on the timeline as an "article" titled `<?xml version="1.0"?>`.
import { looksLikeFeed } from "@/lib/ingest/detect-feed";

export type TBodyKind = "feed" | "html" | "xml" | "text";

// What a document of markup opens with: a declaration, a doctype, a comment or an element.
const MARKUP_START = /^<(?:\?xml[\s?]|!doctype[\s>]|!--|[a-z][\w:.-]*(?:\s[^<>]*)?\/?>)/i;
const HTML_MARKERS = /<!doctype\s+html[\s>]|<(?:html|head|body|meta|title|div|p|article|main|section|span|a|h[1-6]|br|table|ul|script|style)[\s>/]/i;
const XML_TYPES = /^(?:application|text)\/(?:[\w.+-]+\+)?xml\b/i;
const HTML_TYPES = /^(?:text\/html|application\/xhtml\+xml)\b/i;

export function classifyBody(text: string, contentType: string | null): TBodyKind {
  if (looksLikeFeed(text, contentType)) return "feed";
  const head = text.replace(/^\uFEFF/, "").trimStart().slice(0, 4000);
  if (contentType && HTML_TYPES.test(contentType)) return "html";
  if (!MARKUP_START.test(head)) return contentType && XML_TYPES.test(contentType) ? "xml" : "text";
  // An XML declaration or DOCTYPE followed by HTML is XHTML; anything else with a declaration is XML.
  if (/^<!doctype\s+html[\s>]/i.test(head) || /<html[\s>]/i.test(head)) return "html";
  if (/^<(?:\?xml|!doctype)/i.test(head) || (contentType && XML_TYPES.test(contentType))) return "xml";
  return HTML_MARKERS.test(head) ? "html" : "xml";
}
