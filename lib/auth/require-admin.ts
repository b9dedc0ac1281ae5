// The authorize step of every write route and admin action: the API's bearer token, or a signed-in
// admin session from the cookie.
import { cookies, headers } from "next/headers";
import { AppError } from "@/lib/api/app-error";
import { ADMIN_COOKIE, WRITES_DISABLED_MESSAGE, bearerToken, checkAdminToken } from "@/lib/auth/admin-token";
import { readAdminSession } from "@/lib/auth/admin-session";
import { getDb } from "@/lib/db";
import { getEnv } from "@/lib/env";

function cookieFromHeader(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join("="));
    } catch {
      return value.join("=");
    }
  }
  return undefined;
}

const API_AUTHOR = "API token";
const SESSION_AUTHOR = "admin";

/** The name an API caller signs its corrections with (`X-Reviewer`), else the token's label. */
function apiAuthor(requestHeaders: Headers): string {
  const given = (requestHeaders.get("x-reviewer") ?? "").replace(/[\u0000-\u001f\u007f]/g, "").trim().slice(0, 80);
  return given ? `${given} (${API_AUTHOR})` : API_AUTHOR;
}

/**
 * Route handlers pass their request; server actions read the request Next is serving. Returns who
 * is writing: the name given at sign-in, or the API caller's label.
 */
export async function requireAdmin(request?: Request): Promise<string> {
  const adminToken = getEnv().ADMIN_TOKEN;
  if (!adminToken) throw new AppError("writes_disabled", 503, WRITES_DISABLED_MESSAGE);
  const requestHeaders = request ? request.headers : await headers();
  const bearer = bearerToken(requestHeaders);
  if (bearer) {
    if (checkAdminToken(bearer, adminToken) === "ok") return apiAuthor(requestHeaders);
    throw new AppError("forbidden", 403, "the admin token is not valid");
  }
  const cookie = request ? cookieFromHeader(request.headers.get("cookie"), ADMIN_COOKIE) : (await cookies()).get(ADMIN_COOKIE)?.value;
  const session = cookie ? await readAdminSession(getDb(), cookie, adminToken) : null;
  if (session) return session.name ?? SESSION_AUTHOR;
  if (cookie) throw new AppError("session_ended", 401, "your admin session has ended: sign in again");
  throw new AppError("unauthorized", 401, "this needs the admin token (Authorization: Bearer <ADMIN_TOKEN>)");
}

export async function isAdmin(): Promise<boolean> {
  const adminToken = getEnv().ADMIN_TOKEN;
  const cookie = (await cookies()).get(ADMIN_COOKIE)?.value;
  return Boolean(adminToken && cookie) && (await readAdminSession(getDb(), cookie!, adminToken!)) !== null;
}
