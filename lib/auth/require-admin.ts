// The authorize step of every write route and admin action: the API's bearer token, or a signed-in
// admin session from the cookie.
import { cookies, headers } from "next/headers";
import { AppError } from "@/lib/api/app-error";
import { ADMIN_COOKIE, WRITES_DISABLED_MESSAGE, bearerToken, checkAdminToken } from "@/lib/auth/admin-token";
import { isAdminSessionValid } from "@/lib/auth/admin-session";
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

/** Route handlers pass their request; server actions read the request Next is serving. */
export async function requireAdmin(request?: Request): Promise<void> {
  const adminToken = getEnv().ADMIN_TOKEN;
  if (!adminToken) throw new AppError("writes_disabled", 503, WRITES_DISABLED_MESSAGE);
  const bearer = bearerToken(request ? request.headers : await headers());
  if (bearer) {
    if (checkAdminToken(bearer, adminToken) === "ok") return;
    throw new AppError("forbidden", 403, "the admin token is not valid");
  }
  const cookie = request ? cookieFromHeader(request.headers.get("cookie"), ADMIN_COOKIE) : (await cookies()).get(ADMIN_COOKIE)?.value;
  if (cookie && (await isAdminSessionValid(getDb(), cookie, adminToken))) return;
  if (cookie) throw new AppError("session_ended", 401, "your admin session has ended: sign in again");
  throw new AppError("unauthorized", 401, "this needs the admin token (Authorization: Bearer <ADMIN_TOKEN>)");
}

export async function isAdmin(): Promise<boolean> {
  const adminToken = getEnv().ADMIN_TOKEN;
  const cookie = (await cookies()).get(ADMIN_COOKIE)?.value;
  return Boolean(adminToken && cookie) && (await isAdminSessionValid(getDb(), cookie!, adminToken!));
}
