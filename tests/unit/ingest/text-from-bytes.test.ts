import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { inflateGzip, isGzip, textFromBytes } from "@/lib/ingest/text-from-bytes";

const utf16le = (text: string) => new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));

describe("textFromBytes", () => {
  it("inflates a gzip file by its magic bytes, then detects its charset", () => {
    const feed = '<?xml version="1.0"?><rss version="2.0"><channel><title>Kolej Północna</title></channel></rss>';
    const gzipped = new Uint8Array(gzipSync(utf16le(feed)));
    expect(isGzip(gzipped)).toBe(true);
    expect(textFromBytes(gzipped)).toMatchObject({ text: feed, charset: "utf-16le", source: "bom" });
  });

  it("leaves bytes that are not gzip alone", () => {
    const bytes = new Uint8Array(Buffer.from("plain text, café"));
    expect(isGzip(bytes)).toBe(false);
    expect(textFromBytes(bytes).text).toBe("plain text, café");
  });

  it("refuses a gzip bomb at the cap, whatever it would inflate to", () => {
    const bomb = new Uint8Array(gzipSync(Buffer.alloc(20 * 1024 * 1024, "a")));
    expect(bomb.length).toBeLessThan(100_000);
    expect(() => textFromBytes(bomb, { maxInflatedBytes: 1_000_000 })).toThrow("the gzip-compressed input inflates to more than the 1000000-byte cap");
    expect(inflateGzip(new Uint8Array(gzipSync(Buffer.alloc(1_000_000, "a"))), 1_000_000)).toHaveLength(1_000_000);
  });

  it("refuses a corrupt or cut-short gzip file with one line", () => {
    const whole = gzipSync(Buffer.from("<rss version=\"2.0\"><channel><title>x</title></channel></rss>".repeat(50)));
    expect(() => textFromBytes(new Uint8Array(whole.subarray(0, whole.length - 20)))).toThrow("the input is gzip-compressed but corrupt or cut short");
  });
});
