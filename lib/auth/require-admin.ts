// The authorize step of every write route and admin action.
import { cookies, headers } from "next/headers";
import { AppError } from "@/lib/api/app-error";
import { ADMIN_COOKIE, WRITES_DISABLED_MESSAGE, checkAdminToken, tokenFromRequest } from "@/lib/auth/admin-token";

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
  const requestHeaders = request ? request.headers : await headers();
  const cookie = request ? cookieFromHeader(request.headers.get("cookie"), ADMIN_COOKIE) : (await cookies()).get(ADMIN_COOKIE)?.value;
  const verdict = checkAdminToken(tokenFromRequest(requestHeaders, cookie));
  if (verdict === "disabled") throw new AppError("writes_disabled", 503, WRITES_DISABLED_MESSAGE);
  if (verdict === "missing") throw new AppError("unauthorized", 401, "this needs the admin token (Authorization: Bearer <ADMIN_TOKEN>)");
  if (verdict === "invalid") throw new AppError("forbidden", 403, "the admin token is not valid");
}

export async function isAdmin(): Promise<boolean> {
  const cookie = (await cookies()).get(ADMIN_COOKIE)?.value;
  return checkAdminToken(cookie) === "ok";
}
