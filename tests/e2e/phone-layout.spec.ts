// On a phone the timeline comes first: filters wait behind one button that opens them in place.
import { expect, test } from "@playwright/test";

test.use({ viewport: { width: 390, height: 844 } });

test("a phone sees a story on the first screen and opens the filters with one tap", async ({ page }) => {
  await page.goto("/");
  const firstCard = page.getByTestId("article-card").first();
  await expect(firstCard).toBeInViewport();
  await expect(page.getByRole("combobox", { name: "Country" })).toBeHidden();

  const toggle = page.getByRole("button", { name: "Filters and facets" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await toggle.click();
  await expect(page.getByRole("button", { name: "Hide filters" })).toHaveAttribute("aria-expanded", "true");
  await page.getByRole("combobox", { name: "Country" }).selectOption("JP");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/[?&]country=JP/);
  // Applying folds the panel again so the filtered timeline is what the phone shows.
  await expect(page.getByRole("button", { name: "Filters (1 active)" })).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("article-card").first()).toBeInViewport();
});
