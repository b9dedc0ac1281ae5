// Write paths need the admin token from ADMIN_TOKEN. With no token configured, writes are
// disabled outright: the product never defaults to open.
import { createHash, timingSafeEqual } from "node:crypto";
import { getEnv } from "@/lib/env";

export type TAdminCheck = "ok" | "disabled" | "missing" | "invalid";

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

export function checkAdminToken(provided: string | null | undefined, expected = getEnv().ADMIN_TOKEN): TAdminCheck {
  if (!expected) return "disabled";
  if (!provided) return "missing";
  // Hashing first gives equal lengths, so the comparison time says nothing about the token.
  return timingSafeEqual(digest(provided), digest(expected)) ? "ok" : "invalid";
}

export const ADMIN_COOKIE = "counterpoint_admin";

export const WRITES_DISABLED_MESSAGE =
  "Writes are disabled: set ADMIN_TOKEN (16+ characters) in the server's environment and restart to enable ingestion.";

/** The token from `Authorization: Bearer …`, if any. Browsers sign in instead (lib/auth/admin-session.ts). */
export function bearerToken(headers: Headers): string | null {
  const header = headers.get("authorization");
  return (header && /^Bearer\s+(.+)$/i.exec(header.trim())?.[1]) || null;
}
