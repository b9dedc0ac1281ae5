import { describe, expect, it } from "vitest";
import { resolveHtmlEntities } from "@/lib/ingest/html-entities";

describe("resolveHtmlEntities", () => {
  it("turns HTML entity names into numeric references XML knows", () => {
    expect(resolveHtmlEntities("<t>pr&eacute;sente&nbsp;&laquo;x&raquo; &yuml; &mdash; &euro;</t>")).toBe("<t>pr&#233;sente&#160;&#171;x&#187; &#255; &#8212; &#8364;</t>");
  });

  it("keeps XML's own five and numeric references, and leaves CDATA as written", () => {
    const xml = "<t>&amp; &lt; &gt; &quot; &apos; &#233; &#xE9;</t><![CDATA[&eacute; stays]]>";
    expect(resolveHtmlEntities(xml)).toBe(xml);
  });

  it("escapes an unknown name so it shows as written instead of failing the parse", () => {
    expect(resolveHtmlEntities("<t>&madeup; &eacute;</t>")).toBe("<t>&amp;madeup; &#233;</t>");
  });
});
