// Checks made on a request before Next handles it, answering with a clear status instead of the
// 500 that Next's server-action handler gives for the same cases.
import { MAX_ACTION_BODY_BYTES, MAX_UPLOAD_BYTES, formatMegabytes } from "@/lib/admin-upload-limits";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type TRefusal = { status: 403 | 413; code: string; message: string };

/** The host the browser addressed, as Next compares it: X-Forwarded-Host from a proxy, else Host. */
function addressedHost(headers: Headers): string | null {
  return headers.get("x-forwarded-host")?.split(",")[0]?.trim() || headers.get("host");
}

/**
 * A write coming from a page on another site (a cross-site form post or fetch): browsers send its
 * Origin, and it must name this host. Requests without Origin (curl, the CLI) carry no ambient
 * credentials of a victim and pass, as Next lets them.
 */
export function refuseCrossSite(method: string, headers: Headers): TRefusal | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null;
  const origin = headers.get("origin");
  if (origin === null) return null;
  let originHost: string | null = null;
  try {
    originHost = origin === "null" ? null : new URL(origin).host;
  } catch {
    originHost = null;
  }
  const host = addressedHost(headers);
  if (originHost && host && originHost.toLowerCase() === host.toLowerCase()) return null;
  return { status: 403, code: "cross_site_request", message: `Refused: this request came from another site (${origin.slice(0, 200)}), not from this server's own pages.` };
}

/** A form post to a page (a server action) larger than the admin forms accept. */
export function refuseOversizedForm(method: string, pathname: string, headers: Headers): TRefusal | null {
  if (method.toUpperCase() !== "POST" || pathname.startsWith("/api/")) return null;
  const length = Number(headers.get("content-length") ?? "0");
  if (!(length > MAX_ACTION_BODY_BYTES)) return null;
  return { status: 413, code: "too_large", message: `The upload is too large: a form can send at most ${formatMegabytes(MAX_ACTION_BODY_BYTES)} (a .txt file up to ${formatMegabytes(MAX_UPLOAD_BYTES)}).` };
}
