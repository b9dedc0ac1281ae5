// The dashboard on the seeded server (port 3100: the two example pastes through the real
// ingestion pipeline): timeline, filters as links, permalink, share image, feeds, keyboard, axe.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const SCREENSHOTS = "docs/screenshots";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Opens the permalink of an article that carries Trump's claim and Ishiba's rebuttal. */
async function openRebuttedArticle(page: Page) {
  await page.goto("/?speaker=shigeru-ishiba");
  await page.getByTestId("article-card").filter({ has: trumpClaimRebuttedByIshiba(page) }).first().getByRole("heading").getByRole("link").click();
  await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
}

/** A claim by Donald Trump answered by a rebuttal from Shigeru Ishiba. */
function trumpClaimRebuttedByIshiba(page: Page) {
  return page
    .getByTestId("pair-group")
    .filter({ has: page.getByRole("link", { name: "Donald Trump", exact: true }) })
    .filter({ has: page.getByTestId("response").filter({ has: page.locator('[data-relation="rebuts"]') }).filter({ hasText: "Shigeru Ishiba" }) });
}

test.describe("dashboard", () => {
  test("the timeline shows Trump's claim with Ishiba's rebuttal", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Claims and responses" })).toBeVisible();
    await expect(trumpClaimRebuttedByIshiba(page).first()).toBeVisible();
    await expect(trumpClaimRebuttedByIshiba(page).first().locator('[data-relation="rebuts"]').first()).toContainText("Rebuts");
  });

  test("a country filter (JP) changes what is shown and survives a reload and a copied URL", async ({ page, context }) => {
    await page.goto("/");
    await expect(page.getByRole("main")).toContainText("Trump Casts Doubt On NATO Solidarity");
    await page.getByRole("combobox", { name: "Country" }).selectOption("JP");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]country=JP(&|$)/);
    await expect(page.getByTestId("chip-country")).toContainText("Japan");
    await expect(page.getByRole("main")).not.toContainText("Trump Casts Doubt On NATO Solidarity");
    await expect(trumpClaimRebuttedByIshiba(page).first()).toBeVisible();

    await page.reload();
    await expect(page.getByTestId("chip-country")).toContainText("Japan");
    await expect(page.getByRole("combobox", { name: "Country" })).toHaveValue("JP");
    await expect(page.getByRole("main")).not.toContainText("Trump Casts Doubt On NATO Solidarity");

    const copied = await context.newPage();
    await copied.goto(page.url());
    await expect(copied.getByTestId("chip-country")).toContainText("Japan");
    await expect(copied.getByRole("main")).not.toContainText("Trump Casts Doubt On NATO Solidarity");
    await copied.close();

    await page.getByTestId("chip-country").click();
    await expect(page).not.toHaveURL(/country=/);
    await expect(page.getByRole("main")).toContainText("Trump Casts Doubt On NATO Solidarity");
  });

  test("a speaker filter (Donald Trump) changes what is shown and survives a reload and a copied URL", async ({ page, context }) => {
    await page.goto("/");
    const allCards = await page.getByTestId("article-card").count();
    await page.getByRole("navigation", { name: "Speakers" }).getByRole("link", { name: /Yoshimasa Hayashi/ }).click();
    await expect(page).toHaveURL(/[?&]speaker=yoshimasa-hayashi/);
    await expect(page.getByTestId("article-card")).not.toHaveCount(allCards);

    await page.goto("/");
    await page.getByRole("combobox", { name: "Speaker" }).selectOption("donald-trump");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/[?&]speaker=donald-trump/);
    await expect(page.getByTestId("chip-speaker")).toContainText("Donald Trump");
    for (const card of await page.getByTestId("article-card").all()) await expect(card).toContainText("Donald Trump");

    await page.getByRole("combobox", { name: "Country" }).selectOption("JP");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/country=JP/);
    await expect(page).toHaveURL(/speaker=donald-trump/);
    await expect(page.getByRole("main")).not.toContainText("Trump Casts Doubt On NATO Solidarity");

    await page.reload();
    await expect(page.getByTestId("chip-speaker")).toContainText("Donald Trump");
    await expect(page.getByTestId("chip-country")).toContainText("Japan");
    const copied = await context.newPage();
    await copied.goto(page.url());
    await expect(copied.getByTestId("chip-speaker")).toContainText("Donald Trump");
    await expect(trumpClaimRebuttedByIshiba(copied).first()).toBeVisible();
    await copied.close();
  });

  test("a bad filter value shows a friendly message, not an error page", async ({ page }) => {
    const response = await page.goto("/?country=XX&relation=agrees&from=2025-02-30");
    expect(response?.status()).toBe(200);
    const alert = page.getByTestId("filter-problems");
    await expect(alert).toContainText("Some filters could not be used");
    await expect(alert).toContainText("not a known country code");
    await expect(alert).toContainText("rebuts, supports or responds");
    await expect(page.getByTestId("article-card").first()).toBeVisible();
  });

  test("the article permalink highlights statements, lists pairs and carries share metadata", async ({ page, request }) => {
    await openRebuttedArticle(page);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

    const claim = page.locator('mark[data-role="claim"]').first();
    await expect(claim).toBeVisible();
    await expect(page.locator('mark[data-role="response"]').first()).toBeVisible();
    await claim.focus();
    const tip = page.locator(`#${await claim.getAttribute("aria-describedby")}`);
    await expect(tip).toBeVisible();
    await expect(tip).toContainText(/Donald Trump|Shigeru Ishiba|Yoshimasa Hayashi/);

    const pairs = page.getByTestId("article-pairs");
    await expect(pairs.locator('[data-relation="rebuts"]').first()).toBeVisible();
    await expect(pairs).toContainText("Shigeru Ishiba");

    const meta = (name: string) => page.locator(`meta[property="${name}"], meta[name="${name}"]`).first();
    await expect(meta("og:title")).toHaveAttribute("content", /\S/);
    await expect(meta("og:description")).toHaveAttribute("content", /\S/);
    await expect(meta("og:url")).toHaveAttribute("content", /\/articles\//);
    await expect(meta("twitter:card")).toHaveAttribute("content", "summary_large_image");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/articles\//);
    const imageUrl = await meta("og:image").getAttribute("content");
    expect(imageUrl).toMatch(/opengraph-image/);

    const image = await request.get(new URL(imageUrl ?? "").pathname + new URL(imageUrl ?? "").search);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    const body = await image.body();
    expect(body.subarray(1, 4).toString("ascii")).toBe("PNG");
    expect(body.length).toBeGreaterThan(10_000);
  });

  test("feeds carry the same filters as the timeline", async ({ request }) => {
    const rss = await request.get("/feed.xml?country=JP&speaker=donald-trump");
    expect(rss.headers()["content-type"]).toContain("application/rss+xml");
    const xml = await rss.text();
    expect(xml).toContain("<item>");
    expect(xml).not.toContain("Trump Casts Doubt On NATO Solidarity");
    const json = (await (await request.get("/feed.json?speaker=donald-trump")).json()) as { items: unknown[] };
    expect(json.items.length).toBeGreaterThan(0);
    expect((await request.get("/feed.atom")).headers()["content-type"]).toContain("application/atom+xml");
    expect((await request.get("/feed.xml?country=XX")).status()).toBe(422);
  });

  test("a card sends its first responses and loads the rest in place from the keyboard, as the permalink lists them", async ({ page }) => {
    await page.goto("/");
    const more = page.getByRole("button", { name: /^Show \d+ more (responses?|claims? with responses)$/ });
    // The card is found by its title: once loaded, the button is gone.
    const title = await page.getByTestId("article-card").filter({ has: more }).first().getByRole("heading").innerText();
    const card = page.getByTestId("article-card").filter({ has: page.getByRole("heading", { name: title, exact: true }) }).first();
    const button = card.getByRole("button", { name: /^Show \d+ more/ });
    const label = await button.innerText();
    const hidden = Number(/\d+/.exec(label)?.[0]);
    expect(hidden).toBeGreaterThan(0);
    // "Show 2 more claims with responses" counts claims (each may bring several responses, and the shown
    // claims' responses past the first two come too); "Show 3 more responses" counts responses.
    const counted = card.getByTestId(/claims? with responses$/.test(label) ? "pair-group" : "response");
    const countedBefore = await counted.count();
    const shown = await card.getByTestId("response").count();

    await button.focus();
    await page.keyboard.press("Enter");
    await expect(counted).toHaveCount(countedBefore + hidden);
    await expect(button).toHaveCount(0);
    const loaded = await card.getByTestId("response").count();
    expect(loaded).toBeGreaterThan(shown);
    // Focus lands on the pairs in this card, where the new responses are.
    expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("pair-group");
    expect(await card.evaluate((element) => element.contains(document.activeElement))).toBe(true);
    await expectNoSeriousViolations(page);

    // The card now holds every response its permalink lists.
    const lastWords = (await card.getByTestId("response").last().locator("blockquote").innerText()).replace(/^Reported:\s*/, "").replace(/[“”]/g, "");
    await card.getByRole("heading").getByRole("link").click();
    await expect(page).toHaveURL(/\/articles\/[a-z0-9-]+$/);
    await expect(page.getByTestId("article-pairs").getByTestId("response")).toHaveCount(loaded);
    await expect(page.getByTestId("article-pairs")).toContainText(lastWords);
  });

  test("keyboard alone reaches every filter and every article card", async ({ page }) => {
    await page.goto("/");
    // The cards stream in after the skeleton; read their links once they are there.
    await page.getByTestId("article-card").first().waitFor();
    const cardLinks = await page.getByTestId("article-card").getByRole("heading").getByRole("link").evaluateAll((links) =>
      links.map((link) => link.getAttribute("href")),
    );
    expect(cardLinks.length).toBeGreaterThan(0);
    const wanted = new Set<string>(["filter-q", "filter-country", "filter-speaker", "filter-outlet", "filter-relation", "filter-from", "filter-to", "apply", ...cardLinks.map((href) => `card:${href}`)]);
    const reached = new Set<string>();
    for (let presses = 0; presses < 400 && reached.size < wanted.size; presses += 1) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const el = document.activeElement;
        if (!el) return null;
        if (el.id) return el.id;
        if (el.tagName === "BUTTON" && el.textContent === "Apply filters") return "apply";
        const card = el.closest('[data-testid="article-card"]');
        if (card && el.closest("h3, h4")) return `card:${el.getAttribute("href")}`;
        return null;
      });
      if (focused && wanted.has(focused)) reached.add(focused);
    }
    expect([...wanted].filter((item) => !reached.has(item))).toEqual([]);
  });

  test("no serious accessibility violations on the timeline, a permalink, a speaker and a story", async ({ page }) => {
    // Four full axe runs: on a loaded 2-core machine they alone took past the default 30 s.
    test.setTimeout(120_000);
    await page.goto("/");
    await expectNoSeriousViolations(page);
    await page.getByTestId("article-card").first().getByRole("heading").getByRole("link").click();
    await expect(page.locator("mark").first()).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.goto("/speakers/donald-trump");
    await expectNoSeriousViolations(page);
    await page.goto("/?country=XX");
    await expectNoSeriousViolations(page);
  });

  test("dark mode passes the same check", async ({ browser }) => {
    const context = await browser.newContext({ colorScheme: "dark", baseURL: test.info().project.use.baseURL });
    const page = await context.newPage();
    await page.goto("/");
    await expectNoSeriousViolations(page);
    await context.close();
  });

  test("screenshots of the timeline and a permalink at desktop and phone widths", async ({ browser }) => {
    for (const [name, viewport] of [
      ["desktop", { width: 1280, height: 900 }],
      ["phone", { width: 390, height: 844 }],
    ] as const) {
      const context = await browser.newContext({ viewport, baseURL: test.info().project.use.baseURL, colorScheme: "light" });
      const page = await context.newPage();
      await page.goto("/");
      await expect(trumpClaimRebuttedByIshiba(page).first()).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/timeline-${name}.png`, fullPage: name === "desktop" });
      await openRebuttedArticle(page);
      await expect(page.locator('mark[data-role="claim"]').first()).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/permalink-${name}.png`, fullPage: name === "desktop" });
      await context.close();
    }
  });
});
