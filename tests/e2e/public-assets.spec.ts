// What browsers, crawlers and home screens ask for before any page: icons, robots.txt, manifest.
import { expect, test } from "@playwright/test";

test("favicon, app icons, robots.txt and the web app manifest are served and linked", async ({ page, request }) => {
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect((await favicon.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));

  const robots = await request.get("/robots.txt");
  expect(await robots.text()).toMatch(/^Disallow: \/admin$/m);

  const manifest = await request.get("/manifest.webmanifest");
  const parsed = (await manifest.json()) as { name: string; start_url: string; icons: { src: string; sizes: string }[] };
  expect(parsed.name).toBe("Counterpoint");
  for (const icon of parsed.icons) {
    const image = await request.get(icon.src);
    expect(image.headers()["content-type"]).toBe("image/png");
  }

  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  const touchIcon = await page.locator('link[rel="apple-touch-icon"]').getAttribute("href");
  expect((await request.get(touchIcon!)).status()).toBe(200);
});
