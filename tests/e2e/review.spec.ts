// Editorial review on the seeded server, keyboard only: an admin signs in, fixes a statement's
// speaker, marks a statement "not a statement", adds a missed pair, merges two speakers and marks
// the article reviewed, all on its permalink; a reader in another browser context sees the
// corrected page with the "reviewed" mark, and the merged speaker's old URL redirects. Then the
// audit log undoes one correction.
// It has a seeded server of its own (REVIEW_BASE) because it changes data.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { ADMIN_TOKEN, REVIEW_BASE } from "../../playwright.config";

test.use({ baseURL: REVIEW_BASE });

const TITLE = /Trump calls US-Japan security treaty/;

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Types into a field reached by focus, as Tab would reach it. */
async function typeInto(page: Page, field: Locator, text: string) {
  await field.focus();
  await page.keyboard.press("ControlOrMeta+a");
  await page.keyboard.type(text);
}

/** Picks a select's option by typing the start of its label (the browser's own keyboard search). */
async function choose(page: Page, select: Locator, labelStart: string) {
  await select.focus();
  await page.keyboard.type(labelStart);
  await expect(select.locator("option:checked")).toHaveText(new RegExp(`^${labelStart.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
}

async function press(page: Page, target: Locator) {
  await target.focus();
  await page.keyboard.press("Enter");
}

test("an editor corrects a permalink with the keyboard, and a reader sees it reviewed", async ({ page, browser }) => {
  // Many page loads and four axe runs on a shared two-core machine.
  test.setTimeout(180_000);
  await page.goto("/admin");
  await typeInto(page, page.getByLabel("Admin token"), ADMIN_TOKEN);
  await typeInto(page, page.getByLabel(/Your name/), "E2E Editor");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();

  await page.goto("/");
  const href = await page.locator(`a[href^="/articles/"]`, { hasText: TITLE }).first().getAttribute("href");
  expect(href).toMatch(/^\/articles\//);
  await page.goto(href!);
  const status = page.locator("#review-status").getByRole("status");
  await expect(page.getByRole("heading", { name: "Review this article" })).toBeVisible();
  await expectNoSeriousViolations(page);

  // 1. A wrong speaker: the training-bases proposal goes to the speaker chosen.
  const training = page.getByTestId("review-statement").filter({ hasText: "training bases" });
  await press(page, training.locator("summary"));
  await page.keyboard.press("Tab");
  await expect(training.getByLabel(/^Speaker/)).toBeFocused();
  await expectNoSeriousViolations(page);
  await choose(page, training.getByLabel(/^Speaker/), "Yoshimasa");
  await press(page, training.getByRole("button", { name: "Change speaker" }));
  await expect(status).toContainText("changed from Shigeru Ishiba to Yoshimasa Hayashi");

  // 2. A false statement.
  const calling = page.getByTestId("review-statement").filter({ hasText: "calling it" });
  await press(page, calling.locator("summary"));
  await press(page, calling.getByRole("button", { name: "Not a statement" }));
  await expect(status).toContainText("is marked not a statement");
  await expect(page.getByTestId("review-statement").filter({ hasText: "calling it" })).toHaveCount(0);

  // 3. A missed pair: Hayashi's reassurance answers Trump's "fortune" remark.
  const addPair = page.locator("details").filter({ has: page.getByText("Add a missed pair") });
  await press(page, addPair.locator("summary"));
  await choose(page, addPair.getByLabel(/^Claim/), "Donald Trump: They make");
  await choose(page, addPair.getByLabel("Response (in this article)"), "Yoshimasa Hayashi: Japan’s confidence");
  await choose(page, addPair.getByLabel(/^Relation/), "rebuts");
  await press(page, addPair.getByRole("button", { name: "Add pair" }));
  await expect(status).toContainText("Added a pair");

  // 4. Two speakers merged.
  const ishiba = page.getByTestId("review-speaker").filter({ hasText: "Correct speaker Shigeru Ishiba" });
  await press(page, ishiba.locator("summary"));
  await choose(page, ishiba.getByLabel("Merge Shigeru Ishiba into"), "Yoshimasa");
  await press(page, ishiba.getByRole("button", { name: "Merge speakers" }));
  await expect(status).toContainText("Shigeru Ishiba is now part of Yoshimasa Hayashi");

  // 5. Reviewed.
  await choose(page, page.getByLabel(/^Review state/), "reviewed");
  await press(page, page.getByRole("button", { name: "Set review state" }));
  await expect(status).toContainText("is now marked reviewed");
  await expectNoSeriousViolations(page);

  // A reader, in a browser context of their own, sees the corrected page.
  const reader = await browser.newContext({ baseURL: REVIEW_BASE });
  const readerPage = await reader.newPage();
  await readerPage.goto(href!);
  await expect(readerPage.getByTestId("review-mark")).toContainText("Reviewed by editors");
  await expect(readerPage.getByRole("heading", { name: "Review this article" })).toHaveCount(0);
  const text = readerPage.getByTestId("article-text");
  await expect(text.locator("mark", { hasText: "calling it" })).toHaveCount(0);
  const corrected = text.locator("mark", { hasText: "training bases" });
  await corrected.focus();
  await expect(readerPage.getByRole("tooltip").filter({ visible: true })).toContainText("Yoshimasa Hayashi");
  await expect(readerPage.getByRole("tooltip").filter({ visible: true })).toContainText("corrected by editors");
  await expect(text.getByTestId("corrected-mark").first()).toBeVisible();
  const pairs = readerPage.getByTestId("article-pairs");
  await expect(pairs.getByTestId("pair-group").filter({ hasText: "They make a fortune" })).toContainText("Japan’s confidence");
  await expect(pairs).not.toContainText("Shigeru Ishiba");
  await expectNoSeriousViolations(readerPage);

  // The merged speaker's old URL leads to the speaker kept.
  await readerPage.goto("/speakers/shigeru-ishiba");
  await expect(readerPage).toHaveURL(/\/speakers\/yoshimasa-hayashi$/);

  // The timeline and its feeds filter to reviewed articles.
  await readerPage.goto("/?review=reviewed");
  await expect(readerPage.getByTestId("article-card")).toHaveCount(1);
  await expect(readerPage.getByTestId("article-card")).toContainText(TITLE);
  // The card carries the editors' mark too, not only the permalink.
  await expect(readerPage.getByTestId("article-card").getByTestId("card-review-mark")).toContainText("Reviewed");
  await expect(readerPage.getByTestId("chip-review")).toContainText("reviewed");
  const feed = await readerPage.request.get("/feed.json?review=reviewed");
  const items = (await feed.json()).items as { title: string }[];
  expect(items.map((item) => item.title)).toEqual([expect.stringMatching(TITLE)]);
  await reader.close();

  // The audit log lists every correction with its author; an undo is recorded and takes effect.
  await page.goto("/admin/corrections?kind=statement_reject");
  const row = page.getByTestId("correction-row").first();
  await expect(row).toContainText("E2E Editor");
  await expect(row).toContainText("marked not a statement");
  await expectNoSeriousViolations(page);
  await press(page, row.getByRole("button", { name: /^Undo #/ }));
  await expect(page.getByRole("status").filter({ hasText: "Undid #" })).toBeVisible();
  await page.goto("/admin/corrections?kind=undo");
  await expect(page.getByTestId("correction-row")).toHaveCount(1);
  await page.goto(href!);
  await expect(page.getByTestId("article-text").locator("mark", { hasText: "calling it" })).toHaveCount(1);
  await expect(page.getByTestId("review-mark")).toContainText("Reviewed by editors");
});
