// Stakers and operators act from the injected wallet against the e2e anvil; the indexer carries
// every change to the pages: stake → the node's stake and multiplier, and the next jobs earn it;
// an operator's bribe shows as pending until the next epoch; an NFT grows a wallet's boost slots.
import type { Locator, Page } from "@playwright/test";
import { signedHeaders } from "../lib/signing";
import { e2eChain, waitIndexed } from "./chain";
import { formatPercent } from "../lib/format";
import { BRIBE_NODE, devAccount, FUNDED_HEU, MARKET_NODES, NFT_HOLDER, NFT_MINERS, OPERATOR, sdxlJob, STAKE_NODE, STAKER } from "./chain-data";
import { expect, screenshots, test } from "./fixtures";
import { nodeRow, untilMarketShows } from "./market";
import { E2E_SECRET } from "./known-data";
import { injectTestWallet } from "./wallet-provider";

// Each test waits for several blocks (a second apiece), the indexer and page refreshes.
test.describe.configure({ timeout: 120_000 });

/** Inside `scope`, picks the injected test wallet, unless wagmi already reconnected the authorized wallet. */
async function connectIn(scope: Locator) {
  const choice = scope.getByRole("button", { name: "E2E Test Wallet" });
  const actions = scope.getByRole("tablist", { name: "Staking actions" });
  await expect(choice.or(actions)).toBeVisible();
  if (await choice.isVisible()) await choice.click();
  await expect(actions).toBeVisible();
}

function nodePanel(page: Page) {
  return page.locator("#stake");
}

test("stake HEU from the market: the node's stake and multiplier follow, and its next jobs earn the multiplier", async ({ page, request, axeViolations }) => {
  await injectTestWallet(page, STAKER.key);
  await page.goto(`/market?q=${OPERATOR.address}`);
  await page.getByRole("link", { name: `Stake on ${STAKE_NODE}` }).click();
  const panel = nodePanel(page);
  await expect(panel.getByRole("heading", { name: "Stake on this node" })).toBeVisible();
  await connectIn(panel);
  await expect(panel.getByText(`${FUNDED_HEU.toLocaleString("en-US")} in wallet`).first()).toBeVisible();
  // Not this node's operator: no bribe tab.
  await expect(panel.getByRole("tab", { name: "Set bribe" })).toHaveCount(0);

  await panel.getByLabel("Amount to stake (HEU)").fill("55000");
  await expect(panel.getByText(/multiplier ×1 → ×1\.25/)).toBeVisible();
  await panel.getByRole("button", { name: "Approve and stake HEU" }).click();
  const status = panel.getByText(/Stake 55,000 HEU: confirmed in block \d+/);
  await expect(status).toContainText("and indexed.", { timeout: 45_000 });

  // The server-rendered facts refresh once indexed; the table agrees.
  await expect(panel.getByTestId("node-stake")).toHaveText("55,000 stHEU");
  await expect(panel.getByTestId("node-multiplier")).toHaveText("×1.25");
  const row = nodeRow(page, STAKE_NODE);
  await untilMarketShows(page, `/market?q=${OPERATOR.address}`, async () => {
    await expect(row).toContainText("55,000", { timeout: 1_000 });
    await expect(row).toContainText("×1.25", { timeout: 1_000 });
  });

  // My stakes lists the position for the connected wallet.
  const mine = page.getByRole("region", { name: "Your stakes" });
  await expect(mine.getByRole("row").filter({ hasText: "HEU" })).toContainText("55,000");

  // A job completed now is priced with the stake in force: SDXL 1024²@20 = 6 × 1.25.
  const body = JSON.stringify({ jobs: [sdxlJob("e2e-after-stake", STAKE_NODE, new Date())] });
  const res = await request.post("/api/v1/jobs", { headers: signedHeaders(E2E_SECRET, body), data: body });
  expect(res.status()).toBe(200);
  expect((await res.json()).results[0].points).toBe(7.5);

  // The staker's own wallet page lists the stake too.
  await page.goto(`/wallets/${STAKER.address}`);
  const stakes = page.getByRole("region", { name: "Stakes of this wallet" });
  await expect(stakes.getByRole("row").filter({ hasText: "HEU" })).toContainText("55,000");

  await page.goto(`/market?node=${STAKE_NODE}#stake`);
  await expect(nodePanel(page).getByRole("tab", { name: "Stake", exact: true })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, "market-staking");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});

test("a node the job router has barely seen online today: the stake form says how much, from the same figure as the API, and asks once more", async ({
  page,
  request,
  axeViolations,
}) => {
  // The flaky node has jobs every third hour but no heartbeats: online for little of the last day.
  const api = (await (await request.get(`/api/v1/miners/${MARKET_NODES.flaky}`)).json()) as { availability24h: { ratio: number } };
  expect(api.availability24h.ratio).toBeLessThan(0.9);
  await injectTestWallet(page, STAKER.key);
  await page.goto(`/market?node=${MARKET_NODES.flaky}#stake`);
  const panel = nodePanel(page);
  await connectIn(panel);
  await panel.getByLabel("Amount to stake (HEU)").fill("1000");
  const risks = panel.getByRole("group", { name: "Before you stake on this node" });
  await expect(risks).toContainText(`The job router saw this node online ${formatPercent(api.availability24h.ratio)} of the last 24 hours`);
  const stake = panel.getByRole("button", { name: /stake HEU$/i });
  await expect(stake).toBeDisabled();
  await risks.getByLabel("I have read this and still want to stake on this node.").check();
  await expect(stake).toBeEnabled();
  expect(await axeViolations(page)).toEqual([]);
});

test("the operator sets a bribe: pending until the next epoch, then in the market and the history", async ({ page, request, axeViolations }) => {
  await injectTestWallet(page, OPERATOR.key);
  await page.goto(`/market?node=${BRIBE_NODE}#stake`);
  const panel = nodePanel(page);
  await connectIn(panel);
  await panel.getByRole("tab", { name: "Set bribe" }).click();
  await panel.getByLabel(/New bribe/).fill("12.5");
  const note = panel.getByText(/Takes effect at the next epoch: \d{4}-\d{2}-\d{2} 00:00 UTC/);
  await expect(note).toBeVisible();
  const effective = (await note.textContent())!.match(/(\d{4}-\d{2}-\d{2}) 00:00 UTC/)![1]!;
  expect(new Date(`${effective}T00:00:00Z`).getUTCDay()).toBe(5); // a Friday
  await panel.getByRole("button", { name: "Set bribe" }).click();
  await expect(panel.getByText(/Set bribe to 12\.5 %: confirmed in block \d+/)).toContainText("and indexed.", { timeout: 45_000 });

  const api = await (await request.get(`/api/v1/miners/${BRIBE_NODE}/bribes`)).json();
  expect(api).toMatchObject({ currentBps: null, pending: { bps: 1250, effectiveAt: `${effective}T00:00:00.000Z` }, recentCut: null });
  expect(api.history).toHaveLength(1);
  expect(api.history[0]).toMatchObject({ status: "pending", bps: 1250 });

  // Pending, not in force: the node's facts, its history and the market row say so.
  await expect(panel.getByText(/In force: none/)).toBeVisible();
  await expect(panel.getByText(`12.5 % from ${effective} 00:00 UTC`)).toBeVisible();
  const row = nodeRow(page, BRIBE_NODE);
  await untilMarketShows(page, `/market?q=${OPERATOR.address}`, () => expect(row).toContainText(/→ 12\.5 % epoch \d+/, { timeout: 1_000 }));
  expect(await axeViolations(page)).toEqual([]);
});

test("minting an NFT to a wallet grows its boost slots", async ({ page, request }) => {
  const chain = e2eChain();
  await page.goto(`/wallets/${NFT_HOLDER.address}`);
  await expect(page.getByText(/No Heurist Imaginaries NFT held/)).toBeVisible();
  await expect(page.getByText(/· 0 NFT-boosted/)).toBeVisible();

  const first = await chain.mintNft(devAccount(0).address, NFT_HOLDER.address);
  await waitIndexed(request, first.blockNumber);
  await page.reload();
  const holders = page.getByRole("list", { name: "GPUs holding a boost slot" });
  await expect(page.getByText(/1 NFT → 3 boost slots/)).toBeVisible();
  await expect(holders.getByRole("listitem")).toHaveCount(3);
  await expect(page.getByText(/· 3 NFT-boosted/)).toBeVisible();

  const second = await chain.mintNft(devAccount(0).address, NFT_HOLDER.address);
  await waitIndexed(request, second.blockNumber);
  await page.reload();
  await expect(page.getByText(/2 NFTs → 6 boost slots/)).toBeVisible();
  await expect(holders.getByRole("listitem")).toHaveCount(NFT_MINERS.length);
  await expect(page.getByText(/· 4 NFT-boosted/)).toBeVisible();
});

test("a wallet on another network is asked to switch before it can stake", async ({ page }) => {
  await injectTestWallet(page, STAKER.key, 1);
  await page.goto(`/market?node=${STAKE_NODE}#stake`);
  const panel = nodePanel(page);
  const choice = panel.getByRole("button", { name: "E2E Test Wallet" });
  const prompt = panel.getByRole("alert").filter({ hasText: /on chain 1; the portal uses/ });
  await expect(choice.or(prompt)).toBeVisible();
  if (await choice.isVisible()) await choice.click();
  await expect(prompt).toBeVisible();
  await expect(panel.getByRole("button", { name: /Switch to/ })).toBeVisible();
  await expect(panel.getByRole("tablist", { name: "Staking actions" })).toHaveCount(0);
});
