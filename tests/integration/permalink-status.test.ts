// What the proxy answers before a page renders, on the production server: an unknown article,
// speaker, story, country or share image is a real 404 with the app's not-found page; a hidden
// article's permalink and share image are 404 for readers and shown to a signed-in admin; a merged
// speaker's old slug leads (308) to the canonical one, in a path and in a timeline's ?speaker=.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withClient } from "@/lib/db/prepare-database";
import { signInAsAdmin, startNextServer, type TNextServer } from "../support/next-server";
import { createTestDatabase, testTargets, type TTestDatabase } from "../support/test-database";

const ADMIN_TOKEN = "permalink-status-test-token-0123456789";
const NOT_FOUND_TEXT = "There is no article, speaker, country or story at this address.";

/** Written for this test: a claim and a reply, under a title unique to the run. */
function articleText(title: string): string {
  return [
    title,
    "",
    "Transport minister Lena Halvorsen said on Wednesday that the northern rail link would open in May.",
    "\"The track is laid and the signals pass their tests next week,\" Halvorsen told reporters.",
    "Rail union leader Marco Bianchi rejected the date.",
    "\"Not one driver has been trained on the new signals,\" Bianchi said.",
  ].join("\n");
}

/** A second story (the same body twice would be stored once, as a duplicate). */
function otherArticleText(title: string): string {
  return [
    title,
    "",
    "City treasurer Paulo Mendes said on Thursday that the new parking fees had paid for the tram extension.",
    "\"Every cent of it went into the rails,\" Mendes said.",
    "Shopkeepers' guild chair Hanna Berg called the claim misleading.",
    "\"Half the money went to consultants,\" Berg said.",
  ].join("\n");
}

describe.each(testTargets)("permalink status codes on %s", (target) => {
  let database: TTestDatabase;
  let server: TNextServer;
  let adminCookie: string;
  const run = Date.now().toString(36);
  const shownTitle = `Rail link opening ${run} shown`;
  const hiddenTitle = `Rail link opening ${run} hidden`;
  let hiddenSlug: string;
  let hiddenImagePath: string;
  let keptSpeaker: string;
  let mergedSpeaker: string;

  const request = (pathname: string, headers: Record<string, string> = {}) => fetch(`${server.base}${pathname}`, { redirect: "manual", headers });
  const query = <T extends object>(sql: string, values: unknown[] = []) => withClient(database.url, async (client) => (await client.query<T>(sql, values)).rows);

  async function api(pathname: string, body: unknown): Promise<Response> {
    const response = await fetch(`${server.base}${pathname}`, {
      method: "POST",
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    expect(response.status, await response.clone().text()).toBeLessThan(300);
    return response;
  }

  beforeAll(async () => {
    database = await createTestDatabase(target);
    server = await startNextServer(database.url, { ADMIN_TOKEN });
    adminCookie = await signInAsAdmin(server.base, ADMIN_TOKEN);
    await api("/api/ingest", { kind: "paste", text: articleText(shownTitle) });
    await api("/api/ingest", { kind: "paste", text: otherArticleText(hiddenTitle) });

    const [hidden] = await query<{ id: number; slug: string }>(`SELECT id, slug FROM "Article" WHERE title = $1`, [hiddenTitle]);
    hiddenSlug = hidden!.slug;
    const permalink = await (await request(`/articles/${hiddenSlug}`)).text();
    const image = /<meta property="og:image" content="([^"]+)"/.exec(permalink)?.[1];
    expect(image).toMatch(/opengraph-image/);
    const imageUrl = new URL(image!.replace(/&amp;/g, "&"));
    hiddenImagePath = imageUrl.pathname + imageUrl.search;
    expect((await request(hiddenImagePath)).status).toBe(200);
    await api("/api/corrections", { kind: "article_hide", articleId: hidden!.id, hidden: true, reason: "duplicate" });

    const speakers = await query<{ id: number; slug: string; name: string }>(`SELECT id, slug, name FROM "Speaker" WHERE name IN ('Lena Halvorsen', 'Marco Bianchi')`);
    const kept = speakers.find((speaker) => speaker.name === "Lena Halvorsen");
    const merged = speakers.find((speaker) => speaker.name === "Marco Bianchi");
    expect(kept && merged).toBeTruthy();
    keptSpeaker = kept!.slug;
    mergedSpeaker = merged!.slug;
    await api("/api/corrections", { kind: "speaker_merge", speakerId: kept!.id, fromSpeakerId: merged!.id });
  }, 900_000);

  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it("answers unknown permalinks and share images with a real 404 and the not-found page", async () => {
    for (const pathname of ["/articles/no-such-article-123", "/speakers/nobody-at-all", "/stories/never-happened", "/countries/ZZZ", "/articles/no-such-article-123/opengraph-image", "/articles/%E0%A4%A"]) {
      const response = await request(pathname);
      expect(response.status, pathname).toBe(404);
      expect(await response.text(), pathname).toContain(NOT_FOUND_TEXT);
    }
  });

  it("hides a hidden article's permalink and share image from readers, not from the admin", async () => {
    for (const pathname of [`/articles/${hiddenSlug}`, hiddenImagePath]) {
      const reader = await request(pathname);
      expect(reader.status, pathname).toBe(404);
      expect(await reader.text(), pathname).toContain(NOT_FOUND_TEXT);
      expect((await request(pathname, { cookie: adminCookie })).status, pathname).toBe(200);
    }
    expect(await (await request("/")).text()).not.toContain(hiddenTitle);
  });

  it("leads a merged speaker's old slug to the speaker it became part of", async () => {
    const page = await request(`/speakers/${mergedSpeaker}`);
    expect(page.status).toBe(308);
    expect(page.headers.get("location")).toMatch(new RegExp(`/speakers/${keptSpeaker}$`));

    for (const pathname of ["/", "/feed.xml"]) {
      const filtered = await request(`${pathname}?q=rail&speaker=${mergedSpeaker}`);
      expect(filtered.status, pathname).toBe(308);
      const location = new URL(filtered.headers.get("location") ?? "", server.base);
      expect(location.pathname).toBe(pathname);
      expect(Object.fromEntries(location.searchParams)).toEqual({ q: "rail", speaker: keptSpeaker });
    }
    const timeline = await request(`/?speaker=${keptSpeaker}`);
    expect(timeline.status).toBe(200);
    expect(await timeline.text()).toContain(shownTitle);
  });

  it("answers a known article, speaker and country with 200", async () => {
    const [shown] = await query<{ slug: string }>(`SELECT slug FROM "Article" WHERE title = $1`, [shownTitle]);
    for (const pathname of [`/articles/${shown!.slug}`, `/speakers/${keptSpeaker}`, "/countries/JP"]) expect((await request(pathname)).status, pathname).toBe(200);
  });
});
