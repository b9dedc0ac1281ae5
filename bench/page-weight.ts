// What a page costs to send: the HTML document a first visit loads (and, inside it, the React
// Server Components payload inlined for hydration) and the RSC payload a client-side navigation
// to the same URL loads instead. Both raw and gzipped, since a reverse proxy usually compresses.
import { gzipSync } from "node:zlib";

export type TPageWeight = { html_kb: number; html_rsc_kb: number; html_kb_gz: number; rsc_kb: number; rsc_kb_gz: number };

const kb = (bytes: number) => Number((bytes / 1024).toFixed(1));

/** Bytes of the flight data Next.js inlines into the document as `self.__next_f.push(…)` scripts. */
export function inlinedRscBytes(html: string): number {
  let bytes = 0;
  for (const match of html.matchAll(/<script[^>]*>(self\.__next_f\.push\([\s\S]*?)<\/script>/g)) bytes += Buffer.byteLength(match[1] ?? "");
  return bytes;
}

async function body(url: string, headers: Record<string, string> = {}): Promise<Buffer> {
  // A navigation request without the router's cache-busting `_rsc` parameter is redirected to
  // the URL with it; fetch follows that redirect with the same headers.
  const response = await fetch(url, { headers });
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return bytes;
}

export async function measurePageWeight(base: string, pagePath: string): Promise<TPageWeight> {
  const url = new URL(pagePath, base).toString();
  const html = await body(url);
  const rsc = await body(url, { RSC: "1" });
  return {
    html_kb: kb(html.length),
    html_rsc_kb: kb(inlinedRscBytes(html.toString("utf8"))),
    html_kb_gz: kb(gzipSync(html).length),
    rsc_kb: kb(rsc.length),
    rsc_kb_gz: kb(gzipSync(rsc).length),
  };
}
