// Parses the text of a <script type="application/ld+json"> block. Pages often wrap it in CDATA or an
// HTML comment (a habit from XHTML days); unwrapped, it is still the publisher's metadata.
const WRAPPER = /^\s*(<!\[CDATA\[|<!--)|(\]\]>|-->)\s*$/g;

/** The parsed JSON, or null when the block is not JSON even once unwrapped. */
export function parseJsonLdScript(source: string): unknown {
  try {
    return JSON.parse(source.replace(WRAPPER, ""));
  } catch {
    return null;
  }
}
