import { describe, expect, it } from "vitest";
import { decodeText, detectCharset } from "@/lib/ingest/decode-text";

const latin1 = (text: string) => new Uint8Array(Buffer.from(text, "latin1"));

describe("decodeText", () => {
  it("prefers a BOM over everything else", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from("<?xml version='1.0' encoding='windows-1251'?><a>ü</a>")]);
    const decoded = decodeText(bytes, "text/xml; charset=iso-8859-1");
    expect(decoded).toMatchObject({ charset: "utf-8", source: "bom", text: "<?xml version='1.0' encoding='windows-1251'?><a>ü</a>" });
  });

  it("decodes UTF-16 BE and LE by BOM", () => {
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from("<a>ж</a>", "utf16le")]);
    const be = new Uint8Array([0xfe, 0xff, ...Buffer.from("<a>ж</a>", "utf16le").swap16()]);
    expect(decodeText(le).text).toBe("<a>ж</a>");
    expect(decodeText(be).text).toBe("<a>ж</a>");
  });

  it("uses the HTTP charset, then the XML declaration, then <meta charset>", () => {
    const cp1251 = new Uint8Array([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет"
    expect(decodeText(cp1251, "text/plain; charset=windows-1251").text).toBe("Привет");
    const xml = new Uint8Array([...Buffer.from('<?xml version="1.0" encoding="windows-1251"?><t>'), ...cp1251, ...Buffer.from("</t>")]);
    expect(decodeText(xml, "application/xml")).toMatchObject({ source: "xml-declaration", text: expect.stringContaining("<t>Привет</t>") });
    expect(decodeText(latin1('<html><head><meta charset="iso-8859-1"></head><body>caf\u00e9</body></html>'))).toMatchObject({
      source: "html-meta",
      text: expect.stringContaining("café"),
    });
    expect(
      decodeText(latin1('<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15"><p>\u00a4</p>')).text,
    ).toContain("€");
  });

  it("sniffs BOM-less UTF-16 from the '<?' pattern and ignores a false UTF-16 declaration", () => {
    expect(detectCharset(new Uint8Array(Buffer.from("<?xml version='1.0'?>", "utf16le"))).charset).toBe("utf-16le");
    expect(decodeText(latin1('<?xml version="1.0" encoding="UTF-16"?><a>b</a>')).text).toBe('<?xml version="1.0" encoding="UTF-16"?><a>b</a>');
  });

  it("falls back to windows-1252 for undeclared bytes that are not UTF-8, and ignores unknown labels", () => {
    expect(decodeText(latin1("na\u00efve \u0093quote\u0094"))).toMatchObject({ source: "fallback", text: "naïve “quote”" });
    // Node 20 decodes windows-1252 as ISO-8859-1; the C1 range must still become the right characters.
    expect(decodeText(latin1("\u0080 5 \u0096 \u0085"), "text/xml; charset=iso-8859-1").text).toBe("€ 5 – …");
    expect(decodeText(new Uint8Array(Buffer.from("plain ü")), "text/html; charset=x-unknown")).toMatchObject({ source: "default", text: "plain ü" });
  });

  it("decodes UTF-32 LE and BE by BOM, including characters outside the BMP", () => {
    const text = "<a>Łódź 🚆</a>";
    const points = [0xfeff, ...[...text].map((c) => c.codePointAt(0) ?? 0)];
    const le = Buffer.alloc(points.length * 4);
    const be = Buffer.alloc(points.length * 4);
    points.forEach((p, i) => {
      le.writeUInt32LE(p, i * 4);
      be.writeUInt32BE(p, i * 4);
    });
    expect(decodeText(new Uint8Array(le), "text/xml; charset=utf-8")).toEqual({ text, charset: "utf-32le", source: "bom" });
    expect(decodeText(new Uint8Array(be))).toEqual({ text, charset: "utf-32be", source: "bom" });
    // Without the BOM, "<" in four-byte units still tells the width and the order.
    expect(decodeText(new Uint8Array(be.subarray(4)))).toEqual({ text, charset: "utf-32be", source: "utf32-sniff" });
    expect(decodeText(new Uint8Array(le.subarray(4)))).toEqual({ text, charset: "utf-32le", source: "utf32-sniff" });
    // UTF-16LE's BOM is the start of UTF-32LE's: only two NUL bytes after it make it UTF-32.
    expect(detectCharset(new Uint8Array([0xff, 0xfe, 0x3c, 0x00])).charset).toBe("utf-16le");
  });

  it("takes UTF-32 from the HTTP header and turns invalid code units into U+FFFD", () => {
    const bytes = Buffer.alloc(12);
    bytes.writeUInt32BE(0x41, 0);
    bytes.writeUInt32BE(0x110000, 4);
    bytes.writeUInt32BE(0xd800, 8);
    expect(decodeText(new Uint8Array(bytes), "text/plain; charset=UTF-32")).toMatchObject({ text: "A\ufffd\ufffd", charset: "utf-32be", source: "http" });
    expect(decodeText(new Uint8Array([0, 0, 0, 0x41, 0, 0]), "text/plain; charset=utf-32be").text).toBe("A\ufffd");
  });

  it("sniffs BOM-less UTF-16 that starts with an element rather than a declaration", () => {
    expect(decodeText(new Uint8Array(Buffer.from("<rss/>", "utf16le")))).toMatchObject({ text: "<rss/>", source: "utf16-sniff" });
    expect(decodeText(new Uint8Array(Buffer.from("<rss/>", "utf16le").swap16()))).toMatchObject({ text: "<rss/>", charset: "utf-16be" });
  });

  it("ignores a false UTF-32 declaration in a document readable as ASCII", () => {
    expect(decodeText(latin1('<?xml version="1.0" encoding="UTF-32"?><a>b</a>'))).toMatchObject({ source: "default", text: '<?xml version="1.0" encoding="UTF-32"?><a>b</a>' });
  });
});
