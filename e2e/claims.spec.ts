// Issue 14: from a settled epoch to HEU in a miner's wallet. The miner's jobs of the last epoch are
// settled (`cli settle`) and the epoch's root published and funded (`cli publish`, as the
// operator); on the wallet page the miner connects, claims its esHEU, sees the grant vesting from
// the epoch's end, and vests what has vested into HEU; once claimed, nothing is offered to sign again.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { formatTokenAmount } from "../lib/market/amount";
import { epochOf, epochStart } from "../lib/rewards/epoch";
import type { WalletClaims } from "../lib/schemas/claims";
import { signedHeaders } from "../lib/signing";
import type { E2eContracts } from "./chain";
import { devAccount, sdxlJob } from "./chain-data";
import { expect, screenshots, test } from "./fixtures";
import { E2E_SECRET } from "./known-data";
import { injectTestWallet } from "./wallet-provider";

test.describe.configure({ timeout: 180_000 });

/** Account 7 mines only here. */
const MINER = devAccount(7);
const NODE = `${MINER.address}-claim1`;
const ROOT = path.resolve(import.meta.dirname, "..");

/** `npm run cli -- <args>` against the e2e database and chain, as the operator (anvil's deployer). */
function cli(...args: string[]): string {
  const c = JSON.parse(process.env.E2E_CONTRACTS ?? "null") as E2eContracts;
  return execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: {
      ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL, CHAIN_ID: "31337", CHAIN_RPC_URL: process.env.E2E_RPC_URL,
      HEU_ADDRESS: c.heu, ESHEU_ADDRESS: c.esHeu, IMAGINARIES_ADDRESS: c.imaginaries, STAKING_MARKET_ADDRESS: c.stakingMarket,
      REWARD_DISTRIBUTOR_ADDRESS: c.rewardDistributor, OPERATOR_PRIVATE_KEY: devAccount(0).key,
    },
  });
}

test("a miner claims a settled epoch's esHEU, sees it vest from the epoch's end, and vests HEU", async ({ page, request, axeViolations }) => {
  const open = epochOf(new Date());
  const ended = open - 1;
  const inEnded = new Date(epochStart(open).getTime() - 86_400_000);
  const body = JSON.stringify({ jobs: [0, 1, 2].map((i) => sdxlJob(`e2e-claim-${i}`, NODE, new Date(inEnded.getTime() + i * 60_000))) });
  expect((await request.post("/api/v1/jobs", { headers: signedHeaders(E2E_SECRET, body), data: body })).status()).toBe(200);

  expect(cli("settle")).toContain(`${ended}`);
  const claimsOf = async () => (await (await request.get(`/api/v1/wallets/${MINER.address}/claims`)).json()) as WalletClaims;
  expect((await claimsOf()).claims.map((c) => [c.epoch, c.status])).toEqual([[ended, "unpublished"]]);
  expect(cli("publish", "--epoch", String(ended))).toMatch(/published with/);
  await expect.poll(async () => (await claimsOf()).claims[0]?.status, { timeout: 30_000 }).toBe("claimable");
  const claim = (await claimsOf()).claims[0]!;
  const amount = formatTokenAmount(BigInt(claim.amountWei));

  await injectTestWallet(page, MINER.key);
  await page.goto(`/wallets/${MINER.address}`);
  const section = page.getByRole("region", { name: "esHEU on chain" });
  const row = section.getByRole("row").filter({ has: page.getByRole("rowheader", { name: String(ended) }) });
  await expect(row).toContainText(amount);
  await expect(row).toContainText("claimable");
  await section.getByRole("button", { name: "Connect this wallet to claim" }).click();
  const choice = section.getByRole("button", { name: "E2E Test Wallet" });
  const claimButton = section.getByRole("button", { name: `Claim ${amount} esHEU` });
  await expect(choice.or(claimButton)).toBeVisible();
  if (await choice.isVisible()) await choice.click();
  await claimButton.click();
  await expect(section.getByText(/Claim: confirmed in block \d+ .* and indexed\./)).toBeVisible({ timeout: 60_000 });

  // Claimed: the API and the page agree, and no claim is offered to sign again.
  expect((await claimsOf()).claims[0]).toMatchObject({ status: "claimed", stakedInto: null });
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
