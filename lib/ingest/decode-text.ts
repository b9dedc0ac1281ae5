// Turns fetched bytes into text with the right charset: BOM first, then the HTTP header, then the
// document's own declaration (XML `encoding=` or HTML `<meta charset>`), else UTF-8. UTF-32, which
// TextDecoder does not know, is decoded here.

export type TCharsetSource = "bom" | "http" | "xml-declaration" | "html-meta" | "utf16-sniff" | "utf32-sniff" | "default" | "fallback";

export type TDecodedText = { text: string; charset: string; source: TCharsetSource };

/** Returns the TextDecoder's canonical name for a label, or null if it is not a supported encoding. */
export function normalizeCharset(label: string): string | null {
  const cleaned = label.trim().replace(/^["']|["']$/g, "").toLowerCase();
  if (!cleaned) return null;
  const utf32 = UTF32_LABELS[cleaned];
  if (utf32) return utf32;
  try {
    return new TextDecoder(cleaned).encoding;
  } catch {
    return null;
  }
}

export function charsetFromContentType(contentType: string | null | undefined): string | null {
  const match = /;\s*charset\s*=\s*("[^"]*"|[^;\s]+)/i.exec(contentType ?? "");
  return match?.[1] ? normalizeCharset(match[1]) : null;
}

// "UTF-32" with no BOM is big-endian (Unicode §3.10).
const UTF32_LABELS: Record<string, string> = { "utf-32": "utf-32be", "utf-32be": "utf-32be", "utf-32le": "utf-32le", "ucs-4": "utf-32be", "iso-10646-ucs-4": "utf-32be" };

function sniffBom(bytes: Uint8Array): { charset: string; length: number } | null {
  // UTF-32LE's BOM starts with UTF-16LE's, so it is tested first.
  if (bytes[0] === 0xff && bytes[1] === 0xfe && bytes[2] === 0x00 && bytes[3] === 0x00) return { charset: "utf-32le", length: 4 };
  if (bytes[0] === 0x00 && bytes[1] === 0x00 && bytes[2] === 0xfe && bytes[3] === 0xff) return { charset: "utf-32be", length: 4 };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { charset: "utf-8", length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { charset: "utf-16le", length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { charset: "utf-16be", length: 2 };
  return null;
}

/**
 * XML 1.0 Appendix F: a BOM-less document in UTF-16 or UTF-32 still starts with "<", spelled in
 * two- or four-byte units; the zero bytes around it give the width and the byte order away.
 */
function sniffWideEncoding(bytes: Uint8Array): { charset: string; source: TCharsetSource } | null {
  const [a, b, c, d] = bytes;
  if (a === 0x3c && b === 0x00 && c === 0x00 && d === 0x00) return { charset: "utf-32le", source: "utf32-sniff" };
  if (a === 0x00 && b === 0x00 && c === 0x00 && d === 0x3c) return { charset: "utf-32be", source: "utf32-sniff" };
  if (a === 0x3c && b === 0x00 && c !== 0x00 && d === 0x00) return { charset: "utf-16le", source: "utf16-sniff" };
  if (a === 0x00 && b === 0x3c && c === 0x00 && d !== 0x00) return { charset: "utf-16be", source: "utf16-sniff" };
  return null;
}

function sniffDeclaration(bytes: Uint8Array): { charset: string; source: TCharsetSource } | null {
  // Declarations are ASCII, so reading the head as Latin-1 is safe whatever the real charset is.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, 2048));
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([^"']+)["']/i.exec(head);
  if (xml?.[1]) {
    const charset = normalizeCharset(xml[1]);
    // We could read the declaration as ASCII, so a "UTF-16" or "UTF-32" claim is false; ignore it.
    if (charset && !/^utf-(?:16|32)/.test(charset)) return { charset, source: "xml-declaration" };
  }
  const meta =
    /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i.exec(head) ??
    /<meta[^>]+http-equiv\s*=\s*["']?content-type["']?[^>]*content\s*=\s*["'][^"']*charset=([\w.:-]+)/i.exec(head);
  if (meta?.[1]) {
    const charset = normalizeCharset(meta[1]);
    if (charset) return { charset, source: "html-meta" };
  }
  return null;
}

// Node 20's TextDecoder decodes "windows-1252" (and its aliases latin1/iso-8859-1) as plain
// ISO-8859-1, turning curly quotes, dashes and € into C1 control characters. Map 0x80–0x9F ourselves.
const WINDOWS_1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/** One code point per four bytes; anything that is not a Unicode scalar value becomes U+FFFD. */
function decodeUtf32(bytes: Uint8Array, littleEndian: boolean): string {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts: string[] = [];
  let chunk: number[] = [];
  for (let at = 0; at + 4 <= bytes.byteLength; at += 4) {
    const code = view.getUint32(at, littleEndian);
    chunk.push(code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? 0xfffd : code);
    // String.fromCodePoint takes its arguments on the stack: flush in slices.
    if (chunk.length === 8192) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  }
  if (bytes.byteLength % 4 !== 0) chunk.push(0xfffd);
  parts.push(String.fromCodePoint(...chunk));
  return parts.join("");
}

function decodeWith(charset: string, bytes: Uint8Array): string {
  if (charset === "utf-32le" || charset === "utf-32be") return decodeUtf32(bytes, charset === "utf-32le");
  const text = new TextDecoder(charset).decode(bytes);
  if (charset !== "windows-1252") return text;
  return text.replace(/[\u0080-\u009f]/g, (c) => String.fromCharCode(WINDOWS_1252_HIGH[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)));
}

/** Picks the charset without decoding. */
export function detectCharset(
  bytes: Uint8Array,
  contentType?: string | null,
): { charset: string; source: TCharsetSource; bomLength: number } {
  const bom = sniffBom(bytes);
  if (bom) return { charset: bom.charset, source: "bom", bomLength: bom.length };
  const fromHeader = charsetFromContentType(contentType);
  if (fromHeader) return { charset: fromHeader, source: "http", bomLength: 0 };
  const wide = sniffWideEncoding(bytes);
  if (wide) return { ...wide, bomLength: 0 };
  const declared = sniffDeclaration(bytes);
  if (declared) return { ...declared, bomLength: 0 };
  return { charset: "utf-8", source: "default", bomLength: 0 };
}

export function decodeText(bytes: Uint8Array, contentType?: string | null): TDecodedText {
  const detected = detectCharset(bytes, contentType);
  const body = bytes.subarray(detected.bomLength);
  if (detected.source === "default") {
    // Undeclared bytes that are not valid UTF-8 are almost always legacy Western text.
    try {
      return { text: new TextDecoder("utf-8", { fatal: true }).decode(body), charset: "utf-8", source: "default" };
    } catch {
      return { text: decodeWith("windows-1252", body), charset: "windows-1252", source: "fallback" };
    }
  }
  return { text: decodeWith(detected.charset, body), charset: detected.charset, source: detected.source };
}
