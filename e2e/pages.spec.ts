// Every page renders from the database, passes axe without serious or critical violations, and is
// photographed at 1280 and 375 px wide.
import { expect, KNOWN_WALLET, screenshots, test } from "./fixtures";

const pages = [
  { name: "overview", path: "/" },
  { name: "gpus", path: "/gpus" },
  { name: "estimate", path: "/estimate" },
  { name: "market", path: "/market" },
  { name: "epochs", path: () => `/epochs?wallet=${KNOWN_WALLET}` },
  { name: "wallet", path: () => `/wallets/${KNOWN_WALLET}` },
  { name: "miner", path: () => `/miners/${KNOWN_WALLET}-rig1` },
];

for (const p of pages) {
  test(`${p.name} page renders, is accessible and is photographed`, async ({ page, axeViolations }) => {
    const url = typeof p.path === "function" ? p.path() : p.path;
    const res = await page.goto(url);
    expect(res?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("navigation", { name: /main/i })).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);
    await screenshots(page, p.name);
    // After the 375 px shot: nothing may push the page sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });
}

test("the dark theme is accessible too", async ({ page, axeViolations }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, "overview-dark");
});
