import { describe, expect, it } from "vitest";
import { htmlToText, safeLinkUrl, sanitizeHtml } from "@/lib/ingest/sanitize-html";

describe("sanitizeHtml", () => {
  it("removes scripts, styles, iframes, event handlers and their contents", () => {
    const html = sanitizeHtml(
      '<p onmouseover="x()" style="color:red">Hello</p><script>alert(1)</script><style>p{}</style><iframe src="https://e.example"></iframe><img src=x onerror=alert(1)><svg><script>1</script></svg><form><button>Go</button></form>',
    );
    expect(html).toBe("<p>Hello</p>");
  });

  it("keeps only http, https and mailto links and marks them noopener nofollow", () => {
    const html = sanitizeHtml(
      '<a href="https://ok.example/a">ok</a> <a href="JaVaScRiPt:alert(1)">js</a> <a href="jav&#x09;ascript:alert(1)">tab</a> <a href="data:text/html,<script>1</script>">data</a> <a href="mailto:desk@news.example">mail</a> <a href="vbscript:x">vb</a> <a href="//evil.example/">proto-relative</a>',
    );
    expect(html).toContain('<a rel="noopener nofollow noreferrer" href="https://ok.example/a">ok</a>');
    expect(html).toContain('href="mailto:desk@news.example"');
    expect(html).not.toMatch(/javascript|data:|vbscript|evil\.example/i);
    expect(html.match(/href=/g)).toHaveLength(2);
  });

  it("resolves relative links against the base URL", () => {
    expect(sanitizeHtml('<a href="../b?x=1">b</a>', { baseUrl: "https://n.example/a/c/page" })).toBe(
      '<a rel="noopener nofollow noreferrer" href="https://n.example/a/b?x=1">b</a>',
    );
    expect(sanitizeHtml('<a href="/b">b</a>')).toBe('<a rel="noopener nofollow noreferrer">b</a>');
  });

  it("keeps text markup and strips control characters", () => {
    expect(sanitizeHtml("<h2>Title</h2><blockquote><p>A <em>quote</em>\u0007</p></blockquote><ul><li>one</li></ul>")).toBe(
      "<h2>Title</h2><blockquote><p>A <em>quote</em></p></blockquote><ul><li>one</li></ul>",
    );
  });
});

describe("htmlToText", () => {
  it("separates blocks by blank lines, keeps <br> as a newline and drops scripts", () => {
    const text = htmlToText(
      "<h1>Headline</h1><p>First   paragraph\n continues.</p><script>var x = 1;</script><p>Line one<br>Line two</p><ul><li>a</li><li>b &amp; c</li></ul>",
    );
    expect(text).toBe("Headline\n\nFirst paragraph continues.\n\nLine one\nLine two\n\na\n\nb & c");
  });

  it("reads a whole page's body, not its head", () => {
    expect(htmlToText("<html><head><title>T</title><style>x</style></head><body><p>Body</p></body></html>")).toBe("Body");
  });
});

describe("safeLinkUrl", () => {
  it("accepts only http(s) and mailto", () => {
    expect(safeLinkUrl("https://a.example/")).toBe("https://a.example/");
    expect(safeLinkUrl(" javascript:alert(1)")).toBeNull();
    expect(safeLinkUrl("data:text/plain,hi")).toBeNull();
    expect(safeLinkUrl("/x", "https://a.example/y")).toBe("https://a.example/x");
  });
});
