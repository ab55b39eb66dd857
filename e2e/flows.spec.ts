// What a miner does: find their wallet, read numbers that match the ledger, download them.
import { downloadCsv, expect, KNOWN_WALLET, statValue, test } from "./fixtures";

test("search for a wallet → its dashboard shows the ledger's numbers → daily CSV has them", async ({ page, request }) => {
  const api = await (await request.get(`/api/v1/wallets/${KNOWN_WALLET}`)).json();
  expect(api.totalWaifuPoints).toBe(36);
  expect(api.totalLlamaPoints).toBe(2);

  await page.goto("/");
  const search = page.getByRole("searchbox").first();
  await search.fill(KNOWN_WALLET);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/wallets/${KNOWN_WALLET}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // The headline cards' own values, not any "36" anywhere on the page.
  await expect(statValue(page, "Waifu Points, all time")).toHaveText("36");
  await expect(statValue(page, "Llama Points, all time")).toHaveText("2");
  await expect(page.getByRole("link", { name: new RegExp(`${KNOWN_WALLET.slice(0, 6)}.*rig1|rig1`) }).first()).toBeVisible();

  const { filename, header, rows } = await downloadCsv(page, page.getByRole("button", { name: /Download CSV of daily points/ }));
  expect(filename).toMatch(/\.csv$/);
  expect(header).toEqual(["date", "waifu_points", "llama_points", "image_jobs", "text_jobs", "jobs", "successful_jobs", "on_time_rate"]);
  // 30 days, one row each; the known jobs (last 3 hours, maybe across midnight) add up to the ledger's totals.
  expect(rows).toHaveLength(30);
  const sum = (col: number) => rows.reduce((n, r) => n + Number(r[col]), 0);
  expect([sum(1), sum(2), sum(5), sum(6)]).toEqual([36, 2, 9, 8]);
});

test("an unknown miner gets a not-found page that offers a new search", async ({ page }) => {
  const res = await page.goto(`/miners/${"0x" + "d".repeat(40)}-nothere`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/no such miner|not found/i);
  await expect(page.getByRole("searchbox").first()).toBeVisible();
});
