// Unstaked HEU waits 30 days: it shows as locked with its unlock date, and once the chain's clock
// has moved 30 days on (evm_increaseTime) the staker withdraws it. This moves chain time ahead of
// the wall clock for good, so it runs in its own project after every other spec. Then, with the
// operator's pending bribe (staking.spec) in force, a lower one shows as a cut against stakers.
import { e2eChain, waitIndexed, WEI } from "./chain";
import { BRIBE_NODE, FUNDED_HEU, OPERATOR, UNSTAKE_NODE, UNSTAKER } from "./chain-data";
import { expect, screenshots, test } from "./fixtures";
import { injectTestWallet } from "./wallet-provider";

// Each test waits for several blocks (a second apiece), the indexer and page refreshes.
test.describe.configure({ timeout: 120_000 });

const DAY_S = 86_400;

test("unstake HEU → locked until its date; 30 days later on chain → withdraw succeeds", async ({ page, request, axeViolations }) => {
  const chain = e2eChain();
  const staked = await chain.stakeHeu(UNSTAKER.address, UNSTAKE_NODE, 20_000n * WEI);
  await waitIndexed(request, staked.blockNumber);

  await injectTestWallet(page, UNSTAKER.key);
  await page.goto(`/market?node=${UNSTAKE_NODE}#stake`);
  const panel = page.locator("#stake");
  const choice = panel.getByRole("button", { name: "E2E Test Wallet" });
  await expect(choice.or(panel.getByRole("tablist", { name: "Staking actions" }))).toBeVisible();
  if (await choice.isVisible()) await choice.click();
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
  const head = await chain.publicClient.getBlockNumber();
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

test("a bribe in force after its epoch, then cut: the market warns stakers", async ({ page, request, axeViolations }) => {
  // staking.spec set 12.5 % for the next epoch; the chain is now 30 days on, so it is in force.
  const before = await (await request.get(`/api/v1/miners/${BRIBE_NODE}/bribes`)).json();
  expect(before).toMatchObject({ currentBps: 1250, pending: null, recentCut: null });

  await injectTestWallet(page, OPERATOR.key);
  await page.goto(`/market?node=${BRIBE_NODE}#stake`);
  const panel = page.locator("#stake");
  const choice = panel.getByRole("button", { name: "E2E Test Wallet" });
  await expect(choice.or(panel.getByRole("tablist", { name: "Staking actions" }))).toBeVisible();
  if (await choice.isVisible()) await choice.click();
  await panel.getByRole("tab", { name: "Set bribe" }).click();
  await panel.getByLabel(/New bribe/).fill("5");
  await panel.getByRole("button", { name: "Set bribe" }).click();
  await expect(panel.getByText(/Set bribe to 5 %: confirmed in block \d+/)).toContainText("and indexed.", { timeout: 45_000 });

  await expect(panel.getByRole("complementary", { name: "Bribe cut warning" })).toContainText("from 12.5 % to 5 %");
  await expect(panel.getByText("Bribe over time")).toBeVisible();

  // The stake form states the cut next to its button, with the yield before and after, and asks once more.
  await panel.getByRole("tab", { name: "Stake", exact: true }).click();
  await panel.getByLabel("Amount to stake (HEU)").fill("1000");
  const risks = panel.getByRole("group", { name: "Before you stake on this node" });
  await expect(risks).toContainText("has announced a cut of the bribe from 12.5% to 5%");
  await expect(risks).toContainText(/Your estimated yield: .+ at the old bribe, .+ at the new one/);
  const stake = panel.getByRole("button", { name: /stake HEU$/i });
  await expect(stake).toBeDisabled();
  await risks.getByLabel("I have read this and still want to stake on this node.").check();
  await expect(stake).toBeEnabled();
  expect(await axeViolations(page)).toEqual([]);
  await screenshots(page, "market-bribe-cut");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await page.goto(`/market?q=${OPERATOR.address}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: `Miner ${BRIBE_NODE}` }) });
  await expect(row).toContainText("12.5%");
  await expect(row.getByText("cut ahead")).toBeVisible();
});
