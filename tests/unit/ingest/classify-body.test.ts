import { describe, expect, it } from "vitest";
import { classifyBody } from "@/lib/ingest/classify-body";

describe("classifyBody", () => {
  it("sends feeds to the feed parser, whatever their root", () => {
    expect(classifyBody('<?xml version="1.0"?>\n<rss version="2.0"><channel></channel></rss>', null)).toBe("feed");
    expect(classifyBody('\uFEFF<feed xmlns="http://www.w3.org/2005/Atom"></feed>', null)).toBe("feed");
    expect(classifyBody('{"version":"https://jsonfeed.org/version/1.1","items":[]}', null)).toBe("feed");
  });

  it("sends HTML pages and fragments to the article reader", () => {
    expect(classifyBody("<!DOCTYPE html>\n<html><head><title>Just a moment...</title></head></html>", null)).toBe("html");
    expect(classifyBody('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body></body></html>', null)).toBe("html");
    expect(classifyBody("<div class=\"story\"><p>Ministers met on Friday.</p></div>", null)).toBe("html");
    expect(classifyBody("Anything at all", "text/html; charset=utf-8")).toBe("html");
  });

  it("calls other XML what it is, so it is refused rather than stored", () => {
    expect(classifyBody('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n<!ENTITY lol "lol">\n]>\n<lolz>&lol;</lolz>', null)).toBe("xml");
    expect(classifyBody("<!DOCTYPE xmlbomb [<!ENTITY a \"aaaa\">]><xmlbomb>&a;</xmlbomb>", null)).toBe("xml");
    expect(classifyBody("<sitemap><loc>https://x.example/</loc></sitemap>", null)).toBe("xml");
  });

  it("keeps plain text a paste, even text that mentions markup", () => {
    expect(classifyBody("WASHINGTON (AP) — The <html> tag was mentioned.", null)).toBe("text");
    expect(classifyBody("<3 this treaty, said nobody", null)).toBe("text");
    expect(classifyBody("  \n  The minister said the deal was fair.", null)).toBe("text");
  });
});
