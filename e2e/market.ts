// The market's node table in e2e: rows (cards on a phone) by miner ID, and waiting for the snapshot to catch up with a
// transaction (the e2e server rebuilds a snapshot older than a second on the next read).
import { expect, type Locator, type Page } from "@playwright/test";

/** A node's row in the table, or its card below 640 px (whichever is shown: roles skip hidden elements). */
export function nodeRow(page: Page, minerId: string): Locator {
  const rows = page.getByRole("region", { name: "Node table" }).getByRole("row");
  const cards = page.getByRole("list", { name: /^Mining nodes, page/ }).getByRole("listitem");
  return rows.or(cards).filter({ has: page.getByRole("link", { name: `Miner ${minerId}` }) });
}

/** Loads `url` until `check` passes on it (each check with a short timeout), for up to 30 s. */
export async function untilMarketShows(page: Page, url: string, check: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await page.goto(url);
    await check();
  }).toPass({ timeout: 30_000, intervals: [500, 1_000] });
}
