// The site's public origin for absolute links (canonical URLs, feeds, share images): PUBLIC_URL
// when configured, otherwise the origin the request came to.
import "server-only";
import { headers } from "next/headers";

export async function getSiteOrigin(): Promise<string> {
  const configured = process.env.PUBLIC_URL?.trim();
  if (configured) {
    try {
      return new URL(configured).origin;
    } catch {
      // fall through to the request's origin
    }
  }
  const list = await headers();
  const claimed = (list.get("x-forwarded-host") ?? list.get("host") ?? "").split(",")[0]?.trim() ?? "";
  // A forged Host header must not be able to inject markup or paths into absolute links.
  const host = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:]+\](:\d{1,5})?$/i.test(claimed) ? claimed : "localhost:3000";
  const proto = list.get("x-forwarded-proto") ?? (/^(localhost|127\.|\[::1\])/.test(host) ? "http" : "https");
  return `${proto.startsWith("https") ? "https" : "http"}://${host}`;
}
