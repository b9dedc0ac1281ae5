import { describe, expect, it } from "vitest";
import { MAX_ACTION_BODY_BYTES, MAX_UPLOAD_BYTES, PASTE_CHARS_LIMIT } from "@/lib/admin-upload-limits";
import { MAX_PASTE_CHARS } from "@/lib/ingest/pipeline";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { refuseCrossSite, refuseOversizedForm } from "@/lib/security/request-guard";

const headers = (values: Record<string, string>) => new Headers(values);

describe("refuseCrossSite", () => {
  it("refuses a write whose Origin is another site, or opaque", () => {
    expect(refuseCrossSite("POST", headers({ host: "news.example:3000", origin: "https://evil.example" }))?.status).toBe(403);
    expect(refuseCrossSite("DELETE", headers({ host: "news.example", origin: "null" }))?.code).toBe("cross_site_request");
    expect(refuseCrossSite("POST", headers({ host: "news.example", origin: "not a url" }))?.status).toBe(403);
  });

  it("lets through same-origin writes, reads, and clients that send no Origin", () => {
    expect(refuseCrossSite("POST", headers({ host: "news.example:3000", origin: "http://news.example:3000" }))).toBeNull();
    expect(refuseCrossSite("POST", headers({ host: "10.0.0.5:3000", "x-forwarded-host": "news.example", origin: "https://news.example" }))).toBeNull();
    expect(refuseCrossSite("GET", headers({ host: "news.example", origin: "https://evil.example" }))).toBeNull();
    expect(refuseCrossSite("POST", headers({ host: "news.example" }))).toBeNull();
  });
});

describe("refuseOversizedForm", () => {
  it("refuses a page form post over the limit with a message naming it, and nothing else", () => {
    const refusal = refuseOversizedForm("POST", "/admin", headers({ "content-length": String(MAX_ACTION_BODY_BYTES + 1) }));
    expect(refusal?.status).toBe(413);
    expect(refusal?.message).toMatch(/at most \d+ MB/);
    expect(refuseOversizedForm("POST", "/admin", headers({ "content-length": String(1_500_000) }))).toBeNull();
    expect(refuseOversizedForm("POST", "/api/ingest", headers({ "content-length": String(MAX_ACTION_BODY_BYTES + 1) }))).toBeNull();
  });

  it("accepts the largest file the form promises, and agrees with the pipeline's paste limit", () => {
    expect(PASTE_CHARS_LIMIT).toBe(MAX_PASTE_CHARS);
    expect(MAX_ACTION_BODY_BYTES).toBeGreaterThan(MAX_UPLOAD_BYTES);
  });
});

describe("contentSecurityPolicy", () => {
  it("allows only nonced and same-origin scripts, no framing, no plugins", () => {
    const policy = contentSecurityPolicy("abc123", { development: false, https: false });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-eval");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("n", { development: true, https: true })).toMatch(/'unsafe-eval'.*upgrade-insecure-requests/);
  });
});
