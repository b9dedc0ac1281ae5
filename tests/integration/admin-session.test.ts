// Admin sessions on a real database: the cookie holds a signed random id (never the token), and
// signing out, expiry or a new ADMIN_TOKEN each make an old cookie useless.
import { describe, expect, it } from "vitest";
import { ADMIN_SESSION_TTL_SECONDS, endAdminSession, isAdminSessionValid, startAdminSession } from "@/lib/auth/admin-session";
import { testTargets, setUpTestDatabase } from "../support/test-database";

const TOKEN = "integration-admin-token-0123456789";

describe.each(testTargets)("admin sessions on %s", (target) => {
  const used = setUpTestDatabase(target);

  it("gives a cookie that is not the token and works until sign-out revokes it", async () => {
    const cookie = await startAdminSession(used.db, TOKEN);
    expect(cookie).not.toContain(TOKEN);
    expect(await isAdminSessionValid(used.db, cookie, TOKEN)).toBe(true);
    await endAdminSession(used.db, cookie, TOKEN);
    expect(await isAdminSessionValid(used.db, cookie, TOKEN)).toBe(false);
  });

  it("ends one session at sign-out and leaves another browser signed in", async () => {
    const laptop = await startAdminSession(used.db, TOKEN);
    const phone = await startAdminSession(used.db, TOKEN);
    await endAdminSession(used.db, laptop, TOKEN);
    expect(await isAdminSessionValid(used.db, laptop, TOKEN)).toBe(false);
    expect(await isAdminSessionValid(used.db, phone, TOKEN)).toBe(true);
  });

  it("refuses forged, tampered and old-token cookies", async () => {
    const cookie = await startAdminSession(used.db, TOKEN);
    const [id, signature] = cookie.split(".");
    expect(await isAdminSessionValid(used.db, `${id}.${"A".repeat(signature?.length ?? 43)}`, TOKEN)).toBe(false);
    expect(await isAdminSessionValid(used.db, `${id}x.${signature}`, TOKEN)).toBe(false);
    expect(await isAdminSessionValid(used.db, TOKEN, TOKEN)).toBe(false);
    expect(await isAdminSessionValid(used.db, cookie, "a-rotated-admin-token-9876543210")).toBe(false);
  });

  it("expires after its lifetime, and sign-in sweeps expired rows", async () => {
    const signedInAt = new Date("2026-01-01T08:00:00Z");
    const cookie = await startAdminSession(used.db, TOKEN, signedInAt);
    const justBefore = new Date(signedInAt.getTime() + ADMIN_SESSION_TTL_SECONDS * 1000 - 1000);
    const after = new Date(signedInAt.getTime() + ADMIN_SESSION_TTL_SECONDS * 1000 + 1000);
    expect(await isAdminSessionValid(used.db, cookie, TOKEN, justBefore)).toBe(true);
    expect(await isAdminSessionValid(used.db, cookie, TOKEN, after)).toBe(false);
    const before = await used.db.adminSession.count();
    await startAdminSession(used.db, TOKEN);
    expect(await used.db.adminSession.count()).toBe(before);
  });
});
