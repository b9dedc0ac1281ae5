// Makes outside HTML safe to render (allow-listed text markup, http/https/mailto links only) and
// turns HTML into plain text with paragraphs separated by blank lines.
import { parseHTML } from "linkedom";
import sanitize from "sanitize-html";

export type TSanitizeOptions = {
  /** Page or feed URL that relative links resolve against; without it relative links lose their href. */
  baseUrl?: string | null;
};

const ALLOWED_TAGS = [
  "p", "br", "hr", "a", "b", "strong", "i", "em", "u", "s", "del", "ins", "mark", "small", "sub", "sup",
  "abbr", "cite", "q", "blockquote", "code", "pre", "kbd", "time",
  "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "dl", "dt", "dd",
  "figure", "figcaption", "table", "caption", "thead", "tbody", "tfoot", "tr", "th", "td",
];

const LINK_SCHEMES = new Set(["http:", "https:", "mailto:"]);

// XML 1.0 forbids these and they have no business in rendered text (keeps \t \n \r).
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

export function stripControlChars(text: string): string {
  return text.replace(CONTROL_CHARS, "");
}

/** Resolves a link and keeps it only if it ends up http(s)/mailto; anything else (javascript:, data:) is null. */
export function safeLinkUrl(href: string, baseUrl?: string | null): string | null {
  const trimmed = stripControlChars(href).trim();
  if (!trimmed) return null;
  try {
    const url = baseUrl ? new URL(trimmed, baseUrl) : new URL(trimmed);
    return LINK_SCHEMES.has(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

export function sanitizeHtml(html: string, options: TSanitizeOptions = {}): string {
  return sanitize(stripControlChars(html), {
    allowedTags: ALLOWED_TAGS,
    allowedAttributes: { a: ["href", "title", "rel"], abbr: ["title"], time: ["datetime"], td: ["colspan", "rowspan"], th: ["colspan", "rowspan", "scope"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowedSchemesAppliedToAttributes: ["href"],
    allowProtocolRelative: false,
    disallowedTagsMode: "discard",
    // Contents of these are code or widgets, never article text.
    nonTextTags: ["script", "style", "textarea", "option", "noscript", "iframe", "template", "object", "svg", "math", "select", "button"],
    transformTags: {
      a: (_tagName, attribs) => {
        const href = attribs.href ? safeLinkUrl(attribs.href, options.baseUrl) : null;
        const next: Record<string, string> = { rel: "noopener nofollow noreferrer" };
        if (href) next.href = href;
        if (attribs.title) next.title = attribs.title;
        return { tagName: "a", attribs: next };
      },
    },
  }).trim();
}

const BLOCK_TAGS = new Set([
  "ADDRESS", "ARTICLE", "ASIDE", "BLOCKQUOTE", "DD", "DETAILS", "DIV", "DL", "DT", "FIGCAPTION", "FIGURE",
  "FOOTER", "FORM", "H1", "H2", "H3", "H4", "H5", "H6", "HEADER", "HR", "LI", "MAIN", "NAV", "OL", "P",
  "PRE", "SECTION", "SUMMARY", "TABLE", "TR", "UL", "CAPTION",
]);
const SKIP_TAGS = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "IFRAME", "SVG", "MATH", "HEAD", "TITLE", "OBJECT", "SELECT", "BUTTON", "TEXTAREA"]);

export type TTextNode = {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: TTextNode | null;
  nextSibling: TTextNode | null;
  parentNode: TTextNode | null;
};

/**
 * Plain-text paragraphs of a DOM subtree: one per block, `<br>` kept as a newline. Walks with
 * sibling pointers, not recursion or `childNodes` (which linkedom rebuilds as an array on every
 * read), so the cost is linear in the nodes and any depth fits in the stack.
 */
export function textParagraphs(root: TTextNode, options: { skipLinks?: boolean } = {}): string[] {
  const paragraphs: string[] = [];
  let current: string[] = [];

  const flush = () => {
    const paragraph = current
      .join("")
      .split("\n")
      .map((line) => line.replace(/\s+/g, " ").trim())
      .filter(Boolean)
      .join("\n");
    if (paragraph) paragraphs.push(paragraph);
    current = [];
  };

  /** Records a node's own text or break; true when its children should be read. */
  const enter = (node: TTextNode): boolean => {
    if (node.nodeType === 3) {
      // Source line breaks are layout, not text; only <br> and blocks break lines.
      current.push((node.nodeValue ?? "").replace(/\s+/g, " "));
      return false;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return false;
    const tag = node.nodeName.toUpperCase();
    if (SKIP_TAGS.has(tag) || (options.skipLinks && tag === "A")) return false;
    if (tag === "BR") {
      current.push("\n");
      return false;
    }
    if (tag === "TD" || tag === "TH") current.push(" ");
    if (BLOCK_TAGS.has(tag)) flush();
    return true;
  };
  const leave = (node: TTextNode) => {
    if (node.nodeType === 1 && BLOCK_TAGS.has(node.nodeName.toUpperCase())) flush();
  };

  let node: TTextNode = root;
  let descend = enter(node);
  for (;;) {
    if (descend && node.firstChild) {
      node = node.firstChild;
      descend = enter(node);
      continue;
    }
    if (descend) leave(node);
    while (node !== root && !node.nextSibling && node.parentNode) {
      node = node.parentNode;
      leave(node);
    }
    if (node === root || !node.nextSibling) break;
    node = node.nextSibling;
    descend = enter(node);
  }
  flush();
  return paragraphs;
}

/** The body of an HTML fragment or page, parsed once for callers that read its text more than one way. */
export function parseHtmlBody(html: string): TTextNode | null {
  const wrapped = /<body[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(stripControlChars(wrapped));
  return document.body ?? document.documentElement;
}

/** Plain text of parsed HTML: one paragraph per block, blank line between, `<br>` kept as a newline. */
export function textOfBody(root: TTextNode | null): string {
  return root ? textParagraphs(root).join("\n\n") : "";
}

/** Plain text of an HTML fragment or page: one paragraph per block, blank line between, `<br>` kept as a newline. */
export function htmlToText(html: string): string {
  return textOfBody(parseHtmlBody(html));
}
