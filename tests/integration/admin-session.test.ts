// Admin sessions on a real database: the cookie holds a signed random id (never the token), and
// signing out, expiry or a new ADMIN_TOKEN each make an old cookie useless.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { ADMIN_SESSION_TTL_SECONDS, endAdminSession, isAdminSessionValid, startAdminSession } from "@/lib/auth/admin-session";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const TOKEN = "integration-admin-token-0123456789";

describe.each(testTargets)("admin sessions on %s", (target) => {
  let database: TTestDatabase;
  let db: PrismaClient;

  beforeAll(async () => {
    database = await createTestDatabase(target);
    db = createPrismaClient(database.url);
  });

  afterAll(async () => {
    await db?.$disconnect();
    await database?.drop();
  });

  it("gives a cookie that is not the token and works until sign-out revokes it", async () => {
    const cookie = await startAdminSession(db, TOKEN);
    expect(cookie).not.toContain(TOKEN);
    expect(await isAdminSessionValid(db, cookie, TOKEN)).toBe(true);
    await endAdminSession(db, cookie, TOKEN);
    expect(await isAdminSessionValid(db, cookie, TOKEN)).toBe(false);
  });

  it("ends one session at sign-out and leaves another browser signed in", async () => {
    const laptop = await startAdminSession(db, TOKEN);
    const phone = await startAdminSession(db, TOKEN);
    await endAdminSession(db, laptop, TOKEN);
    expect(await isAdminSessionValid(db, laptop, TOKEN)).toBe(false);
    expect(await isAdminSessionValid(db, phone, TOKEN)).toBe(true);
  });

  it("refuses forged, tampered and old-token cookies", async () => {
    const cookie = await startAdminSession(db, TOKEN);
    const [id, signature] = cookie.split(".");
    expect(await isAdminSessionValid(db, `${id}.${"A".repeat(signature?.length ?? 43)}`, TOKEN)).toBe(false);
    expect(await isAdminSessionValid(db, `${id}x.${signature}`, TOKEN)).toBe(false);
    expect(await isAdminSessionValid(db, TOKEN, TOKEN)).toBe(false);
    expect(await isAdminSessionValid(db, cookie, "a-rotated-admin-token-9876543210")).toBe(false);
  });

  it("expires after its lifetime, and sign-in sweeps expired rows", async () => {
    const signedInAt = new Date("2026-01-01T08:00:00Z");
    const cookie = await startAdminSession(db, TOKEN, signedInAt);
    const justBefore = new Date(signedInAt.getTime() + ADMIN_SESSION_TTL_SECONDS * 1000 - 1000);
    const after = new Date(signedInAt.getTime() + ADMIN_SESSION_TTL_SECONDS * 1000 + 1000);
    expect(await isAdminSessionValid(db, cookie, TOKEN, justBefore)).toBe(true);
    expect(await isAdminSessionValid(db, cookie, TOKEN, after)).toBe(false);
    const before = await db.adminSession.count();
    await startAdminSession(db, TOKEN);
    expect(await db.adminSession.count()).toBe(before);
  });
});
