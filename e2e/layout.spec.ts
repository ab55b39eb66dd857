// The main pages at a phone and three desktop widths, as a visitor who is not signed in sees them:
// nothing scrolls sideways, the header is one row with every nav item and the wallet button on one
// line, and neither the console nor the page reports an error.
import type { Page } from "@playwright/test";
import { expect, KNOWN_WALLET, test } from "./fixtures";

const WIDTHS = [375, 1024, 1280, 1440] as const;
const PAGES = [
  { name: "overview", path: () => "/" },
  { name: "gpus", path: () => "/gpus" },
  { name: "market", path: () => "/market" },
  { name: "estimate", path: () => "/estimate" },
  { name: "wallet", path: () => `/wallets/${KNOWN_WALLET}` },
  { name: "miner", path: () => `/miners/${KNOWN_WALLET}-rig1` },
  { name: "api reference", path: () => "/docs/api" },
];

/** Console errors and uncaught exceptions from the moment the page is opened. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  return errors;
}

/**
 * The header as laid out: every visible item of its row, and each nav link and header button
 * whose box is taller than one line of its text plus padding and border (wrapped).
 */
async function headerLayout(page: Page) {
  return page.evaluate(() => {
    const header = document.querySelector("body > header")!;
    const row = header.firstElementChild as HTMLElement;
    const visible = (el: Element) => el.getBoundingClientRect().width > 0;
    const items = [...row.children].filter(visible).map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, right: r.right };
    });
    const wrapped = [...header.querySelectorAll("nav a, button")].filter(visible).flatMap((el) => {
      const s = getComputedStyle(el);
      const line = parseFloat(s.lineHeight);
      const oneLine = line + parseFloat(s.paddingTop) + parseFloat(s.paddingBottom) + parseFloat(s.borderTopWidth) + parseFloat(s.borderBottomWidth);
      const height = el.getBoundingClientRect().height;
      // A box may be taller than one line of text (a fixed-height button), never as tall as two.
      return height >= oneLine + line - 1 || height < line ? [`${el.textContent?.trim()}: ${height} px, one line is ${oneLine} px`] : [];
    });
    return { items, wrapped, rowOverflow: row.scrollWidth - row.clientWidth, viewport: document.documentElement.clientWidth };
  });
}

for (const width of WIDTHS) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    for (const p of PAGES) {
      test(`${p.name}: no sideways scroll, a one-line header, no console error`, async ({ page }) => {
        const errors = collectErrors(page);
        const res = await page.goto(p.path());
        expect(res?.status()).toBe(200);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await page.waitForLoadState("networkidle");

        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        const header = await headerLayout(page);
        expect(header.rowOverflow).toBeLessThanOrEqual(0);
        expect(header.wrapped).toEqual([]);
        // One row: every item's box overlaps the first item's vertically, and none ends past the viewport.
        const first = header.items[0]!;
        for (const item of header.items) {
          expect(item.top).toBeLessThan(first.bottom);
          expect(item.bottom).toBeGreaterThan(first.top);
          expect(item.right).toBeLessThanOrEqual(header.viewport);
        }
        const nav = page.getByRole("navigation", { name: "Main", exact: true });
        if (width >= 1024) await expect(nav.getByRole("link")).toHaveCount(6);
        else await expect(nav).toBeHidden();
        expect(errors).toEqual([]);
      });
    }
  });
}

test.describe("at 375 px", () => {
  test.use({ viewport: { width: 375, height: 812 } });

  test("the menu opens from the keyboard and holds every section and the search", async ({ page }) => {
    await page.goto("/gpus");
    const menu = page.getByRole("button", { name: "Menu" });
    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    const nav = page.getByRole("navigation", { name: "Main (mobile)" });
    for (const name of ["Overview", "Top GPUs", "Estimator", "Market", "Epochs", "API"]) await expect(nav.getByRole("link", { name, exact: true })).toBeVisible();
    await expect(page.getByRole("search", { name: "Site search (menu)" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
  });

  test("the market shows each node's yield, bribe, availability 7 d and Stake link without scrolling", async ({ page }) => {
    await page.goto("/market");
    const cards = page.getByRole("list", { name: /^Mining nodes, page 1/ });
    await expect(cards.getByRole("listitem").first()).toBeVisible();
    const first = cards.getByRole("listitem").first();
    // Scrolled to vertically (the filters come first); nothing may need a sideways scroll.
    await first.scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollX)).toBe(0);
    for (const term of ["Yield*", "Bribe", "Avail. 7 d"]) await expect(first.getByRole("term").filter({ hasText: term })).toBeInViewport({ ratio: 1 });
    const stake = first.getByRole("link", { name: /^Stake on / });
    await expect(stake).toBeInViewport({ ratio: 1 });
    const box = (await stake.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(375);
    // Sorting stays available without column headers.
    await page
      .getByRole("navigation", { name: "Sort nodes" })
      .getByRole("link", { name: /^Bribe/ })
      .click();
    await expect(page).toHaveURL(/sort=bribe/);
  });

  test("the overview's model tables keep points and share on screen", async ({ page }) => {
    await page.goto("/");
    for (const name of ["Image models (Waifu Points)", "LLMs (Llama Points)"]) {
      const region = page.getByRole("region", { name });
      await expect(region).toBeVisible();
      expect(await region.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
      for (const header of ["Points", "Share"]) {
        const box = (await region.getByRole("columnheader", { name: header, exact: true }).boundingBox())!;
        expect(box.x + box.width).toBeLessThanOrEqual(375);
      }
    }
  });
});

test("the API link opens the reference, which lists every path of the OpenAPI document", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main", exact: true }).getByRole("link", { name: "API" }).click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByRole("heading", { level: 1, name: "API reference" })).toBeVisible();
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const article = page.locator(`article#${op.operationId}`);
      await expect(article.getByRole("heading", { level: 3 }), `${method} ${path}`).toContainText(`${method.toUpperCase()}${path}`);
    }
  }
  await expect(page.getByRole("link", { name: "OpenAPI JSON" }).first()).toHaveAttribute("href", "/api/v1/openapi.json");
});

test("the largest wallet's GPU count on the overview equals its own page's", async ({ page }) => {
  await page.goto("/");
  const top = page.getByRole("table", { name: /Top 10 wallets by Waifu Points/ });
  const row = top.getByRole("row").nth(1);
  const wallet = row.getByRole("link", { name: /^Wallet 0x/ });
  const address = (await wallet.getAttribute("aria-label"))!.replace("Wallet ", "");
  const gpus = (await row.getByRole("cell").nth(1).textContent())!.trim();
  expect(gpus).toMatch(/^[\d,]+$/);
  await expect(page.getByText(/Points as of \d{4}-\d\d-\d\d \d\d:\d\d UTC/)).toBeVisible();

  await page.goto(`/wallets/${address}`);
  const stat = page
    .locator("dt", { hasText: /^GPUs$/ })
    .first()
    .locator("xpath=following-sibling::dd[1]");
  await expect(stat).toHaveText(gpus);
});
