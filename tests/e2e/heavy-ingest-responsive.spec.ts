// Heavy ingestion never stalls the server: while a 100,000-line paste, a 4,000-deep page and a
// feed whose gzip body stalls are being ingested through the API, the timeline and GET /api/feeds
// keep answering — checked by the order in which things finish, never against a clock.
import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN, LOOPBACK_BASE } from "../../playwright.config";
import { startHostileServer, type THostileServer } from "../support/hostile-server";

let hostile: THostileServer;

test.beforeAll(async () => {
  hostile = await startHostileServer({ nestingDepth: 4_000 });
});

test.afterAll(async () => {
  await hostile?.close();
});

test("the timeline and the feeds API answer while heavy items are still being ingested", async ({ request }) => {
  test.setTimeout(300_000);
  const finished: string[] = [];
  const ingest = (name: string, body: object) =>
    request
      .post(`${LOOPBACK_BASE}/api/ingest`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` }, data: body, timeout: 280_000 })
      .then(async (response) => {
        finished.push(name);
        return { name, status: response.status(), body: await response.text() };
      });

  const longPaste = Array.from({ length: 100_000 }, (_, i) => `note ${i}`).join("\n");
  const heavy = Promise.all([
    ingest("paste", { kind: "paste", text: longPaste }),
    ingest("deep page", { kind: "url", url: hostile.url("/deep-nesting") }),
    ingest("stalled feed", { kind: "feed", url: hostile.url("/stalling-gzip") }),
  ]);

  // Every heavy item has reached the server before the reads start.
  await expect.poll(() => hostile.hits("/deep-nesting") > 0 && hostile.hits("/stalling-gzip") > 0, { timeout: 120_000 }).toBe(true);
  const timeline = await request.get(`${LOOPBACK_BASE}/`, { timeout: 120_000 });
  finished.push("timeline");
  const feeds = await request.get(`${LOOPBACK_BASE}/api/feeds`, { timeout: 120_000 });
  finished.push("feeds");
  expect(timeline.status()).toBe(200);
  expect(feeds.status()).toBe(200);
  // The stalled feed is still being fetched when both reads have answered.
  expect(finished).not.toContain("stalled feed");

  const results = await heavy;
  // Each heavy item ends as a run with its outcome: stored (200) or failed upstream with a reason (502).
  for (const result of results) {
    expect([200, 502], `${result.name}: ${result.body}`).toContain(result.status);
    expect(JSON.parse(result.body)).toHaveProperty("status");
  }
  const feedRun = results.find((result) => result.name === "stalled feed");
  expect(feedRun?.body).toMatch(/"status":"failed"/);
});
