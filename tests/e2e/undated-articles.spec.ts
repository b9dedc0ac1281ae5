// Undated articles on the seeded server (port 3100): the two example pastes state no publication
// date, so every place that shows them says "date unknown · added <day>" and none presents the
// time they were ingested as the time they were published.
import { expect, test } from "@playwright/test";

const ADDED = /^date unknown · added \d{1,2} [A-Z][a-z]{2} \d{4}$/;

test.describe("articles with no publication date", () => {
  test("timeline cards and the day heading say the date is unknown", async ({ page }) => {
    await page.goto("/");
    const card = page.getByTestId("article-card").first();
    await expect(card.getByTestId("date-unknown")).toHaveText(ADDED);
    await expect(page.getByRole("heading", { level: 2 }).filter({ hasText: /^Date unknown · added /i }).first()).toBeVisible();
  });

  test("the permalink and its story say so too, with no og publishedTime", async ({ page }) => {
    await page.goto("/");
    await page.getByTestId("article-card").first().getByRole("heading").getByRole("link").click();
    await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
    await expect(page.locator("article header").getByTestId("date-unknown").first()).toHaveText(ADDED);
    await expect(page.locator('meta[property="article:published_time"]')).toHaveCount(0);
    await page.getByRole("navigation", { name: "Breadcrumb" }).getByRole("link").nth(1).click();
    await expect(page.getByTestId("story-undated")).toContainText("date unknown");
  });

  test("feeds give undated items no publication date and say why", async ({ request }) => {
    const rss = await (await request.get("/feed.xml")).text();
    expect(rss).not.toContain("<pubDate>");
    expect(rss).toMatch(/<description>date unknown · added \d{1,2} [A-Z][a-z]{2} \d{4}\n/);
    const json = (await (await request.get("/feed.json")).json()) as { items: { date_published?: string; content_text: string }[] };
    expect(json.items.length).toBeGreaterThan(0);
    for (const item of json.items) {
      expect(item.date_published).toBeUndefined();
      expect(item.content_text.split("\n")[0]).toMatch(ADDED);
    }
    const atom = await (await request.get("/feed.atom")).text();
    expect(atom).not.toContain("<published>");
  });
});
