// A local HTTP server that misbehaves on purpose, one way per path, so the fetcher and the
// pipeline can be shown to end every fetch with a clear error: gzip that stalls or is cut off,
// headers or a body that drip in a byte at a time, a page of deeply nested elements, an endless
// body, endless redirects and a redirect to the cloud metadata address. It counts the bytes it
// pushed and the connections still open, so tests can see that the client let go.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { gzipSync } from "node:zlib";

export type THostileServer = {
  /** "http://127.0.0.1:PORT" */
  base: string;
  url(pathname: string): string;
  /** Connections accepted and not yet closed. */
  openConnections(): number;
  /** Resolves once every connection the server accepted has closed. */
  allClosed(): Promise<void>;
  /** Body bytes written on `pathname` so far (huge-body paths). */
  bytesSent(pathname: string): number;
  hits(pathname: string): number;
  close(): Promise<void>;
};

export type THostileOptions = {
  /** Pause between two drip bytes (slow headers, slow body). Default 200 ms. */
  dripMs?: number;
  /** Nesting depth of /deep-nesting. Default 20,000. */
  nestingDepth?: number;
};

/** A well-formed article page, the kind that must still ingest while hostile ones fail. */
export function plainArticle(title: string): string {
  const paragraph = (n: number) =>
    `<p>Councillor Maren Holt said the ferry timetable would change in ${2026 + n}. "We will not cut the night crossing," Holt said at the harbour board meeting on Tuesday.</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>${[1, 2, 3, 4, 5].map(paragraph).join("")}</article></body></html>`;
}

export function deepNestingPage(depth: number): string {
  const text = `<p>Port workers said the strike would go ahead. "Nobody asked us," said union secretary Ilse Brandvik.</p>`;
  return `<!doctype html><html><head><title>Nested</title></head><body>${"<div>".repeat(depth)}${text}${"</div>".repeat(depth)}</body></html>`;
}

const HTML = "text/html; charset=utf-8";

/** An RSS feed whose items only link to pages (no summary to fall back on). */
function rssLinking(title: string, links: string[]): string {
  const items = links.map((link, index) => `<item><title>${title} item ${index + 1}</title><link>${link}</link><guid>${link}</guid></item>`).join("");
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>${title}</title><link>http://hostile.test/</link>${items}</channel></rss>`;
}

export async function startHostileServer(options: THostileOptions = {}): Promise<THostileServer> {
  const dripMs = options.dripMs ?? 200;
  const depth = options.nestingDepth ?? 20_000;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const sent = new Map<string, number>();
  const hits = new Map<string, number>();
  let idle: (() => void)[] = [];
  let base = "";

  const every = (ms: number, fn: () => void) => {
    const timer = setInterval(fn, ms);
    timers.add(timer);
    return () => {
      clearInterval(timer);
      timers.delete(timer);
    };
  };

  /** Writes `payload` one byte per tick on the raw socket; stops when the client goes away. */
  const drip = (socket: Socket, payload: Buffer) => {
    let index = 0;
    const stop = every(dripMs, () => {
      if (socket.destroyed || index >= payload.length) return stop();
      socket.write(payload.subarray(index, index + 1));
      index += 1;
    });
    socket.once("close", stop);
  };

  const article = gzipSync(Buffer.from(plainArticle("A page that never finishes arriving")));

  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
    // The first half of a gzip body, then silence with the connection held open.
    "/stalling-gzip": (_request, response) => {
      response.writeHead(200, { "content-type": HTML, "content-encoding": "gzip" });
      response.write(article.subarray(0, Math.floor(article.length / 2)));
    },
    // Declares the full length, sends half, then drops the connection.
    "/truncated-gzip": (_request, response) => {
      response.writeHead(200, { "content-type": HTML, "content-encoding": "gzip", "content-length": String(article.length) });
      response.write(article.subarray(0, Math.floor(article.length / 2)), () => response.socket?.destroy());
    },
    // A chunked body that ends cleanly, but the gzip stream inside it stops half way.
    "/half-gzip": (_request, response) => {
      response.writeHead(200, { "content-type": HTML, "content-encoding": "gzip" });
      response.end(article.subarray(0, Math.floor(article.length / 2)));
    },
    // The status line and headers arrive one byte at a time, never finishing in any test's budget.
    "/slow-headers": (request) => {
      drip(request.socket, Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: ${HTML}\r\nX-Padding: ${"p".repeat(10_000)}\r\n\r\n`));
    },
    // Headers at once, then the body one byte at a time (and never an end).
    "/slow-drip": (request, response) => {
      response.writeHead(200, { "content-type": HTML });
      response.flushHeaders();
      drip(request.socket, Buffer.from(`4000\r\n${plainArticle("Drip").padEnd(0x4000, " ")}`));
    },
    "/deep-nesting": (_request, response) => {
      response.writeHead(200, { "content-type": HTML }).end(deepNestingPage(depth));
    },
    // An endless body with no Content-Length, pushed as fast as the client reads it.
    "/huge": (request, response) => {
      response.writeHead(200, { "content-type": HTML });
      const chunk = Buffer.alloc(64 * 1024, "<p>more</p>");
      const pathname = "/huge";
      const pump = () => {
        while (!response.destroyed) {
          sent.set(pathname, (sent.get(pathname) ?? 0) + chunk.length);
          if (!response.write(chunk)) return void response.once("drain", pump);
        }
      };
      response.write("<!doctype html><html><body>");
      pump();
      request.socket.once("close", () => response.destroy());
    },
    // 300 MB announced up front.
    "/huge-declared": (_request, response) => {
      response.writeHead(200, { "content-type": HTML, "content-length": String(300 * 1024 * 1024) });
      response.write("<!doctype html>");
    },
    "/to-metadata": (_request, response) => {
      response.writeHead(302, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    },
    "/article": (_request, response) => {
      response.writeHead(200, { "content-type": HTML }).end(plainArticle("Harbour board keeps the night ferry"));
    },
    // A healthy feed with one item, whose page is /article.
    "/feeds/harbour.rss": (_request, response) => {
      response.writeHead(200, { "content-type": "application/rss+xml" }).end(rssLinking("Harbour Gazette", [`${base}/article`]));
    },
    // A feed that answers at once, but every item's page stalls.
    "/feeds/stalled-pages.rss": (_request, response) => {
      const links = [1, 2, 3, 4].map((n) => `${base}/stalling-gzip?item=${n}`);
      response.writeHead(200, { "content-type": "application/rss+xml" }).end(rssLinking("Stalled Pages", links));
    },
  };

  const handle = (request: IncomingMessage, response: ServerResponse) => {
    const pathname = new URL(request.url ?? "/", "http://local").pathname;
    const loop = /^\/redirect-loop\/(\d+)$/.exec(pathname);
    const key = loop ? "/redirect-loop" : pathname;
    hits.set(key, (hits.get(key) ?? 0) + 1);
    if (loop) {
      // Every hop points one further: only a redirect cap ends it.
      response.writeHead(302, { location: `/redirect-loop/${Number(loop[1]) + 1}` }).end();
      return;
    }
    const route = routes[pathname];
    if (route) return route(request, response);
    response.writeHead(404, { "content-type": HTML }).end("<!doctype html><title>Not found</title>");
  };

  const server: Server = createServer(handle);
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => {
      sockets.delete(socket);
      if (sockets.size === 0) {
        const waiting = idle;
        idle = [];
        waiting.forEach((resolve) => resolve());
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    base,
    url: (pathname) => `${base}${pathname}`,
    openConnections: () => sockets.size,
    allClosed: () => (sockets.size === 0 ? Promise.resolve() : new Promise((resolve) => idle.push(resolve))),
    bytesSent: (pathname) => sent.get(pathname) ?? 0,
    hits: (pathname) => hits.get(pathname) ?? 0,
    close: () =>
      new Promise<void>((resolve, reject) => {
        timers.forEach((timer) => clearInterval(timer));
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
