// Fetches one URL's bytes for the pipeline, defending the server: http(s) only, every hop's
// addresses checked and the socket pinned to the checked address, deadlines for the headers and
// for the whole fetch, a cap on the decompressed body, and every failure ending the fetch.
import { lookup as dnsLookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import type { LookupFunction } from "node:net";
import type { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { classifyAddress, classifyHostname } from "@/lib/ingest/address-guard";

export type TFetchErrorCode =
  | "bad_url"
  | "bad_scheme"
  | "private_address"
  | "dns"
  | "timeout"
  | "too_large"
  | "http_status"
  | "too_many_redirects"
  | "bad_encoding"
  | "aborted"
  | "network";

export class FetchError extends Error {
  readonly code: TFetchErrorCode;
  readonly url: string;
  /** HTTP status for code "http_status". */
  readonly status: number | null;

  constructor(code: TFetchErrorCode, url: string, message: string, status: number | null = null) {
    super(message);
    this.name = "FetchError";
    this.code = code;
    this.url = url;
    this.status = status;
  }
}

export type TResolvedAddress = { address: string; family: 4 | 6 };

export type TFetchOptions = {
  /** Allow private/loopback/link-local targets (env INGEST_ALLOW_PRIVATE_HOSTS=true). Default false. */
  allowPrivateHosts?: boolean;
  /** Time to open the TCP (and TLS) connection of one hop. Default 10 s. */
  connectTimeoutMs?: number;
  /** From sending a hop's request to its response headers. Default 15 s. */
  headersTimeoutMs?: number;
  /** Whole fetch including redirects and body: a body that drips in slowly ends here too. Default 30 s. */
  timeoutMs?: number;
  /** Cap on the (decompressed) body. Default 5 MB. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  /** Validators from the previous fetch, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  accept?: string;
  userAgent?: string;
  /** Ends the fetch early with code "aborted" (e.g. the process is shutting down). */
  signal?: AbortSignal;
  /** Name resolution; defaults to the system resolver. Injectable so tests can give a name any address. */
  resolveHost?: (hostname: string) => Promise<TResolvedAddress[]>;
};

export type TFetchHeaders = { contentType: string | null; etag: string | null; lastModified: string | null };

export type TFetchResult =
  | { notModified: false; finalUrl: string; status: number; headers: TFetchHeaders; bytes: Uint8Array }
  | { notModified: true; finalUrl: string; status: 304; headers: TFetchHeaders };

export const FETCH_DEFAULTS = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  timeoutMs: 30_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  accept:
    "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
  userAgent: "CounterpointBot/0.1 (+news monitoring; respects 304)",
} as const;

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

type TSettings = Required<Omit<TFetchOptions, "etag" | "lastModified" | "signal">> &
  Pick<TFetchOptions, "etag" | "lastModified">;

async function systemResolve(hostname: string): Promise<TResolvedAddress[]> {
  const results = await dnsLookup(hostname, { all: true, verbatim: true });
  return results.map((r) => ({ address: r.address, family: r.family === 6 ? 6 : 4 }));
}

function parseTarget(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError("bad_url", raw, `Not a valid URL: ${raw}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("bad_scheme", raw, `Only http and https URLs can be fetched, not ${url.protocol}`);
  }
  return url;
}

/** Resolves the hop's host and, unless private hosts are allowed, refuses any non-public address. */
async function resolveTarget(url: URL, settings: TSettings): Promise<TResolvedAddress> {
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  if (!settings.allowPrivateHosts) {
    const verdict = classifyHostname(hostname);
    if (!verdict.public) {
      throw new FetchError("private_address", url.href, `Refusing ${url.host}: ${verdict.reason}`);
    }
  }
  const literalFamily = isIP(hostname);
  let addresses: TResolvedAddress[];
  try {
    addresses =
      literalFamily === 0 ? await settings.resolveHost(hostname) : [{ address: hostname, family: literalFamily === 6 ? 6 : 4 }];
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FetchError("dns", url.href, `Could not resolve ${hostname}: ${detail}`);
  }
  const first = addresses[0];
  if (!first) throw new FetchError("dns", url.href, `No address found for ${hostname}`);
  if (!settings.allowPrivateHosts) {
    // Every address must be public: the connection could otherwise land on any of them.
    for (const candidate of addresses) {
      const verdict = classifyAddress(candidate.address);
      if (!verdict.public) {
        throw new FetchError(
          "private_address",
          url.href,
          `Refusing ${hostname}: it resolves to ${candidate.address} (${verdict.reason})`,
        );
      }
    }
  }
  return first;
}

/** A lookup that always answers with the address we already checked, so DNS rebinding cannot swap it. */
function pinnedLookup(pinned: TResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) {
      (callback as (err: null, addresses: { address: string; family: number }[]) => void)(null, [pinned]);
    } else {
      callback(null, pinned.address, pinned.family);
    }
  };
}

function requestOnce(
  url: URL,
  pinned: TResolvedAddress,
  headers: Record<string, string>,
  settings: TSettings,
  signal: AbortSignal,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request({
      protocol: url.protocol,
      hostname: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "GET",
      headers,
      lookup: pinnedLookup(pinned),
      agent: false,
      signal,
    });
    request.once("socket", (socket) => {
      if (!socket.connecting) return;
      const timer = setTimeout(() => {
        request.destroy(
          new FetchError("timeout", url.href, `Connecting to ${url.host} took longer than ${settings.connectTimeoutMs} ms`),
        );
      }, settings.connectTimeoutMs);
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", () => clearTimeout(timer));
      socket.once("close", () => clearTimeout(timer));
    });
    // A server that accepts the connection and then sends its headers a byte at a time (or never)
    // is cut off here, well before the whole-fetch deadline.
    const headersTimer = setTimeout(() => {
      request.destroy(new FetchError("timeout", url.href, `${url.host} sent no complete response headers within ${settings.headersTimeoutMs} ms`));
    }, settings.headersTimeoutMs);
    request.once("close", () => clearTimeout(headersTimer));
    request.once("response", (response) => {
      clearTimeout(headersTimer);
      resolve(response);
    });
    request.once("error", (error) => {
      clearTimeout(headersTimer);
      reject(error);
    });
    request.end();
  });
}

function decompressorFor(encoding: string): Transform | null {
  if (encoding === "gzip" || encoding === "x-gzip") return zlib.createGunzip();
  if (encoding === "deflate") return zlib.createInflate();
  if (encoding === "br") return zlib.createBrotliDecompress();
  return null;
}

/**
 * Reads the body, counting decompressed bytes so neither a big body nor a zip bomb gets past the
 * cap. `pipeline` ties the response, the decompressor and the reader together: the deadline, a
 * cut connection or a corrupt stream ends all three, so the read can never wait forever.
 */
async function readCapped(response: IncomingMessage, url: URL, maxBytes: number, signal: AbortSignal): Promise<Uint8Array> {
  const encoding = (response.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decompressor = decompressorFor(encoding);
  const declared = Number(response.headers["content-length"]);
  if (!decompressor && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new FetchError("too_large", url.href, `Body of ${declared} bytes exceeds the ${maxBytes}-byte cap`);
  }
  let decompressorError: unknown = null;
  decompressor?.once("error", (error) => {
    decompressorError = error;
  });
  let overCap: FetchError | null = null;
  const chunks: Buffer[] = [];
  let total = 0;
  const collect = async (source: AsyncIterable<Buffer | string>): Promise<void> => {
    for await (const chunk of source) {
      const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
      total += buffer.length;
      if (total > maxBytes) {
        overCap = new FetchError("too_large", url.href, `Body exceeds the ${maxBytes}-byte cap`);
        throw overCap;
      }
      chunks.push(buffer);
    }
  };
  try {
    if (decompressor) await pipeline(response, decompressor, collect, { signal });
    else await pipeline(response, collect, { signal });
  } catch (error) {
    // Tearing the streams down raises errors of its own; the first cause is the one to report.
    if (overCap) throw overCap;
    if (signal.aborted) throw error;
    if (!response.complete) {
      throw new FetchError("network", url.href, `${url.href} closed the connection before the body was complete (after ${total} decoded bytes)`);
    }
    if (error === decompressorError) {
      throw new FetchError("bad_encoding", url.href, `${url.href} sent a ${encoding} body that is corrupt or cut short (after ${total} decoded bytes)`);
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new FetchError("network", url.href, `Reading the body of ${url.href} failed after ${total} decoded bytes: ${detail}`);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

function pickHeaders(response: IncomingMessage): TFetchHeaders {
  const one = (name: string): string | null => {
    const value = response.headers[name];
    return typeof value === "string" ? value : null;
  };
  return { contentType: one("content-type"), etag: one("etag"), lastModified: one("last-modified") };
}

function toFetchError(error: unknown, url: URL, signal: AbortSignal): FetchError {
  if (error instanceof FetchError) return error;
  if (signal.aborted) {
    const reason: unknown = signal.reason;
    if (reason instanceof FetchError) return reason;
    const why = reason instanceof Error ? reason.message : typeof reason === "string" ? reason : "aborted";
    return new FetchError("aborted", url.href, `Fetching ${url.href} was interrupted (${why})`);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new FetchError("network", url.href, `Fetching ${url.href} failed: ${detail}`);
}

export async function fetchUrl(rawUrl: string, options: TFetchOptions = {}): Promise<TFetchResult> {
  const settings: TSettings = {
    allowPrivateHosts: options.allowPrivateHosts ?? false,
    connectTimeoutMs: options.connectTimeoutMs ?? FETCH_DEFAULTS.connectTimeoutMs,
    headersTimeoutMs: options.headersTimeoutMs ?? FETCH_DEFAULTS.headersTimeoutMs,
    timeoutMs: options.timeoutMs ?? FETCH_DEFAULTS.timeoutMs,
    maxBytes: options.maxBytes ?? FETCH_DEFAULTS.maxBytes,
    maxRedirects: options.maxRedirects ?? FETCH_DEFAULTS.maxRedirects,
    accept: options.accept ?? FETCH_DEFAULTS.accept,
    userAgent: options.userAgent ?? FETCH_DEFAULTS.userAgent,
    resolveHost: options.resolveHost ?? systemResolve,
    etag: options.etag,
    lastModified: options.lastModified,
  };
  let url = parseTarget(rawUrl);

  const deadline = new AbortController();
  const timer = setTimeout(() => {
    deadline.abort(new FetchError("timeout", url.href, `Fetching ${url.href} took longer than ${settings.timeoutMs} ms`));
  }, settings.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;

  const headers: Record<string, string> = {
    "user-agent": settings.userAgent,
    accept: settings.accept,
    "accept-encoding": "gzip, deflate, br",
  };
  if (settings.etag) headers["if-none-match"] = settings.etag;
  if (settings.lastModified) headers["if-modified-since"] = settings.lastModified;

  try {
    for (let hop = 0; ; hop += 1) {
      const pinned = await abortable(resolveTarget(url, settings), signal);
      const response = await requestOnce(url, pinned, headers, settings, signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;

      if (status < 200 || status > 299) {
        // Nothing of these bodies is needed, and an endless one must not keep the socket busy.
        response.destroy();
      }
      if (REDIRECT_STATUSES.has(status) && location) {
        if (hop >= settings.maxRedirects) {
          throw new FetchError("too_many_redirects", url.href, `More than ${settings.maxRedirects} redirects`);
        }
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError("bad_url", url.href, `Redirect to an invalid URL: ${location}`);
        }
        url = parseTarget(next.href);
        continue;
      }
      if (status === 304) {
        return { notModified: true, finalUrl: url.href, status: 304, headers: pickHeaders(response) };
      }
      if (status < 200 || status > 299) {
        throw new FetchError("http_status", url.href, `${url.href} answered HTTP ${status}`, status);
      }
      const bytes = await readCapped(response, url, settings.maxBytes, signal);
      return { notModified: false, finalUrl: url.href, status, headers: pickHeaders(response), bytes };
    }
  } catch (error) {
    throw toFetchError(error, url, signal);
  } finally {
    clearTimeout(timer);
  }
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
