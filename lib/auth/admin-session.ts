// Admin sign-in sessions. The browser's cookie holds a random session id and its HMAC, keyed by a
// hash of ADMIN_TOKEN: never the token itself. The id lives in the database until it expires or the
// admin signs out, so sign-out revokes the cookie everywhere, and changing ADMIN_TOKEN voids them all.
import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export const ADMIN_SESSION_TTL_SECONDS = 12 * 60 * 60;

function sign(id: string, adminToken: string): string {
  const key = createHash("sha256").update("counterpoint admin session\0").update(adminToken).digest();
  return createHmac("sha256", key).update(id).digest("base64url");
}

/** The session id in a cookie value, if its signature is right for this ADMIN_TOKEN. */
function verifiedId(cookie: string, adminToken: string): string | null {
  const [id, signature, ...extra] = cookie.split(".");
  if (!id || !signature || extra.length > 0) return null;
  const expected = Buffer.from(sign(id, adminToken));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

/** Opens a session and returns the cookie value for it; drops sessions that have expired. */
/** `name`, given at sign-in, signs the corrections made in this session. */
export async function startAdminSession(db: PrismaClient, adminToken: string, now = new Date(), name: string | null = null): Promise<string> {
  await db.adminSession.deleteMany({ where: { expiresAt: { lte: now } } });
  const id = randomBytes(24).toString("base64url");
  await db.adminSession.create({ data: { id, name, expiresAt: new Date(now.getTime() + ADMIN_SESSION_TTL_SECONDS * 1000) } });
  return `${id}.${sign(id, adminToken)}`;
}

/** The live session behind a cookie (with the name given at sign-in), or null. */
export async function readAdminSession(db: PrismaClient, cookie: string, adminToken: string, now = new Date()): Promise<{ name: string | null } | null> {
  const id = verifiedId(cookie, adminToken);
  if (!id) return null;
  const session = await db.adminSession.findUnique({ where: { id }, select: { expiresAt: true, name: true } });
  return session !== null && session.expiresAt > now ? { name: session.name } : null;
}

export async function isAdminSessionValid(db: PrismaClient, cookie: string, adminToken: string, now = new Date()): Promise<boolean> {
  return (await readAdminSession(db, cookie, adminToken, now)) !== null;
}

/** Revokes the session behind a cookie; a cookie that names none is ignored. */
export async function endAdminSession(db: PrismaClient, cookie: string, adminToken: string): Promise<void> {
  const id = verifiedId(cookie, adminToken);
  if (id) await db.adminSession.deleteMany({ where: { id } });
}
