import { createServer } from "node:http";
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeText } from "@/lib/ingest/decode-text";
import { FetchError, fetchUrl } from "@/lib/ingest/fetch-url";
import type { TFetchOptions } from "@/lib/ingest/fetch-url";
import { parseFeed } from "@/lib/ingest/parse-feed";

// windows-1251 bytes for "Новости дня" with the charset only in the HTTP header.
const CP1251_BODY = Buffer.from([0xcd, 0xee, 0xe2, 0xee, 0xf1, 0xf2, 0xe8, 0x20, 0xe4, 0xed, 0xff]);
const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Test Feed</title><link>http://feed.test/</link><item><title>One</title><link>http://feed.test/1</link></item></channel></rss>`;

type TSeen = { url: string; host: string | undefined; ifNoneMatch: string | undefined; ifModifiedSince: string | undefined };

const seen: TSeen[] = [];
let bigStreamClosed: Promise<void> = Promise.resolve();
let server: Server;
let base: string;

function handle(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", "http://local");
  seen.push({
    url: url.pathname,
    host: req.headers.host,
    ifNoneMatch: req.headers["if-none-match"],
    ifModifiedSince: req.headers["if-modified-since"],
  });
  const redirect = /^\/redirect\/(\d+)$/.exec(url.pathname);
  if (redirect) {
    const left = Number(redirect[1]);
    res.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : "/feed" }).end();
    return;
  }
  switch (url.pathname) {
    case "/feed":
      if (req.headers["if-none-match"] === '"v1"' || req.headers["if-modified-since"] === "Mon, 02 Mar 2026 10:00:00 GMT") {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, {
        "content-type": "application/rss+xml; charset=utf-8",
        etag: '"v1"',
        "last-modified": "Mon, 02 Mar 2026 10:00:00 GMT",
      });
      res.end(FEED);
      return;
    case "/cp1251":
      res.writeHead(200, { "content-type": "text/plain; charset=windows-1251" }).end(CP1251_BODY);
      return;
    case "/loop":
      res.writeHead(301, { location: "/loop" }).end();
      return;
    case "/to-javascript":
      res.writeHead(302, { location: "javascript:alert(1)" }).end();
      return;
    case "/to-file":
      res.writeHead(302, { location: "file:///etc/passwd" }).end();
      return;
    case "/big": {
      // Streams forever with no Content-Length: only a streaming cap can stop it.
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const chunk = Buffer.alloc(64 * 1024, 0x61);
      bigStreamClosed = new Promise((resolve) => res.once("close", () => resolve()));
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once("drain", pump);
      };
      pump();
      return;
    }
    case "/declared-big":
      res.writeHead(200, { "content-length": String(50 * 1024 * 1024) });
      res.write("x");
      return;
    case "/gzip-bomb":
      res.writeHead(200, { "content-encoding": "gzip" }).end(gzipSync(Buffer.alloc(20 * 1024 * 1024)));
      return;
    case "/hang":
      return;
    case "/missing":
      res.writeHead(404).end("not here");
      return;
    default:
      res.writeHead(500).end();
  }
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const local: TFetchOptions = { allowPrivateHosts: true, timeoutMs: 5_000 };

async function fetchError(url: string, options: TFetchOptions): Promise<FetchError> {
  const error: unknown = await fetchUrl(url, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(FetchError);
  return error as FetchError;
}

describe("fetchUrl against a local server", () => {
  it("fetches bytes and the validators", async () => {
    const result = await fetchUrl(`${base}/feed`, local);
    expect(result.notModified).toBe(false);
    if (result.notModified) return;
    expect(result.status).toBe(200);
    expect(result.finalUrl).toBe(`${base}/feed`);
    expect(result.headers).toEqual({
      contentType: "application/rss+xml; charset=utf-8",
      etag: '"v1"',
      lastModified: "Mon, 02 Mar 2026 10:00:00 GMT",
    });
    const feed = await parseFeed(decodeText(result.bytes, result.headers.contentType).text);
    expect(feed.title).toBe("Local Test Feed");
  });

  it("sends If-None-Match / If-Modified-Since and reports 304 as not modified", async () => {
    const byEtag = await fetchUrl(`${base}/feed`, { ...local, etag: '"v1"' });
    expect(byEtag).toMatchObject({ status: 304, notModified: true });
    const byDate = await fetchUrl(`${base}/feed`, { ...local, lastModified: "Mon, 02 Mar 2026 10:00:00 GMT" });
    expect(byDate).toMatchObject({ status: 304, notModified: true });
    expect(seen.at(-1)?.ifModifiedSince).toBe("Mon, 02 Mar 2026 10:00:00 GMT");
    expect(seen.at(-2)?.ifNoneMatch).toBe('"v1"');
  });

  it("decodes with the charset from the Content-Type header", async () => {
    const result = await fetchUrl(`${base}/cp1251`, local);
    if (result.notModified) throw new Error("unexpected 304");
    expect(decodeText(result.bytes, result.headers.contentType).text).toBe("Новости дня");
  });

  it("follows up to five redirects and reports the final URL", async () => {
    const result = await fetchUrl(`${base}/redirect/5`, local);
    expect(result.finalUrl).toBe(`${base}/feed`);
    expect(result.status).toBe(200);
  });

  it("stops after too many redirects", async () => {
    expect((await fetchError(`${base}/redirect/6`, local)).code).toBe("too_many_redirects");
    expect((await fetchError(`${base}/loop`, { ...local, maxRedirects: 2 })).code).toBe("too_many_redirects");
  });

  it("refuses redirects to non-http schemes", async () => {
    expect((await fetchError(`${base}/to-javascript`, local)).code).toBe("bad_scheme");
    expect((await fetchError(`${base}/to-file`, local)).code).toBe("bad_scheme");
  });

  it("aborts a body that streams past the cap", async () => {
    const error = await fetchError(`${base}/big`, { ...local, maxBytes: 300_000 });
    expect(error.code).toBe("too_large");
    // The server sees the connection go away: we stopped reading instead of buffering it all.
    await bigStreamClosed;
  });

  it("refuses a declared Content-Length over the cap without reading it", async () => {
    expect((await fetchError(`${base}/declared-big`, { ...local, maxBytes: 1_000_000 })).code).toBe("too_large");
  });

  it("caps the decompressed size, so a gzip bomb is refused", async () => {
    expect((await fetchError(`${base}/gzip-bomb`, { ...local, maxBytes: 1_000_000 })).code).toBe("too_large");
  });

  it("times out a server that never answers", async () => {
    const error = await fetchError(`${base}/hang`, { ...local, timeoutMs: 300 });
    expect(error.code).toBe("timeout");
  });

  it("turns error statuses into http_status errors", async () => {
    const error = await fetchError(`${base}/missing`, local);
    expect(error.code).toBe("http_status");
    expect(error.status).toBe(404);
  });

  it("connects to the address it resolved and checked, never re-resolving the name", async () => {
    const port = (server.address() as AddressInfo).port;
    const lookups: string[] = [];
    // This name exists in no DNS: the request can only reach the server through the pinned address.
    const result = await fetchUrl(`http://feeds.counterpoint.test:${port}/feed`, {
      ...local,
      resolveHost: async (hostname) => {
        lookups.push(hostname);
        return [{ address: "127.0.0.1", family: 4 }];
      },
    });
    expect(result.status).toBe(200);
    expect(lookups).toEqual(["feeds.counterpoint.test"]);
    expect(seen.at(-1)?.host).toBe(`feeds.counterpoint.test:${port}`);
  });
});

describe("fetchUrl refuses private targets unless allowed", () => {
  const strict: TFetchOptions = { timeoutMs: 5_000 };

  it.each(["127.0.0.1", "localhost", "[::1]", "10.0.0.7", "169.254.169.254", "[::ffff:127.0.0.1]", "0.0.0.0", "2130706433"])(
    "refuses %s without sending a request",
    async (host) => {
      const before = seen.length;
      const port = (server.address() as AddressInfo).port;
      const error = await fetchError(`http://${host}:${port}/feed`, strict);
      expect(error.code).toBe("private_address");
      expect(seen.length).toBe(before);
    },
  );

  it("refuses a public-looking name that resolves to a private address", async () => {
    const error = await fetchError("http://news.example.com/feed", {
      ...strict,
      resolveHost: async () => [
        { address: "93.184.216.34", family: 4 },
        { address: "10.1.2.3", family: 4 },
      ],
    });
    expect(error.code).toBe("private_address");
    expect(error.message).toContain("10.1.2.3");
  });

  it("refuses the cloud metadata address over IPv6", async () => {
    const error = await fetchError("http://metadata.example.net/", {
      ...strict,
      resolveHost: async () => [{ address: "fd00:ec2::254", family: 6 }],
    });
    expect(error.code).toBe("private_address");
  });

  it("refuses non-http schemes and bad URLs", async () => {
    expect((await fetchError("ftp://example.com/feed", strict)).code).toBe("bad_scheme");
    expect((await fetchError("file:///etc/passwd", strict)).code).toBe("bad_scheme");
    expect((await fetchError("not a url", strict)).code).toBe("bad_url");
  });

  it("reports a name that does not resolve", async () => {
    const error = await fetchError("http://nothing.example.com/", {
      ...strict,
      resolveHost: async () => {
        throw new Error("ENOTFOUND");
      },
    });
    expect(error.code).toBe("dns");
  });
});
