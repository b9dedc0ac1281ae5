// A real HTTP server on 127.0.0.1 (random port) for the ingestion fetch path: serves feed
// fixtures and article pages with realistic headers, answers conditional GETs with 304, and
// logs every request so tests can see what the fetcher sent.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";

export const FIXTURES = path.join(process.cwd(), "tests", "fixtures");

export type TRoute = {
  status?: number;
  contentType?: string;
  /** Raw bytes, sent as they are (after "{{BASE}}" and host rewriting, done byte-safely). */
  body?: Buffer | string;
  /** Extra response headers (e.g. location for a redirect). */
  headers?: Record<string, string>;
  /** Send ETag/Last-Modified and answer If-None-Match / If-Modified-Since with 304. */
  conditional?: boolean;
  /** Which validators a conditional route sends (and honours). Default both. */
  validators?: "both" | "etag" | "last-modified";
  lastModified?: Date;
  /** Never answer: the request hangs until the client gives up or the server closes. */
  stall?: boolean;
};

export type TLoggedRequest = { path: string; ifNoneMatch: string | null; ifModifiedSince: string | null; status: number };

export type TFeedServer = {
  /** "http://127.0.0.1:PORT" */
  base: string;
  url(pathname: string): string;
  requests: TLoggedRequest[];
  set(pathname: string, route: TRoute): void;
  /**
   * Serves a fixture file (path relative to tests/fixtures), with `{{BASE}}` replaced by the
   * server's base URL and, with `localLinks`, every `http(s)://<name>.example/` link pointed at
   * this server's port (`http://<name>.example:PORT/`), so the fetcher can follow item links
   * here while each site keeps its own host name. A request for host <name>.example is served
   * from the route `/site/<name>.example/<path>`.
   */
  serveFile(pathname: string, fixture: string, route?: Omit<TRoute, "body"> & { localLinks?: boolean }): Promise<void>;
  /** How many requests reached `pathname` (query string ignored). */
  hits(pathname: string): number;
  close(): Promise<void>;
};

const HTTP_DATE_FALLBACK = new Date("2026-03-16T09:30:00Z");

function header(request: IncomingMessage, name: string): string | null {
  const value = request.headers[name];
  return typeof value === "string" ? value : null;
}

/**
 * Replaces "{{BASE}}" and, with `localLinks`, "http(s)://<name>.example/" with
 * "http://<name>.example:PORT/" (resolve *.example to 127.0.0.1 with `exampleHostsResolver`). Works on bytes through latin1,
 * which maps every byte to one code unit and back, so windows-1251 and Latin-1 files survive.
 */
export function rewriteBody(body: Buffer, base: string, localLinks = false): Buffer {
  let text = body.toString("latin1").replaceAll("{{BASE}}", base);
  const port = new URL(base).port;
  if (localLinks) text = text.replace(/https?:\/\/([a-z0-9.-]+\.example)\//g, (_match, host: string) => `http://${host}:${port}/`);
  return Buffer.from(text, "latin1");
}

/** A resolver (for TFetchOptions.resolveHost) giving every *.example name the loopback address, and no other name any. */
export async function exampleHostsResolver(hostname: string): Promise<{ address: string; family: 4 | 6 }[]> {
  if (hostname.endsWith(".example")) return [{ address: "127.0.0.1", family: 4 }];
  throw new Error(`no DNS in the test network for ${hostname}`);
}

export async function startFeedServer(): Promise<TFeedServer> {
  const routes = new Map<string, TRoute>();
  const requests: TLoggedRequest[] = [];
  let base = "";

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const hostname = (header(request, "host") ?? "").replace(/:\d+$/, "");
    const siteKey = hostname.endsWith(".example") ? `/site/${hostname}${pathname}` : null;
    const route = (siteKey ? routes.get(siteKey) : undefined) ?? routes.get(pathname);
    const log = (status: number) =>
      requests.push({ path: pathname, ifNoneMatch: header(request, "if-none-match"), ifModifiedSince: header(request, "if-modified-since"), status });
    if (!route) {
      log(404);
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><title>Not found</title><h1>Not found</h1>");
      return;
    }
    if (route.stall) {
      log(0);
      return;
    }
    const status = route.status ?? 200;
    const body = typeof route.body === "string" ? Buffer.from(route.body, "utf8") : (route.body ?? Buffer.alloc(0));
    const headers: Record<string, string> = { ...route.headers };
    if (route.contentType) headers["content-type"] = route.contentType;
    if (route.conditional) {
      const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
      const lastModified = (route.lastModified ?? HTTP_DATE_FALLBACK).toUTCString();
      const validators = route.validators ?? "both";
      if (validators !== "last-modified") headers.etag = etag;
      if (validators !== "etag") headers["last-modified"] = lastModified;
      const ifNoneMatch = validators === "last-modified" ? null : header(request, "if-none-match");
      const ifModifiedSince = validators === "etag" ? null : header(request, "if-modified-since");
      const unchanged =
        ifNoneMatch !== null
          ? ifNoneMatch.split(",").some((tag) => tag.trim() === etag)
          : ifModifiedSince !== null && Date.parse(ifModifiedSince) >= Date.parse(lastModified);
      if (unchanged) {
        log(304);
        const { etag: sentEtag, "last-modified": sentLastModified } = headers;
        response.writeHead(304, { ...(sentEtag ? { etag: sentEtag } : {}), ...(sentLastModified ? { "last-modified": sentLastModified } : {}) }).end();
        return;
      }
    }
    log(status);
    headers["content-length"] = String(body.length);
    response.writeHead(status, headers).end(body);
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    base,
    url: (pathname) => `${base}${pathname}`,
    requests,
    set: (pathname, route) => {
      const body = route.body === undefined ? undefined : rewriteBody(typeof route.body === "string" ? Buffer.from(route.body, "utf8") : route.body, base);
      routes.set(pathname, { ...route, body });
    },
    serveFile: async (pathname, fixture, { localLinks = false, ...route } = {}) => {
      const bytes = await readFile(path.join(FIXTURES, fixture));
      routes.set(pathname, { ...route, body: rewriteBody(bytes, base, localLinks) });
    },
    hits: (pathname) => requests.filter((request) => request.path === pathname).length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
