// The write routes read request bodies under a byte cap: an oversized chunked body gets a 413 in
// the JSON error shape after the route has read about the cap, not the whole body (before, a
// 300 MB body with a valid token was read whole and only then measured).
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { POST as postFeed } from "@/app/api/feeds/route";
import { POST as postOpml } from "@/app/api/feeds/opml/route";
import { POST as postIngest } from "@/app/api/ingest/route";
import { MAX_INGEST_BODY_BYTES } from "@/lib/ingest/ingest-request";

// `server-only` refuses to load outside a server bundle; vitest runs these route modules as the
// server would, so the marker has nothing to guard here.
vi.mock("server-only", () => ({}));

const TOKEN = "hostile-body-test-token-0123456789";
const CHUNK = 64 * 1024;

beforeEach(() => {
  vi.stubEnv("ADMIN_TOKEN", TOKEN);
});

afterEach(() => {
  vi.unstubAllEnvs();
});

/** A chunked body of `total` bytes produced only as the reader pulls, counting what was pulled. */
function streamedBody(prefix: string, total: number) {
  let pulled = 0;
  const head = new TextEncoder().encode(prefix);
  const filler = new Uint8Array(CHUNK).fill("a".charCodeAt(0));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled >= total) return controller.close();
      const chunk = pulled === 0 ? head : filler.subarray(0, Math.min(CHUNK, total - pulled));
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

function post(path: string, body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  return body.error;
}

describe("request body caps on the write routes", () => {
  it("POST /api/ingest stops reading a chunked body at the cap and answers 413", async () => {
    const total = 5 * MAX_INGEST_BODY_BYTES;
    const body = streamedBody('{"kind":"paste","text":"', total);
    const response = await postIngest(post("/api/ingest", body.stream));
    expect(response.status).toBe(413);
    expect(response.headers.get("connection")).toBe("close");
    expect(await errorOf(response)).toEqual({ code: "too_large", message: "the request body is larger than 8 MB" });
    expect(body.pulled()).toBeGreaterThan(MAX_INGEST_BODY_BYTES);
    expect(body.pulled()).toBeLessThanOrEqual(MAX_INGEST_BODY_BYTES + 2 * CHUNK);
  });

  it("POST /api/ingest refuses a declared Content-Length over the cap without reading", async () => {
    const body = streamedBody('{"kind":"paste","text":"', 300 * 1024 * 1024);
    const response = await postIngest(post("/api/ingest", body.stream, { "content-length": String(300 * 1024 * 1024) }));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).code).toBe("too_large");
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("POST /api/ingest still reads a body under the cap (an invalid one gets its 422)", async () => {
    const response = await postIngest(post("/api/ingest", JSON.stringify({ kind: "url", url: "ftp://example.com/x" })));
    expect(response.status).toBe(422);
    expect((await errorOf(response)).message).toContain("must be an http(s) URL");
  });

  it("POST /api/ingest checks the token before reading anything", async () => {
    const body = streamedBody('{"kind":"paste","text":"', 1_000_000);
    const response = await postIngest(post("/api/ingest", body.stream, { authorization: "Bearer not-the-token-at-all" }));
    expect(response.status).toBe(403);
    expect(body.pulled()).toBeLessThanOrEqual(CHUNK);
  });

  it("POST /api/feeds caps its small JSON body", async () => {
    const body = streamedBody('{"url":"http://example.com/', 1_000_000);
    const response = await postFeed(post("/api/feeds", body.stream));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toBe("the request body is larger than 16 KB");
    expect(body.pulled()).toBeLessThanOrEqual(16_000 + 2 * CHUNK);
  });

  it("POST /api/feeds/opml stops at 1 MB of OPML", async () => {
    const body = streamedBody('<?xml version="1.0"?><opml version="2.0"><body><outline text="', 10_000_000);
    const response = await postOpml(post("/api/feeds/opml", body.stream, { "content-type": "text/x-opml" }));
    expect(response.status).toBe(413);
    expect((await errorOf(response)).message).toBe("the OPML file is larger than 1 MB");
    expect(body.pulled()).toBeLessThanOrEqual(1_000_000 + 2 * CHUNK);
  });
});
