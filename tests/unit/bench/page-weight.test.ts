import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inlinedRscBytes, measurePageWeight } from "@/bench/page-weight";

const flight = 'self.__next_f.push([1,"0:{\\"a\\":1}\\n"])';
const html = `<!DOCTYPE html><html><body><p>${"x".repeat(2048)}</p><script src="/app.js"></script><script nonce="n">${flight}</script><script>${flight}</script></body></html>`;
const rsc = "0:" + "y".repeat(3072);

// A page served the way Next.js serves one: the document, and the RSC payload for a navigation
// request, which first redirects to the URL carrying the cache-busting `_rsc` parameter.
const server = http.createServer((request, response) => {
  const url = new URL(request.url ?? "/", "http://localhost");
  if (request.headers.rsc === "1" && !url.searchParams.has("_rsc")) {
    response.writeHead(307, { location: `${url.pathname}?_rsc=abc` }).end();
  } else if (request.headers.rsc === "1") {
    response.writeHead(200, { "content-type": "text/x-component" }).end(rsc);
  } else {
    response.writeHead(200, { "content-type": "text/html" }).end(html);
  }
});
let base = "";

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("page weight", () => {
  it("counts only the inlined flight scripts as the document's RSC payload", () => {
    expect(inlinedRscBytes(html)).toBe(2 * Buffer.byteLength(flight));
    expect(inlinedRscBytes("<script>console.log(1)</script>")).toBe(0);
  });

  it("measures the document and the navigation payload, following the _rsc redirect", async () => {
    const weight = await measurePageWeight(base, "/some/page");
    expect(weight.html_kb).toBeCloseTo(Buffer.byteLength(html) / 1024, 1);
    expect(weight.html_rsc_kb).toBeCloseTo((2 * Buffer.byteLength(flight)) / 1024, 1);
    expect(weight.rsc_kb).toBe(3);
    expect(weight.rsc_kb_gz).toBeLessThan(weight.rsc_kb);
  });
});
