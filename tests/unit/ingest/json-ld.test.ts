import { describe, expect, it } from "vitest";
import { parseJsonLdScript } from "@/lib/ingest/json-ld";

describe("parseJsonLdScript", () => {
  it("reads JSON-LD as is, in CDATA, or in an HTML comment", () => {
    const json = '{"@type":"NewsArticle","headline":"Bridge reopens"}';
    for (const source of [json, `\n  <![CDATA[\n  ${json}\n  ]]>\n`, `<!-- ${json} -->`]) {
      expect(parseJsonLdScript(source)).toEqual({ "@type": "NewsArticle", headline: "Bridge reopens" });
    }
  });

  it("gives null for a block that is not JSON", () => {
    expect(parseJsonLdScript('{"@type": "NewsArticle",')).toBeNull();
  });
});
