// Text-level checks and repairs applied to feed XML before a strict XML parser sees it: refuse DTDs,
// drop junk before the root, escape stray "&", flatten XHTML constructs, salvage a truncated file.

// CDATA sections, comments and processing instructions, matched in document order: whichever opens
// first owns the text up to its own end, so a "<!--" inside a PI (or a "<?" inside a comment) cannot
// swallow the markup after it. An unterminated one runs to the end of the text.
const LITERAL = /<!\[CDATA\[[\s\S]*?(?:\]\]>|$)|<!--[\s\S]*?(?:-->|$)|<\?[\s\S]*?(?:\?>|$)/g;
const XML_DECLARATION = /^<\?xml[\s?]/;

/**
 * Blanks CDATA sections, comments and processing instructions so markup-looking text inside them is
 * not mistaken for markup. The XML declaration stays, for locateFeedRoot to keep it.
 */
function maskLiterals(xml: string): string {
  return xml.replace(LITERAL, (m) => (XML_DECLARATION.test(m) ? m : " ".repeat(m.length)));
}

/** True if the document declares a DTD or entities (the vehicle of entity-expansion and XXE attacks). */
export function hasDoctypeOrEntity(xml: string): boolean {
  return /<!(?:DOCTYPE|ENTITY)\b/i.test(maskLiterals(xml));
}

const QUOTED = `(?:"[^"]*"|'[^']*')`;
const EXTERNAL_DOCTYPE = new RegExp(`<!DOCTYPE\\s+[\\w:.-]+(?:\\s+(?:PUBLIC\\s+${QUOTED}(?:\\s+${QUOTED})?|SYSTEM\\s+${QUOTED}))?\\s*>`, "i");

/**
 * Removes a DOCTYPE that only names an external DTD (RSS 0.91's Netscape DTD): with no internal
 * subset it declares nothing here, and the DTD is never fetched. One with an internal subset stays,
 * for hasDoctypeOrEntity to refuse.
 */
export function dropExternalDoctype(xml: string): { xml: string; dropped: boolean } {
  const match = EXTERNAL_DOCTYPE.exec(maskLiterals(xml));
  if (!match) return { xml, dropped: false };
  return { xml: xml.slice(0, match.index) + xml.slice(match.index + match[0].length), dropped: true };
}

const FEED_ROOT = /<(rss|feed|(?:[\w-]+:)?RDF)[\s>/]/;

export type TFeedRoot = "rss" | "atom" | "rdf";

/** Finds the feed's root element and cuts anything before it (and its XML declaration), e.g. a BOM or a PHP warning. */
export function locateFeedRoot(xml: string): { root: TFeedRoot; xml: string; skippedChars: number } | null {
  const masked = maskLiterals(xml);
  const match = FEED_ROOT.exec(masked);
  if (!match?.[1]) return null;
  const name = match[1];
  const root: TFeedRoot = name === "rss" ? "rss" : name === "feed" ? "atom" : "rdf";
  // Keep an XML declaration that sits before the root so the parser still sees it.
  const declaration = masked.lastIndexOf("<?xml", match.index);
  const start = declaration >= 0 ? declaration : match.index;
  return { root, xml: xml.slice(start), skippedChars: start };
}

/** The value of one attribute on the root element, e.g. rss@version. */
export function rootAttribute(xml: string, root: TFeedRoot, attribute: string): string | null {
  const tag = root === "rss" ? "rss" : root === "atom" ? "feed" : "(?:[\\w-]+:)?RDF";
  const open = new RegExp(`<${tag}\\b([^>]*)>`).exec(xml);
  const value = open?.[1] ? new RegExp(`\\b${attribute}\\s*=\\s*["']([^"']*)["']`).exec(open[1]) : null;
  return value?.[1] ?? null;
}

/** Escapes every "&" that does not start a character or entity reference (outside CDATA). */
export function escapeBareAmpersands(xml: string): string {
  return xml.replace(/(<!\[CDATA\[[\s\S]*?\]\]>)|&(?!#\d+;|#x[0-9a-fA-F]+;|[A-Za-z][\w.-]*;)/g, (match, cdata: string | undefined) =>
    cdata ?? "&amp;",
  );
}

/**
 * Atom `type="xhtml"` constructs arrive as inline XML, which the parser turns into objects and whose
 * mixed text order it loses. Titles become plain text; content and summary become escaped HTML.
 */
export function flattenXhtmlConstructs(xml: string): string {
  const titles = /<((?:[\w-]+:)?title)\b([^>]*?)\s*\btype\s*=\s*["']xhtml["']([^>]*)>([\s\S]*?)<\/\1\s*>/g;
  const bodies = /<((?:[\w-]+:)?(?:content|summary|subtitle|rights))\b([^>]*?)\s*\btype\s*=\s*["']xhtml["']([^>]*)>([\s\S]*?)<\/\1\s*>/g;
  return xml
    .replace(titles, (_m, tag: string, before: string, after: string, inner: string) => {
      const text = inner.replace(/<[^>]*>/g, "").replace(/\s+/g, " ").trim();
      return `<${tag}${before}${after}>${text}</${tag}>`;
    })
    .replace(bodies, (_m, tag: string, before: string, after: string, inner: string) => {
      const cdata = inner.replace(/\]\]>/g, "]]]]><![CDATA[>");
      return `<${tag}${before} type="html"${after}><![CDATA[${cdata}]]></${tag}>`;
    });
}

/**
 * rss-parser turns an Atom `published`/`updated` into a date without a guard, so one bad date
 * would reject the whole feed. Such elements are removed; returns how many.
 */
export function dropInvalidAtomDates(xml: string): { xml: string; dropped: number } {
  let dropped = 0;
  const result = xml.replace(/<(published|updated)\b[^>]*>([^<]*)<\/\1\s*>/g, (match, _tag: string, value: string) => {
    if (!Number.isNaN(Date.parse(value.trim()))) return match;
    dropped += 1;
    return "";
  });
  return { xml: result, dropped };
}

const TOKEN =
  /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![^>]*>|<\/([^\s>]+)\s*>|<([^\s/>!?]+)(?:"[^"]*"|'[^']*'|[^'">])*?(\/?)>/g;

/** Names of the elements still open at the end of a well-formed prefix, outermost first. */
function openElements(prefix: string): string[] {
  const stack: string[] = [];
  for (const match of prefix.matchAll(TOKEN)) {
    const [, closing, opening, selfClosing] = match;
    if (opening && !selfClosing) stack.push(opening);
    if (closing) {
      const at = stack.lastIndexOf(closing);
      if (at >= 0) stack.length = at;
    }
  }
  return stack;
}

/**
 * For a feed cut off mid-transfer: keeps everything up to the last complete item or entry and
 * closes the elements still open. Returns null if there is no complete item to keep.
 */
export function salvageTruncatedFeed(xml: string): { xml: string } | null {
  let end = -1;
  for (const match of maskLiterals(xml).matchAll(/<\/(?:[\w-]+:)?(?:item|entry)\s*>/g)) {
    end = match.index + match[0].length;
  }
  if (end < 0) return null;
  const prefix = xml.slice(0, end);
  const closers = openElements(prefix)
    .reverse()
    .map((name) => `</${name}>`)
    .join("");
  return { xml: prefix + closers };
}
