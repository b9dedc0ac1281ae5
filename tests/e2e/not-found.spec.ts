// Unknown permalinks answer HTTP 404 with a helpful page; known ones answer 200.
import { expect, test } from "@playwright/test";

test("unknown article, speaker, story and country links are real 404s", async ({ page, request }) => {
  for (const path of ["/articles/no-such-article-123", "/speakers/nobody-at-all", "/stories/never-happened", "/countries/ZZZ"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
  }
  const response = await page.goto("/articles/no-such-article-123");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: /timeline/i }).first()).toBeVisible();
});

test("a known article and speaker answer 200", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('a[href^="/articles/"]').first().getAttribute("href");
  expect(href).toBeTruthy();
  expect((await request.get(href!)).status()).toBe(200);
  expect((await request.get("/speakers/donald-trump")).status()).toBe(200);
  expect((await request.get("/countries/JP")).status()).toBe(200);
});
