// Issue 11, items 3 and 4: an address that stakes but runs no GPU opens a staker page (found from
// the header search) with its positions as the staker API has them and the bribe changes of its
// nodes; the wallet page's open-epoch card shows the projection the wallet API gives.
import type { Page } from "@playwright/test";
import { formatTokenAmount } from "../lib/market/amount";
import { signedHeaders } from "../lib/signing";
import { epochOf } from "../lib/rewards/epoch";
import { e2eChain, waitIndexed, WEI } from "./chain";
import { devAccount, sdxlJob } from "./chain-data";
import { expect, screenshots, test } from "./fixtures";
import { E2E_SECRET, KNOWN_WALLET } from "./known-data";

/** Nodes of account 8 that no other spec uses; account 9 only stakes. */
const OPERATOR = devAccount(8);
const STAKER = devAccount(9);
const NODES = [`${OPERATOR.address}-epoch1`, `${OPERATOR.address}-epoch2`];

function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

test("a staker's address, searched from the header, opens its stakes and its nodes' bribe changes", async ({ page, request, axeViolations }) => {
  const chain = e2eChain();
  const body = JSON.stringify({ jobs: NODES.map((m, i) => sdxlJob(`e2e-staker-view-${i}`, m, new Date())) });
  expect((await request.post("/api/v1/jobs", { headers: signedHeaders(E2E_SECRET, body), data: body })).status()).toBe(200);
  await chain.mintHeu(devAccount(0).address, STAKER.address, 10_000n * WEI);
  await chain.stakeHeu(STAKER.address, NODES[0]!, 6_000n * WEI);
  await chain.stakeHeu(STAKER.address, NODES[1]!, 1_500n * WEI);
  const bribe = await chain.setBribe(OPERATOR.address, NODES[0]!, 2_500); // takes effect next epoch: pending
  await waitIndexed(request, bribe.blockNumber);

  const errors = consoleErrors(page);
  await page.goto("/");
  const search = page.getByRole("searchbox").first();
  await search.fill(STAKER.address);
  await search.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/wallets/${STAKER.address}$`));
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByText("No such wallet yet")).toHaveCount(0);
  await expect(page.getByText(/stakes on mining nodes and runs no GPU/)).toBeVisible();

  // Every position as GET /api/v1/stakers/{address} has it: node, token and amount.
  const api = (await (await request.get(`/api/v1/stakers/${STAKER.address}`)).json()) as { positions: { minerId: string; token: string; amountWei: string }[] };
  expect(api.positions.map((p) => p.minerId).sort()).toEqual([...NODES].sort());
  const stakes = page.getByRole("region", { name: "Stakes of this wallet" });
  const table = stakes.getByRole("table", { name: "Stake per node and token" });
  for (const p of api.positions) {
    const row = table.getByRole("row").filter({ has: page.getByRole("link", { name: `Miner ${p.minerId}` }) });
    await expect(row).toContainText(p.token);
    await expect(row).toContainText(formatTokenAmount(BigInt(p.amountWei)));
  }
  await expect(table.getByRole("row")).toHaveCount(api.positions.length + 1);

  // The bribe set today is pending, with the epoch it takes effect in.
  const bribes = stakes.getByRole("table", { name: /Bribe changes of the nodes this wallet stakes on/ });
  const pending = bribes.getByRole("row").filter({ has: page.getByRole("link", { name: `Miner ${NODES[0]}` }) });
  await expect(pending).toContainText("25 %");
  await expect(pending).toContainText(`epoch ${epochOf(new Date()) + 1}`);
  await expect(pending).toContainText("Pending");

  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, "staker-view");
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await noSidewaysScroll(page)).toBe(true);
  expect(errors).toEqual([]);
});

test("an address that neither mines nor stakes gets a not-found with a way to the market", async ({ page }) => {
  const res = await page.goto(`/wallets/${devAccount(17).address}`);
  expect(res?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "No such wallet yet" })).toBeVisible();
  await expect(page.getByRole("link", { name: "staking market" })).toBeVisible();
});

test("the wallet and miner pages' open-epoch card shows the projection the API gives", async ({ page, request, axeViolations }) => {
  const errors = consoleErrors(page);
  type Open = { epoch: number; secondsLeft: number; projected: { amountWei: string }; waifuPoints: number };
  const read = async (path: string) => ((await (await request.get(path)).json()) as { openEpoch: Open }).openEpoch;
  // Other specs post jobs meanwhile, and every network point moves the projection: the page is
  // checked against API reads taken just before and after it, when the two agree.
  await expect(async () => {
    const before = await read(`/api/v1/wallets/${KNOWN_WALLET}`);
    await page.goto(`/wallets/${KNOWN_WALLET}`);
    const after = await read(`/api/v1/wallets/${KNOWN_WALLET}`);
    expect(after.projected.amountWei).toBe(before.projected.amountWei);
    const card = page.getByRole("region", { name: `Epoch ${after.epoch}: open, projected` });
    await expect(card.getByRole("definition").first()).toHaveText(formatTokenAmount(BigInt(after.projected.amountWei)), { timeout: 1_000 });
    await expect(card).toContainText("How the projection is computed");
    await expect(card).toContainText("assumes the epoch ends now");
  }).toPass({ timeout: 30_000 });

  const miner = (await (await request.get(`/api/v1/wallets/${KNOWN_WALLET}?pageSize=1`)).json()) as { miners: { items: { minerId: string }[] } };
  const minerId = miner.miners.items[0]!.minerId;
  await expect(async () => {
    const before = await read(`/api/v1/miners/${minerId}`);
    await page.goto(`/miners/${encodeURIComponent(minerId)}`);
    const after = await read(`/api/v1/miners/${minerId}`);
    expect(after.projected.amountWei).toBe(before.projected.amountWei);
    const card = page.getByRole("region", { name: `Epoch ${after.epoch}: open, projected` });
    await expect(card.getByRole("definition").first()).toHaveText(formatTokenAmount(BigInt(after.projected.amountWei)), { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });

  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await noSidewaysScroll(page)).toBe(true);
  await page.goto(`/wallets/${KNOWN_WALLET}`);
  expect(await noSidewaysScroll(page)).toBe(true);
  await screenshots(page, "open-epoch-wallet");
  expect(errors).toEqual([]);
});
