import { describe, expect, it } from "vitest";
import { CanonicalUrlError, canonicalizeUrl, tryCanonicalizeUrl } from "@/lib/ingest/canonical-url";

describe("canonicalizeUrl", () => {
  it("lower-cases scheme and host, strips www, default port, credentials and fragment", () => {
    expect(canonicalizeUrl("HTTPS://user:pw@WWW.News.Example:443/World/Story#comments")).toBe("https://news.example/World/Story");
    expect(canonicalizeUrl("http://news.example:80/a")).toBe("http://news.example/a");
    expect(canonicalizeUrl("http://news.example:8080/a")).toBe("http://news.example:8080/a");
    expect(canonicalizeUrl("https://news.example./a")).toBe("https://news.example/a");
  });

  it("drops tracking parameters and sorts the rest", () => {
    expect(
      canonicalizeUrl(
        "https://news.example/a?utm_source=rss&z=2&UTM_Medium=x&fbclid=abc&gclid=1&mc_cid=2&mc_eid=3&igshid=4&ref=tw&cmpid=5&a=1&id=77",
      ),
    ).toBe("https://news.example/a?a=1&id=77&z=2");
    expect(canonicalizeUrl("https://news.example/a?utm_campaign=x")).toBe("https://news.example/a");
  });

  it("normalises trailing and duplicate slashes but keeps the root", () => {
    expect(canonicalizeUrl("https://news.example/world/story/")).toBe("https://news.example/world/story");
    expect(canonicalizeUrl("https://news.example//world//story")).toBe("https://news.example/world/story");
    expect(canonicalizeUrl("https://news.example")).toBe("https://news.example/");
  });

  it("makes the share-button and feed variants of one article equal", () => {
    const variants = [
      "https://www.harbourledger.example/world/2026/03/16/fisheries-patrols?utm_source=rss&utm_medium=feed",
      "https://harbourledger.example/world/2026/03/16/fisheries-patrols/#top",
      "HTTPS://HARBOURLEDGER.EXAMPLE/world/2026/03/16/fisheries-patrols?fbclid=IwAR0",
    ];
    expect(new Set(variants.map((v) => canonicalizeUrl(v))).size).toBe(1);
  });

  it("resolves relative URLs and rejects non-http schemes", () => {
    expect(canonicalizeUrl("../b/", "https://n.example/a/c")).toBe("https://n.example/b");
    expect(() => canonicalizeUrl("javascript:alert(1)")).toThrow(CanonicalUrlError);
    expect(() => canonicalizeUrl("mailto:a@b.example")).toThrow(CanonicalUrlError);
    expect(tryCanonicalizeUrl("ftp://files.example/x")).toBeNull();
    expect(tryCanonicalizeUrl("not a url")).toBeNull();
  });
});
