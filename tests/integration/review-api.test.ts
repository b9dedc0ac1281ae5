// The corrections API through its route handlers on a real database: writes without the admin
// token are refused (401, 403 with a wrong one), bad bodies get the one JSON error shape, and a
// valid correction changes what the article shows and appears in the audit log, undoable.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { disconnectPrisma, getPrisma } from "@/lib/db/client";
import { ingestPaste } from "@/lib/ingest/pipeline";
import { createTestDatabase, type TTestDatabase } from "../support/test-database";

vi.mock("server-only", () => ({}));

const TOKEN = "review-api-test-token-0123456789";
const BASE = "http://localhost:3000";

function post(pathname: string, body: unknown, headers: Record<string, string> = {}) {
  return new Request(`${BASE}${pathname}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
}
const bearer = { authorization: `Bearer ${TOKEN}`, "x-reviewer": "Desk Editor" };

describe("the corrections API", () => {
  let database: TTestDatabase;
  let db: PrismaClient;
  let routes: typeof import("@/app/api/corrections/route");
  let undoRoute: typeof import("@/app/api/corrections/[id]/undo/route");
  let statementId: number;

  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    vi.stubEnv("DATABASE_URL", database.url);
    vi.stubEnv("ADMIN_TOKEN", TOKEN);
    db = getPrisma();
    await ingestPaste(db, await readFile(path.join(process.cwd(), "prisma", "seed-articles", "japan-treaty-unfair.txt"), "utf8"));
    statementId = (await db.statement.findFirstOrThrow({ where: { text: { contains: "calling it" } } })).id;
    routes = await import("@/app/api/corrections/route");
    undoRoute = await import("@/app/api/corrections/[id]/undo/route");
  });

  afterAll(async () => {
    await disconnectPrisma();
    await database?.drop();
    vi.unstubAllEnvs();
  });

  it("refuses a correction without the token (401) or with a wrong one (403), and changes nothing", async () => {
    const body = { kind: "statement_reject", statementId };
    const anonymous = await routes.POST(post("/api/corrections", body));
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" } });
    const wrong = await routes.POST(post("/api/corrections", body, { authorization: "Bearer not-the-admin-token-at-all" }));
    expect(wrong.status).toBe(403);
    expect((await routes.GET(new Request(`${BASE}/api/corrections`))).status).toBe(401);
    expect((await undoRoute.POST(post("/api/corrections/1/undo", {}), { params: Promise.resolve({ id: "1" }) })).status).toBe(401);
    expect(await db.statement.count({ where: { id: statementId } })).toBe(1);
    expect(await db.correction.count()).toBe(0);
  });

  it("answers a bad body with 422 in the one error shape, naming the field", async () => {
    const response = await routes.POST(post("/api/corrections", { kind: "statement_mode", statementId, mode: "shouted" }, bearer));
    expect(response.status).toBe(422);
    const body = await response.json();
    expect(body.error.code).toBe("invalid_input");
    expect(body.error.message).toContain("mode");
    const missing = await routes.POST(post("/api/corrections", { kind: "statement_reject", statementId: 999_999 }, bearer));
    expect(missing.status).toBe(404);
  });

  it("applies a correction with the token, signs it with the caller's name, lists it and undoes it", async () => {
    const response = await routes.POST(post("/api/corrections", { kind: "statement_reject", statementId }, bearer));
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created.message).toContain("not a statement");
    expect(await db.statement.count({ where: { text: { contains: "calling it" } } })).toBe(0);

    const log = await (await routes.GET(new Request(`${BASE}/api/corrections?kind=statement_reject`, { headers: bearer }))).json();
    expect(log.corrections).toHaveLength(1);
    expect(log.corrections[0]).toMatchObject({ id: created.id, author: "Desk Editor (API token)", status: "applied" });

    const undone = await undoRoute.POST(post(`/api/corrections/${created.id}/undo`, {}, bearer), { params: Promise.resolve({ id: String(created.id) }) });
    expect(undone.status).toBe(201);
    expect(await db.statement.count({ where: { text: { contains: "calling it" } } })).toBe(1);
  });

  it("keeps a hidden article out of the feeds, and ?review=reviewed lists only reviewed ones", async () => {
    const { listTimelineArticles } = await import("@/lib/queries/timeline");
    const article = await db.article.findFirstOrThrow({ select: { id: true, title: true } });
    expect((await listTimelineArticles({ review: "reviewed" })).map((card) => card.title)).toEqual([]);
    expect((await routes.POST(post("/api/corrections", { kind: "article_review", articleId: article.id, state: "reviewed" }, bearer))).status).toBe(201);
    expect((await listTimelineArticles({ review: "reviewed" })).map((card) => card.title)).toEqual([article.title]);

    expect((await routes.POST(post("/api/corrections", { kind: "article_hide", articleId: article.id, hidden: true, reason: "duplicate" }, bearer))).status).toBe(201);
    expect((await listTimelineArticles({})).map((card) => card.title)).not.toContain(article.title);
    const shown = await (await routes.POST(post("/api/corrections", { kind: "article_hide", articleId: article.id, hidden: false }, bearer))).json();
    expect(shown.message).toContain("is shown again");
    expect((await listTimelineArticles({})).map((card) => card.title)).toContain(article.title);
  });
});
