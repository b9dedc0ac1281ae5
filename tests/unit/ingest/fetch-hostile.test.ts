// fetchUrl against servers that misbehave on purpose: every fetch settles with a clear error
// code and message, and the connection is let go (the server sees it close). Before bodies were
// read through one pipeline, a gzip body that stalled or was cut off never settled at all.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FetchError, fetchUrl, type TFetchOptions } from "@/lib/ingest/fetch-url";
import { startHostileServer, type THostileServer } from "../../support/hostile-server";

let server: THostileServer;

beforeAll(async () => {
  server = await startHostileServer({ dripMs: 50 });
});

afterAll(async () => {
  await server.close();
});

// Short budgets keep the suite quick; what is asserted is the outcome, never the time taken.
const budget: TFetchOptions = { allowPrivateHosts: true, headersTimeoutMs: 400, timeoutMs: 800 };

async function fetchError(pathname: string, options: TFetchOptions = budget): Promise<FetchError> {
  const error: unknown = await fetchUrl(server.url(pathname), options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  // Whatever went wrong, our side closed its connection.
  await server.allClosed();
  return error as FetchError;
}

describe("fetchUrl against a hostile server", () => {
  it("a gzip body that stalls half way ends at the deadline", async () => {
    const error = await fetchError("/stalling-gzip");
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("took longer than 800 ms");
  });

  it("a gzip body whose connection is dropped half way is a network error, not a hang", async () => {
    const error = await fetchError("/truncated-gzip");
    expect(error.code).toBe("network");
    expect(error.message).toMatch(/closed the connection before the body was complete \(after \d+ decoded bytes\)/);
  });

  it("a gzip stream that stops half way inside a complete response is a corrupt body", async () => {
    const error = await fetchError("/half-gzip");
    expect(error.code).toBe("bad_encoding");
    expect(error.message).toContain("gzip body that is corrupt or cut short");
  });

  it("headers dripping in a byte at a time end at the headers deadline", async () => {
    const error = await fetchError("/slow-headers", { ...budget, timeoutMs: 60_000 });
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("sent no complete response headers within 400 ms");
  });

  it("a body dripping in a byte at a time ends at the whole-fetch deadline", async () => {
    const error = await fetchError("/slow-drip");
    expect(error.code).toBe("timeout");
    expect(error.message).toContain("took longer than 800 ms");
  });

  it("an abort from outside (a shutting-down process) ends a stalled read with code aborted", async () => {
    const controller = new AbortController();
    const pending = fetchError("/stalling-gzip", { ...budget, timeoutMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error("SIGTERM received")), 100);
    const error = await pending;
    expect(error.code).toBe("aborted");
    expect(error.message).toContain("was interrupted (SIGTERM received)");
  });

  it("an endless body stops at the cap and the server sees the connection close", async () => {
    const error = await fetchError("/huge", { ...budget, timeoutMs: 60_000, maxBytes: 1_000_000 });
    expect(error.code).toBe("too_large");
  });

  it("a 300 MB Content-Length is refused before reading", async () => {
    const error = await fetchError("/huge-declared", { ...budget, maxBytes: 1_000_000 });
    expect(error.code).toBe("too_large");
    expect(error.message).toContain(`${300 * 1024 * 1024} bytes`);
  });

  it("endless redirects stop at the redirect cap", async () => {
    const before = server.hits("/redirect-loop");
    const error = await fetchError("/redirect-loop/0", { ...budget, maxRedirects: 3 });
    expect(error.code).toBe("too_many_redirects");
    expect(server.hits("/redirect-loop") - before).toBe(4);
  });
});
