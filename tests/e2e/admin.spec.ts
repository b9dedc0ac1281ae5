// The admin door, on the server with an empty database (port 3101): sign in with the token,
// paste the forum example, and find its three documents with claims and responses on the
// timeline. The write API refuses requests without the right token.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { ADMIN_TOKEN, EMPTY_BASE as ADMIN_BASE } from "../../playwright.config";
const forumPaste = readFileSync("prisma/seed-articles/treaty-and-nato-forum-paste.txt", "utf8");

test.describe("admin", () => {
  test("a wrong token is refused with a clear message", async ({ page }) => {
    await page.goto(`${ADMIN_BASE}/admin`);
    await page.getByLabel("Admin token").fill("not-the-token-at-all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("That admin token is not valid.")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Paste text" })).toHaveCount(0);
  });

  test("pasting the forum thread puts three documents with their pairs on the timeline", async ({ page }) => {
    await page.goto(`${ADMIN_BASE}/admin`);
    await page.getByLabel("Admin token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Paste text" })).toBeVisible();

    await page.getByLabel("Text", { exact: true }).fill(forumPaste);
    await page.getByLabel("Label (optional)").fill("forum thread");
    await page.getByRole("button", { name: "Ingest text" }).click();

    const run = page.getByTestId("ingest-run").first();
    // The server's first ingest also starts its worker threads, which takes a few seconds.
    await expect(run).toContainText("succeeded", { timeout: 60_000 });
    await expect(run).toContainText("forum thread");
    await expect(run.getByText(/^new$/)).toHaveCount(3);
    await expect(run).toContainText("Trump Criticizes Security Treaty With Japan as Unequal");
    await expect(run).toContainText("Trump Casts Doubt On NATO Solidarity");
    await expect(run).toContainText("Comment by Ryuu96");

    await page.goto(`${ADMIN_BASE}/`);
    const main = page.getByRole("main");
    await expect(main).toContainText("Trump Criticizes Security Treaty With Japan as Unequal");
    await expect(main).toContainText("Trump Casts Doubt On NATO Solidarity");
    await expect(main).toContainText("Comment by Ryuu96");
    await expect(main).toContainText("Japan bears the burden of providing bases to the US");
    await expect(main).toContainText("Shigeru Ishiba");
    // Ishiba's rebuttal sits under Trump's claim, marked as a rebuttal.
    const rebuttals = main.locator('[data-relation="rebuts"]');
    await expect(rebuttals.first()).toBeVisible();
    expect(await rebuttals.count()).toBeGreaterThanOrEqual(2);

    // The same paste again changes nothing: every document is a duplicate.
    await page.goto(`${ADMIN_BASE}/admin`);
    await page.getByLabel("Text", { exact: true }).fill(forumPaste);
    await page.getByRole("button", { name: "Ingest text" }).click();
    const again = page.getByTestId("ingest-run").first();
    await expect(again.getByText(/^duplicate$/)).toHaveCount(3);
  });

  test("the write API needs the admin token", async ({ request }) => {
    const body = { kind: "paste", text: "Officials said the talks would resume on Monday." };
    const anonymous = await request.post(`${ADMIN_BASE}/api/ingest`, { data: body });
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized");

    const wrong = await request.post(`${ADMIN_BASE}/api/ingest`, { data: body, headers: { authorization: "Bearer wrong-token-0000000000" } });
    expect(wrong.status()).toBe(403);

    const invalid = await request.post(`${ADMIN_BASE}/api/ingest`, { data: { kind: "url", url: "ftp://example.org/x" }, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(invalid.status()).toBe(422);
    expect((await invalid.json()).error.message).toContain("http(s)");

    const refused = await request.post(`${ADMIN_BASE}/api/ingest`, { data: { kind: "url", url: "http://169.254.169.254/latest/meta-data/" }, headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    const summary = await refused.json();
    expect(summary.status).toBe("failed");
    expect(summary.error).toMatch(/private|link-local|metadata|not allowed/i);
  });
});
