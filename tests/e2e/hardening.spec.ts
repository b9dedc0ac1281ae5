// The web edge answers clearly and safely: every page carries a nonce CSP and the usual security
// headers and still hydrates; share images render emoji, CJK and right-to-left headlines on a
// machine with no internet; bad writes get a 4xx naming the problem, never a 500; the admin cookie
// is a revocable session, not the token.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { ADMIN_TOKEN, EMPTY_BASE } from "../../playwright.config";

const bearer = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function signIn(page: Page) {
  await page.goto(`${EMPTY_BASE}/admin`);
  await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Paste text" })).toBeVisible();
}

async function paste(request: APIRequestContext, text: string) {
  const response = await request.post(`${EMPTY_BASE}/api/ingest`, { data: { kind: "paste", text }, headers: bearer });
  expect(response.status()).toBe(200);
  return response.json();
}

// Each test loads several server-rendered pages or ingests a large paste; a busy machine needs time.
test.describe.configure({ timeout: 300_000 });

test.describe("security headers and CSP", () => {
  test("pages carry a nonce CSP and security headers, and still hydrate with no violation", async ({ page }) => {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { cspViolations: string[] }).cspViolations = seen;
      document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
    });
    await page.goto("/");
    const permalink = (await page.locator('a[href^="/articles/"]').first().getAttribute("href")) ?? "/articles/missing";
    for (const path of ["/", permalink, "/?country=JP", "/admin"]) {
      const response = await page.goto(path);
      const headers = response?.headers() ?? {};
      expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["permissions-policy"]).toContain("camera=()");
      // React marks the DOM nodes it hydrated; blocked scripts would leave none.
      await expect.poll(() => page.evaluate(() => Object.keys(document.querySelector("main") ?? {}).some((key) => key.startsWith("__react")))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
    }
  });
});

test.describe("share images", () => {
  const headlines = {
    emoji: "Fishing fleets return 🎣🌊 as the quota row ends",
    CJK: "日本と米国、安全保障条約の見直しで合意",
    RTL: "وزير الخارجية: المحادثات ستستأنف يوم الاثنين",
  };

  for (const [kind, headline] of Object.entries(headlines)) {
    test(`render for a headline in ${kind}`, async ({ page, request }) => {
      await paste(request, `${headline}\n\nOfficials said on Monday that the talks would resume within a week, according to a statement.`);
      await page.goto(`${EMPTY_BASE}/`);
      const permalink = await page.locator('a[href^="/articles/"]', { hasText: headline }).first().getAttribute("href");
      await page.goto(`${EMPTY_BASE}${permalink}`);
      const imageUrl = new URL((await page.locator('meta[property="og:image"]').getAttribute("content")) ?? "");
      const image = await request.get(`${EMPTY_BASE}${imageUrl.pathname}${imageUrl.search}`);
      expect(image.status()).toBe(200);
      expect(image.headers()["content-type"]).toBe("image/png");
      const body = await image.body();
      expect(body.subarray(1, 4).toString("ascii")).toBe("PNG");
      // A headline alone draws 13–25 kB here; the blank card next/og gave offline was under 4 kB.
      expect(body.length).toBeGreaterThan(8_000);
    });
  }
});

test.describe("clear 4xx answers", () => {
  test("NUL in pasted text via the API is a 422 naming it", async ({ request }) => {
    const response = await request.post(`${EMPTY_BASE}/api/ingest`, { data: { kind: "paste", text: "Officials said the talks would resume.\u0000" }, headers: bearer });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.message).toMatch(/NUL bytes/);
  });

  test("feed ids past the integer range, or not numbers, are a 422; a missing feed is a 404", async ({ request }) => {
    const big = await request.delete(`${EMPTY_BASE}/api/feeds/2147483648`, { headers: bearer });
    expect(big.status()).toBe(422);
    expect((await big.json()).error.message).toContain("2147483647");
    expect((await request.delete(`${EMPTY_BASE}/api/feeds/abc`, { headers: bearer })).status()).toBe(422);
    expect((await request.delete(`${EMPTY_BASE}/api/feeds/2147483647`, { headers: bearer })).status()).toBe(404);
  });

  test("a form post or write from another site is a 403, before any action runs", async ({ request }) => {
    const form = await request.post(`${EMPTY_BASE}/admin`, { multipart: { token: ADMIN_TOKEN }, headers: { origin: "https://elsewhere.example" } });
    expect(form.status()).toBe(403);
    expect((await form.json()).error.code).toBe("cross_site_request");
    const action = await request.post(`${EMPTY_BASE}/admin`, { data: "[]", headers: { origin: "https://elsewhere.example", "next-action": "0".repeat(42) } });
    expect(action.status()).toBe(403);
    const api = await request.delete(`${EMPTY_BASE}/api/feeds/1`, { headers: { ...bearer, origin: "null" } });
    expect(api.status()).toBe(403);
  });

  test("a 1.5 MB text file goes through the admin paste form; an oversized post gets the limit in a message", async ({ page, request }) => {
    await signIn(page);
    const paragraph = (n: number) => `Report ${n}: the harbour council said on day ${n} that the ${n % 7 === 0 ? "northern" : "southern"} quay would reopen after repairs costing ${n * 13} thousand.\n\n`;
    let text = "Harbour council repair log\n\n";
    for (let n = 1; text.length < 1_500_000; n += 1) text += paragraph(n);
    await page.getByLabel(/…or a \.txt file/).setInputFiles({ name: "harbour-log.txt", mimeType: "text/plain", buffer: Buffer.from(text) });
    await page.getByRole("button", { name: "Ingest text" }).click();
    const run = page.getByTestId("ingest-run").first();
    await expect(run).toContainText("harbour-log.txt", { timeout: 120_000 });
    await expect(run).toContainText(/succeeded|partial/);

    await page.getByLabel(/…or a \.txt file/).setInputFiles({ name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(9_000_000, "a") });
    expect(await page.getByLabel(/…or a \.txt file/).evaluate((input: HTMLInputElement) => input.validationMessage)).toMatch(/limit is 8 MB/);

    const oversized = await request.post(`${EMPTY_BASE}/admin`, { multipart: { file: { name: "huge.txt", mimeType: "text/plain", buffer: Buffer.alloc(15_000_000, "a") } }, maxRedirects: 0 });
    expect(oversized.status()).toBe(303);
    const landing = await request.get(new URL(oversized.headers()["location"] ?? "", EMPTY_BASE).toString());
    expect(await landing.text()).toMatch(/The upload is too large: a form can send at most \d+ MB/);
  });
});

test.describe("admin session", () => {
  test("the cookie is a session, not the token, and signing out revokes it", async ({ page, request }) => {
    await signIn(page);
    const cookie = (await page.context().cookies(EMPTY_BASE)).find((entry) => entry.name === "counterpoint_admin");
    expect(cookie?.value).toBeTruthy();
    expect(cookie?.value).not.toContain(ADMIN_TOKEN);
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Strict");
    const withOldCookie = { cookie: `counterpoint_admin=${cookie?.value}` };

    // Signed in: the write is authorized (and finds no such feed).
    expect((await request.delete(`${EMPTY_BASE}/api/feeds/2147483647`, { headers: withOldCookie })).status()).toBe(404);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByLabel("Admin token")).toBeVisible();
    const after = await request.delete(`${EMPTY_BASE}/api/feeds/2147483647`, { headers: withOldCookie });
    expect(after.status()).toBe(401);
    expect((await after.json()).error.code).toBe("session_ended");
  });
});
