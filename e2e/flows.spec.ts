// What a miner does: find their wallet, read numbers that match the ledger, download them.
import { expect, KNOWN_WALLET, test } from "./fixtures";

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
  await expect(page.getByText("36", { exact: true }).first()).toBeVisible();
  await expect(page.getByRole("link", { name: new RegExp(`${KNOWN_WALLET.slice(0, 6)}.*rig1|rig1`) }).first()).toBeVisible();

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: /csv/i }).first().click();
  const download = await downloadPromise;
  const csv = await (await download.createReadStream()).toArray();
  const text = Buffer.concat(csv.map((c) => Buffer.from(c))).toString("utf8");
  const lines = text.trim().split("\n");
  expect(lines[0]).toMatch(/date/i);
  const today = new Date().toISOString().slice(0, 10);
  expect(lines.some((l) => l.startsWith(today) || l.includes(today))).toBe(true);
});

test("an unknown miner gets a not-found page that offers a new search", async ({ page }) => {
  const res = await page.goto(`/miners/${"0x" + "d".repeat(40)}-nothere`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/not found/i);
  await expect(page.getByRole("searchbox").first()).toBeVisible();
});
