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
  lastModified?: Date;
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
   * server's base URL and, with `localLinks`, every `https://<name>.example/` link pointed at
   * this server's `/site/<name>.example/` so the fetcher can follow item links here.
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
 * Replaces "{{BASE}}" and, with `localLinks`, "https://<name>.example/" with the server's own
 * base URL (`http://127.0.0.1:PORT/site/<name>.example/`). Works on bytes through latin1,
 * which maps every byte to one code unit and back, so windows-1251 and Latin-1 files survive.
 */
export function rewriteBody(body: Buffer, base: string, localLinks = false): Buffer {
  let text = body.toString("latin1").replaceAll("{{BASE}}", base);
  if (localLinks) text = text.replace(/https:\/\/([a-z0-9.-]+\.example)\//g, (_match, host: string) => `${base}/site/${host}/`);
  return Buffer.from(text, "latin1");
}

export async function startFeedServer(): Promise<TFeedServer> {
  const routes = new Map<string, TRoute>();
  const requests: TLoggedRequest[] = [];
  let base = "";

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? "/", "http://localhost").pathname;
    const route = routes.get(pathname);
    const log = (status: number) =>
      requests.push({ path: pathname, ifNoneMatch: header(request, "if-none-match"), ifModifiedSince: header(request, "if-modified-since"), status });
    if (!route) {
      log(404);
      response.writeHead(404, { "content-type": "text/html; charset=utf-8" }).end("<!doctype html><title>Not found</title><h1>Not found</h1>");
      return;
    }
    const status = route.status ?? 200;
    const body = typeof route.body === "string" ? Buffer.from(route.body, "utf8") : (route.body ?? Buffer.alloc(0));
    const headers: Record<string, string> = { ...route.headers };
    if (route.contentType) headers["content-type"] = route.contentType;
    if (route.conditional) {
      const etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
      const lastModified = (route.lastModified ?? HTTP_DATE_FALLBACK).toUTCString();
      headers.etag = etag;
      headers["last-modified"] = lastModified;
      const ifNoneMatch = header(request, "if-none-match");
      const ifModifiedSince = header(request, "if-modified-since");
      const unchanged =
        ifNoneMatch !== null
          ? ifNoneMatch.split(",").some((tag) => tag.trim() === etag)
          : ifModifiedSince !== null && Date.parse(ifModifiedSince) >= Date.parse(lastModified);
      if (unchanged) {
        log(304);
        response.writeHead(304, { etag, "last-modified": lastModified }).end();
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
