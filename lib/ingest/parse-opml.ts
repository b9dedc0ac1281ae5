// Reads an OPML subscription list (as exported by feed readers) into feed URLs with their folder.
import { DOMParser } from "linkedom";
import { toHttpUrl } from "@/lib/ingest/canonical-url";
import { hasDoctypeOrEntity } from "@/lib/ingest/repair-feed-xml";
import { stripControlChars } from "@/lib/ingest/sanitize-html";

export type TOpmlFeed = { xmlUrl: string; htmlUrl: string | null; title: string | null; category: string | null };
export type TOpmlDocument = { title: string | null; feeds: TOpmlFeed[]; warnings: string[] };

export class OpmlParseError extends Error {
  readonly code: "doctype_forbidden" | "not_opml";

  constructor(code: "doctype_forbidden" | "not_opml", message: string) {
    super(message);
    this.name = "OpmlParseError";
    this.code = code;
  }
}

type TOutline = {
  tagName: string;
  parentElement: TOutline | null;
  getAttribute(name: string): string | null;
};

const XML_ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

// linkedom's XML mode decodes text but hands attribute values back with references still encoded.
function decodeXmlReferences(value: string): string {
  return value.replace(/&(?:#(\d+)|#x([0-9a-fA-F]+)|(amp|lt|gt|quot|apos));/g, (match, dec?: string, hex?: string, name?: string) => {
    if (name) return XML_ENTITIES[name] ?? match;
    const code = dec ? Number(dec) : parseInt(hex ?? "", 16);
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : match;
  });
}

function attribute(element: TOutline, name: string): string | null {
  const value = element.getAttribute(name) ?? element.getAttribute(name.toLowerCase());
  const cleaned = value ? stripControlChars(decodeXmlReferences(value)).trim() : "";
  return cleaned || null;
}

/** Folder path of an outline: the text of its enclosing outlines, joined with " / ". */
function categoryOf(outline: TOutline): string | null {
  const parts: string[] = [];
  for (let parent = outline.parentElement; parent && parent.tagName.toLowerCase() === "outline"; parent = parent.parentElement) {
    const label = attribute(parent, "text") ?? attribute(parent, "title");
    if (label) parts.unshift(label);
  }
  return parts.length > 0 ? parts.join(" / ") : null;
}

export function parseOpml(text: string): TOpmlDocument {
  const source = text.replace(/^\uFEFF/, "");
  if (hasDoctypeOrEntity(source)) {
    throw new OpmlParseError("doctype_forbidden", "OPML files with a DOCTYPE or ENTITY declaration are refused");
  }
  if (!/<opml[\s>]/i.test(source)) throw new OpmlParseError("not_opml", "Not an OPML document (no <opml> element)");
  const document = new DOMParser().parseFromString(source, "text/xml");
  const warnings: string[] = [];
  const feeds: TOpmlFeed[] = [];
  const seen = new Set<string>();
  for (const element of document.querySelectorAll("outline")) {
    const outline = element as unknown as TOutline;
    const rawXmlUrl = attribute(outline, "xmlUrl");
    if (!rawXmlUrl) continue;
    const xmlUrl = toHttpUrl(rawXmlUrl);
    if (!xmlUrl) {
      warnings.push(`skipped a feed with a non-http(s) URL: ${rawXmlUrl.slice(0, 200)}`);
      continue;
    }
    if (seen.has(xmlUrl)) continue;
    seen.add(xmlUrl);
    feeds.push({
      xmlUrl,
      htmlUrl: toHttpUrl(attribute(outline, "htmlUrl")),
      title: attribute(outline, "title") ?? attribute(outline, "text"),
      category: categoryOf(outline),
    });
  }
  const title = stripControlChars(document.querySelector("head > title")?.textContent ?? "").trim() || null;
  return { title, feeds, warnings };
}
