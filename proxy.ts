// Runs before every request: refuses cross-site writes and oversized form posts with a clear
// status (Next's server-action handler would answer 500), gives each page a fresh CSP nonce, and
// is the one place that answers 404 for a permalink that is not there (lib/routing/missing-page.ts)
// and 308 for a merged speaker's old slug, in a path or in a timeline's ?speaker=.
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { refuseCrossSite, refuseOversizedForm, type TRefusal } from "@/lib/security/request-guard";
import { ADMIN_COOKIE } from "@/lib/auth/admin-token";
import { readAdminSession } from "@/lib/auth/admin-session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";
import { followMergedSpeakerFilter } from "@/lib/routing/merged-speaker-filter";
import { checkPermalinkPath, type TViewer } from "@/lib/routing/missing-page";

// No route has this path, so Next answers it with app/not-found.tsx and a real 404 status.
const NOT_FOUND_PATH = "/_counterpoint-missing";

function refusalResponse(request: NextRequest, refusal: TRefusal): NextResponse {
  // A plain form post (no JavaScript) lands back on its page with the message shown there.
  const isPlainFormPost = request.method === "POST" && !request.headers.get("next-action") && !request.nextUrl.pathname.startsWith("/api/");
  if (isPlainFormPost && refusal.status === 413) {
    const back = new URL(request.nextUrl.pathname, request.url);
    back.searchParams.set("error", refusal.message);
    return NextResponse.redirect(back, 303);
  }
  if (request.headers.get("next-action")) {
    // Next's client shows a text/plain error body as the action's error message.
    return new NextResponse(refusal.message, { status: refusal.status, headers: { "content-type": "text/plain" } });
  }
  return NextResponse.json({ error: { code: refusal.code, message: refusal.message } }, { status: refusal.status });
}

function viewerOf(request: NextRequest): TViewer {
  return {
    async isAdmin() {
      const adminToken = getEnv().ADMIN_TOKEN;
      const cookie = request.cookies.get(ADMIN_COOKIE)?.value;
      return Boolean(adminToken && cookie) && (await readAdminSession(getDb(), cookie!, adminToken!)) !== null;
    },
  };
}

export async function proxy(request: NextRequest) {
  const refusal = refuseCrossSite(request.method, request.headers) ?? refuseOversizedForm(request.method, request.nextUrl.pathname, request.headers);
  if (refusal) return refusalResponse(request, refusal);

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const policy = contentSecurityPolicy(nonce, {
    development: process.env.NODE_ENV === "development",
    https: (process.env.PUBLIC_URL ?? "").startsWith("https:"),
  });
  // Next reads the nonce from the request's policy header and stamps it on its own scripts.
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const isRead = request.method === "GET" || request.method === "HEAD";
  const mergedSpeaker = isRead ? await followMergedSpeakerFilter(request.nextUrl) : null;
  if (mergedSpeaker) return NextResponse.redirect(new URL(mergedSpeaker, request.url), 308);
  const verdict = isRead ? await checkPermalinkPath(request.nextUrl.pathname, viewerOf(request)) : null;
  if (verdict?.kind === "moved") return NextResponse.redirect(new URL(verdict.to, request.url), 308);
  const response =
    verdict?.kind === "missing"
      ? NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.url), { request: { headers } })
      : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

export const config = {
  // Static build output needs no nonce; everything else passes through (share images for their 404).
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico|icon.svg).*)" }],
};
