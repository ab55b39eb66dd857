// Issue 14: from a settled epoch to HEU in a miner's wallet. The miner's jobs of the last epoch are
// settled (`cli settle`) and the epoch's root published and funded (`cli publish`, as the
// operator); on the wallet page the miner connects, claims its esHEU, sees the grant vesting from
// the epoch's end, and vests what has vested into HEU; once claimed, nothing is offered to sign again.
// A second miner claims and stakes into its own node, which the market then shows with the new stake
// and its multiplier; the same claim from a tab opened before it is refused before signing. The
// stake form weighs esHEU 1.25× in the bribe split (item 5).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { formatTokenAmount } from "../lib/market/amount";
import { scheduleAt, stakeMultiplierPpm } from "../lib/points";
import { epochOf, epochStart } from "../lib/rewards/epoch";
import type { WalletClaims } from "../lib/schemas/claims";
import { signedHeaders } from "../lib/signing";
import type { APIRequestContext, Locator } from "@playwright/test";
import type { MarketResponse } from "../lib/schemas/market";
import { e2eChain, waitIndexed, type E2eContracts } from "./chain";
import { CLAIM_MINER, devAccount, sdxlJob } from "./chain-data";
import { expect, screenshots, test } from "./fixtures";
import { E2E_SECRET } from "./known-data";
import { injectTestWallet, openClaimsPanel, openStakePanel } from "./wallet-provider";

test.describe.configure({ mode: "serial", timeout: 180_000 });

/** Account 7 mines only here, and so does account 10 (beyond anvil's default ten: global setup asks for 12). */
const MINER = CLAIM_MINER;
const NODE = `${MINER.address}-claim1`;
const COMPOUNDER = devAccount(10);
const COMPOUNDER_NODE = `${COMPOUNDER.address}-claim1`;
const ROOT = path.resolve(import.meta.dirname, "..");

/** `npm run cli -- <args>` against the e2e database and chain, as the operator (anvil's deployer). */
function cli(...args: string[]): string {
  const c = JSON.parse(process.env.E2E_CONTRACTS ?? "null") as E2eContracts;
  return execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env,
      DATABASE_URL: process.env.E2E_DATABASE_URL,
      CHAIN_ID: "31337",
      CHAIN_RPC_URL: process.env.E2E_RPC_URL,
      HEU_ADDRESS: c.heu,
      ESHEU_ADDRESS: c.esHeu,
      IMAGINARIES_ADDRESS: c.imaginaries,
      STAKING_MARKET_ADDRESS: c.stakingMarket,
      REWARD_DISTRIBUTOR_ADDRESS: c.rewardDistributor,
      OPERATOR_PRIVATE_KEY: devAccount(0).key,
    },
  });
}

const claimsOf = async (request: APIRequestContext, address: string) => (await (await request.get(`/api/v1/wallets/${address}/claims`)).json()) as WalletClaims;

test("a miner claims a settled epoch's esHEU, sees it vest from the epoch's end, and vests HEU", async ({ page, request, axeViolations }) => {
  const open = epochOf(new Date());
  const ended = open - 1;
  const inEnded = new Date(epochStart(open).getTime() - 86_400_000);
  const jobs = [NODE, COMPOUNDER_NODE].flatMap((node, n) => [0, 1, 2].map((i) => sdxlJob(`e2e-claim-${n}-${i}`, node, new Date(inEnded.getTime() + i * 60_000))));
  const body = JSON.stringify({ jobs });
  expect((await request.post("/api/v1/jobs", { headers: signedHeaders(E2E_SECRET, body), data: body })).status()).toBe(200);

  expect(cli("settle")).toContain(`${ended}`);
  expect((await claimsOf(request, MINER.address)).claims.map((c) => [c.epoch, c.status])).toEqual([[ended, "unpublished"]]);
  expect(cli("publish", "--epoch", String(ended))).toMatch(/published with/);
  await expect.poll(async () => (await claimsOf(request, MINER.address)).claims[0]?.status, { timeout: 30_000 }).toBe("claimable");
  const claim = (await claimsOf(request, MINER.address)).claims[0]!;
  const amount = formatTokenAmount(BigInt(claim.amountWei));

  await injectTestWallet(page, MINER.key);
  const claimButton = (section: Locator) => section.getByRole("button", { name: `Claim ${amount} esHEU` });
  const section = await openClaimsPanel(page, MINER.address, claimButton);
  const row = section.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(ended) }) });
  await expect(row).toContainText(amount);
  await expect(row).toContainText("claimable");
  await claimButton(section).click();
  await expect(section.getByText(/Claim: confirmed in block \d+ .* and indexed\./)).toBeVisible({ timeout: 60_000 });

  // Claimed: the API and the page agree, and no claim is offered to sign again.
  expect((await claimsOf(request, MINER.address)).claims[0]).toMatchObject({ status: "claimed", stakedInto: null });
  await expect(row).toContainText("claimed");
  await expect(section.getByRole("button", { name: /^Claim / })).toHaveCount(0);
  await expect(section.getByText("Nothing to claim right now.")).toBeVisible();

  // The grant vests from the epoch's end, over a year; what has vested since becomes HEU.
  const grants = section.getByRole("table", { name: "esHEU grants" });
  await expect(grants.getByRole("row")).toHaveCount(2);
  await expect(grants).toContainText(claim.vestStart.replace("T", " ").slice(0, 16));
  await expect(grants).toContainText(amount);
  await expect(section.getByText(/^In this wallet:/)).toContainText(" and 0 HEU.");
  const vest = section.getByRole("button", { name: /^Vest .* esHEU to HEU$/ });
  await expect(vest).toBeVisible();
  await vest.click();
  await expect(section.getByText(/Vest to HEU: confirmed in block \d+/)).toBeVisible({ timeout: 60_000 });
  await expect(section.getByText(/^In this wallet:/)).not.toContainText(" and 0 HEU.");
  await expect(vest).toHaveCount(0); // all that had vested is HEU now

  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await section.screenshot({ path: "test-results/screenshots/wallet-claims-section-375.png" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await section.screenshot({ path: "test-results/screenshots/wallet-claims-section-1280.png" });
  await screenshots(page, "wallet-claims");
});

test("another miner claims and stakes into its own node: the market shows the new stake and its multiplier; a stale tab's claim is refused before signing", async ({
  page,
  browser,
  request,
}) => {
  const claim = (await claimsOf(request, COMPOUNDER.address)).claims[0]!;
  expect(claim.status).toBe("claimable");
  const amount = formatTokenAmount(BigInt(claim.amountWei));
  const marketRow = async () => {
    const body = (await (await request.get(`/api/v1/market?q=${COMPOUNDER_NODE}`)).json()) as MarketResponse;
    return body.items.find((r) => r.minerId === COMPOUNDER_NODE)!;
  };
  const before = await marketRow();
  expect(before.stake.totalWei).toBe("0");

  // A second window, opened before the claim, still offers it. (Its own browser context: a second tab
  // of one window is a background page, whose animation frames Chromium throttles.)
  const staleContext = await browser.newContext({ baseURL: process.env.E2E_BASE_URL });
  const stale = await staleContext.newPage();
  for (const p of [page, stale]) await injectTestWallet(p, COMPOUNDER.key);
  const staleSection = await openClaimsPanel(stale, COMPOUNDER.address, (s) => s.getByRole("button", { name: `Claim ${amount} esHEU` }));
  await page.bringToFront();
  const section = await openClaimsPanel(page, COMPOUNDER.address, (s) => s.getByRole("button", { name: "Claim and stake" }));
  // The wallet's own node is the default place to compound into.
  await expect(section.getByLabel("Stake it into")).toHaveValue(COMPOUNDER_NODE);
  await section.getByRole("button", { name: "Claim and stake" }).click();
  await expect(section.getByText(/Claim and stake: confirmed in block \d+ .* and indexed\./)).toBeVisible({ timeout: 60_000 });
  expect((await claimsOf(request, COMPOUNDER.address)).claims[0]).toMatchObject({ status: "claimed", stakedInto: COMPOUNDER_NODE });
  await expect(section.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(claim.epoch) }) })).toContainText(`staked into ${COMPOUNDER_NODE}`);

  // The market's snapshot (rebuilt every second here) has the node's new stake, all of it esHEU, and
  // the multiplier the schedule's curve gives that stake (flat at 1.0 below 10,000 stHEU on testnet).
  await expect.poll(async () => (await marketRow()).stake.esHeuWei, { timeout: 30_000 }).toBe(claim.amountWei);
  const after = await marketRow();
  expect(after.stake.totalWei).toBe(claim.amountWei);
  expect(after.stake.multiplierNow).toBeCloseTo(stakeMultiplierPpm(scheduleAt(new Date()).stakeCurve, after.stake.total) / 1e6, 6);
  expect(after.stake.multiplierNow).toBeGreaterThanOrEqual(before.stake.multiplierNow);

  // The stale tab: the contract would refuse, so the wallet is never asked to sign (no transaction sent).
  const nonce = () => e2eChain().publicClient.getTransactionCount({ address: COMPOUNDER.address });
  const sent = await nonce();
  await stale.bringToFront();
  await staleSection.getByRole("button", { name: `Claim ${amount} esHEU` }).click();
  await expect(staleSection.getByRole("alert")).toContainText(`Claim 1 epoch failed: Epoch ${claim.epoch} was already claimed by this wallet.`);
  expect(await nonce()).toBe(sent);
  await staleContext.close();
});

test("esHEU weighs 1.25× in the bribe split: the market weighs the compounded stake so, and the stake form counts the miner's esHEU so", async ({ page, request }) => {
  // The second miner's node holds only the esHEU it compounded: the split weighs it 1.25×.
  const market = (await (await request.get(`/api/v1/market?q=${COMPOUNDER_NODE}`)).json()) as MarketResponse;
  expect(market.esHeuWeight).toBe(1.25);
  const row = market.items.find((r) => r.minerId === COMPOUNDER_NODE)!;
  const S = row.stake.total;
  expect(S).toBeGreaterThan(0);
  expect(row.stake.weighted).toBeCloseTo(S * 1.25, 6);

  // The first miner stakes as much HEU there as the node holds in esHEU, and its operator offers
  // stakers 20 % (from the next epoch, which is what a new stake earns).
  const chain = e2eChain();
  await chain.mintHeu(devAccount(0).address, MINER.address, BigInt(row.stake.totalWei));
  await chain.stakeHeu(MINER.address, COMPOUNDER_NODE, BigInt(row.stake.totalWei));
  const bribe = await chain.setBribe(COMPOUNDER.address, COMPOUNDER_NODE, 2_000);
  await waitIndexed(request, bribe.blockNumber);

  // Then it stakes the esHEU it claimed: the split weighs the node's S HEU + S esHEU as 2.25 S, and
  // P of esHEU as 1.25 P. (Weighing every token alike would give P / (2S+P).)
  const panel = await openStakePanel(page, MINER.key, COMPOUNDER_NODE);
  await expect(panel.getByText(/in wallet, weighs ×1\.25 in the bribe split/)).toBeVisible();
  await panel.getByRole("radio", { name: /^esHEU/ }).check();
  const amount = panel.getByLabel("Amount to stake (esHEU)");
  await panel.getByRole("button", { name: "Max" }).click();
  const P = Number(await amount.inputValue());
  expect(P).toBeGreaterThan(0);
  const preview = panel.getByTestId("stake-yield-preview");
  await expect(preview).toContainText("In the bribe split your esHEU weighs ×1.25");
  await expect(preview).toContainText(/At a 20 ?% bribe your share/);
  const shown = Number((await preview.textContent())!.match(/your share \(([\d.]+) ?%\)/)![1]) / 100;
  expect(Math.abs(shown - (1.25 * P) / (2.25 * S + 1.25 * P))).toBeLessThanOrEqual(0.0005 + 1e-9); // one decimal of a percent
  for (const unweighed of [P / (2 * S + P), P / (2.25 * S + P), (1.25 * P) / (2 * S + 1.25 * P)]) expect(Math.abs(shown - unweighed)).toBeGreaterThan(0.0005);
});
