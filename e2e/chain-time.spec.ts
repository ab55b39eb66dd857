// Unstaked HEU waits 30 days: it shows as locked with its unlock date, and once the chain's clock
// has moved 30 days on (evm_increaseTime) the staker withdraws it; the esHEU that claims.spec's
// miner claimed has vested 30 days more. This moves chain time ahead of the wall clock for good, so
// it runs in its own project after every other spec, and first in it: the market's specs in the
// project (*.chain-time.spec.ts) need the bribes set in staking.spec and global setup in force.
import { e2eChain, waitIndexed, WEI } from "./chain";
import { CLAIM_MINER, FUNDED_HEU, UNSTAKE_NODE, UNSTAKER } from "./chain-data";
import { expect, screenshots, test } from "./fixtures";
import type { Locator } from "@playwright/test";
import type { WalletClaims } from "../lib/schemas/claims";
import { injectTestWallet, openClaimsPanel, openStakePanel } from "./wallet-provider";

// Each test waits for several blocks (a second apiece), the indexer and page refreshes.
test.describe.configure({ timeout: 120_000 });

const DAY_S = 86_400;

test("unstake HEU → locked until its date; 30 days later on chain → withdraw succeeds", async ({ page, request, axeViolations }) => {
  const chain = e2eChain();
  const staked = await chain.stakeHeu(UNSTAKER.address, UNSTAKE_NODE, 20_000n * WEI);
  await waitIndexed(request, staked.blockNumber);

  const panel = await openStakePanel(page, UNSTAKER.key, UNSTAKE_NODE);
  await panel.getByRole("tab", { name: "Unstake" }).click();
  await expect(panel.getByText("20,000 staked here").first()).toBeVisible();
  await panel.getByLabel("Amount to unstake (HEU)").fill("5000");
  await expect(panel.getByText(/locked for 30 days/)).toBeVisible();
  await panel.getByRole("button", { name: "Unstake HEU" }).click();
  await expect(panel.getByText(/Unstake 5,000 HEU: confirmed in block \d+/)).toContainText("and indexed.", { timeout: 45_000 });

  // The lock, with its unlock date 30 days after the unstake block and a countdown; no withdraw yet.
  const staker = await (await request.get(`/api/v1/stakers/${UNSTAKER.address}`)).json();
  expect(staker.locks).toHaveLength(1);
  const lock = staker.locks[0];
  expect(lock).toMatchObject({ minerId: UNSTAKE_NODE, amount: 5_000, status: "locked", withdrawnAt: null });
  expect(Date.parse(lock.unlockAt) - Date.parse(lock.createdAt)).toBe(30 * DAY_S * 1000);
  const locks = page.getByRole("region", { name: "Your HEU locks" });
  const row = locks.getByRole("row").filter({ hasText: `#${lock.lockId}` });
  await expect(row).toContainText(lock.unlockAt.slice(0, 16).replace("T", " "));
  await expect(row).toContainText(/in 29 d 23 h|in 30 d 0 h/);
  await expect(row.getByText("Locked")).toBeVisible();
  await expect(row.getByRole("button", { name: /Withdraw/ })).toHaveCount(0);
  expect(await axeViolations(page)).toEqual([]);

  // 30 days later on chain (the next block carries the new time).
  await chain.testClient.increaseTime({ seconds: 30 * DAY_S + 60 });
  await chain.testClient.mine({ blocks: 1 });
  const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
  await waitIndexed(request, head);
  expect((await (await request.get(`/api/v1/stakers/${UNSTAKER.address}`)).json()).locks[0].status).toBe("unlocked");

  await page.reload();
  const withdraw = page.getByRole("region", { name: "Your HEU locks" }).getByRole("button", { name: `Withdraw lock #${lock.lockId}` });
  await expect(withdraw).toBeVisible({ timeout: 20_000 });
  await withdraw.click();
  const done = page.getByText(new RegExp(`Withdraw 5,000 HEU \\(lock #${lock.lockId}\\): confirmed in block \\d+`));
  await expect(done).toContainText("and indexed.", { timeout: 45_000 });
  await expect(page.getByRole("region", { name: "Your HEU locks" }).getByText(/Withdrawn/)).toBeVisible();
  expect(await chain.heuBalance(UNSTAKER.address)).toBe((FUNDED_HEU - 20_000n + 5_000n) * WEI);
  await screenshots(page, "market-withdrawn");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
});
test("the esHEU that claims.spec's miner claimed vests with the chain's clock: 30 days on, its wallet vests that much more into HEU", async ({ page, request }) => {
  const claim = ((await (await request.get(`/api/v1/wallets/${CLAIM_MINER.address}/claims`)).json()) as WalletClaims).claims[0]!;
  expect(claim.status).toBe("claimed");
  const chain = e2eChain();
  const before = await chain.heuBalance(CLAIM_MINER.address); // what vested by its first "Vest to HEU"

  await injectTestWallet(page, CLAIM_MINER.key);
  const vest = (section: Locator) => section.getByRole("button", { name: /^Vest .* esHEU to HEU$/ });
  const section = await openClaimsPanel(page, CLAIM_MINER.address, vest);
  const from = (await chain.publicClient.getBlock()).timestamp;
  await vest(section).click();
  await expect(section.getByText(/Vest to HEU: confirmed in block \d+/)).toBeVisible({ timeout: 60_000 });
  const to = (await chain.publicClient.getBlock()).timestamp;

  // Linear over a year from the epoch's end: all that has vested by the vesting block is HEU now.
  const amount = BigInt(claim.amountWei);
  const start = BigInt(Date.parse(claim.vestStart) / 1000);
  const vestedAt = (t: bigint) => (amount * (t - start)) / (365n * BigInt(DAY_S));
  const after = await chain.heuBalance(CLAIM_MINER.address);
  expect(after).toBeGreaterThanOrEqual(vestedAt(from));
  expect(after).toBeLessThanOrEqual(vestedAt(to));
  expect(after - before).toBeGreaterThanOrEqual((amount * 30n) / 365n);
});
