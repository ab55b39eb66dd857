// Unstaked HEU waits 30 days: it shows as locked with its unlock date, and once the chain's clock
// has moved 30 days on (evm_increaseTime) the staker withdraws it. This moves chain time ahead of
// the wall clock for good, so it runs in its own project after every other spec. Then, with the
// operator's pending bribe (staking.spec) in force, a lower one shows as a cut against stakers, and
// a staker moves stake to a node picked from the searchable list, and the esHEU that claims.spec's
// miner claimed has vested 30 days more.
import { e2eChain, waitIndexed, WEI } from "./chain";
import { formatUnits } from "viem";
import { formatYieldPercent } from "../lib/format";
import { formatBps } from "../lib/market/amount";
import { BRIBE_NODE, CLAIM_MINER, FUNDED_HEU, MARKET_NODES, MARKET_STAKER, OPERATOR, UNSTAKE_NODE, UNSTAKER } from "./chain-data";
import { expect, screenshots, test } from "./fixtures";
import { nodeRow, untilMarketShows } from "./market";
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

test("a bribe in force after its epoch, then cut: the market warns stakers", async ({ page, request, axeViolations }) => {
  // staking.spec set 12.5 % for the next epoch; the chain is now 30 days on, so it is in force.
  const before = await (await request.get(`/api/v1/miners/${BRIBE_NODE}/bribes`)).json();
  expect(before).toMatchObject({ currentBps: 1250, pending: null, recentCut: null });

  const panel = await openStakePanel(page, OPERATOR.key, BRIBE_NODE);
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
  const row = nodeRow(page, BRIBE_NODE);
  await untilMarketShows(page, `/market?q=${OPERATOR.address}`, async () => {
    await expect(row).toContainText("12.5 %", { timeout: 1_000 });
    await expect(row.getByText("cut ahead")).toBeVisible({ timeout: 1_000 });
  });
});

test("a staker with 50,000 HEU: the best yield among nodes available ≥ 98 % with no recent cut, the first two compared, then staked on", async ({
  page,
  request,
  axeViolations,
}) => {
  const filters = "stake=50000&minUptime7d=98&noRecentCut=1";
  type Api = { items: { minerId: string; yield: { heuPerEpochWei: string; percentPerYear: number } | null }[]; asOf: string };
  // The chain's clock has moved past the epoch the market nodes' bribes start in; once the snapshot has them, the API ranks them.
  await expect
    .poll(async () => ((await (await request.get(`/api/v1/market?${filters}`)).json()) as Api).items.map((r) => r.minerId), { timeout: 30_000 })
    .toEqual([MARKET_NODES.best, MARKET_NODES.second]); // the 40 % node is online a third of the time; BRIBE_NODE has just been cut

  await injectTestWallet(page, MARKET_STAKER.key);
  await page.goto("/market");
  const form = page.getByRole("form", { name: "Filter nodes and estimate yield" });
  await form.getByLabel("Your stake (HEU)").fill("50000");
  await form.getByLabel("Min. availability 7 d (%)").fill("98");
  await form.getByLabel("No bribe cut in 30 days").check();
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/stake=50000/);
  await expect(page).toHaveURL(/minUptime7d=98/);
  await expect(page).toHaveURL(/noRecentCut=1/);

  const table = page.getByRole("region", { name: "Node table" });
  await expect(table.getByRole("columnheader", { name: /Yield/ })).toHaveAttribute("aria-sort", "descending");
  const rows = table.getByRole("row");
  await expect(rows).toHaveCount(3); // header + 2
  await expect(rows.nth(1).getByRole("link", { name: `Miner ${MARKET_NODES.best}` })).toBeVisible();
  await expect(rows.nth(2).getByRole("link", { name: `Miner ${MARKET_NODES.second}` })).toBeVisible();
  // The worked example is the first row's yield, to the wei of GET /api/v1/market read from the same
  // snapshot (it is rebuilt every second here and yields drift with time: page and API are read
  // back to back until both come from one snapshot).
  await expect(async () => {
    await page.reload();
    const shown = await page.getByTestId("worked-heu-per-epoch").textContent();
    const now = (await (await request.get(`/api/v1/market?${filters}`)).json()) as Api;
    expect(shown).toBe(formatUnits(BigInt(now.items[0]!.yield!.heuPerEpochWei), 18));
  }).toPass({ timeout: 30_000 });

  await nodeRow(page, MARKET_NODES.best)
    .getByRole("link", { name: `Compare ${MARKET_NODES.best}` })
    .click();
  await expect(page.getByRole("region", { name: "Comparing 1 node" })).toBeVisible();
  await nodeRow(page, MARKET_NODES.second)
    .getByRole("link", { name: `Compare ${MARKET_NODES.second}` })
    .click();
  const compare = page.getByRole("region", { name: "Comparing 2 nodes" });
  await expect(compare.getByRole("article")).toHaveCount(2);
  const bestCard = compare.getByRole("article", { name: `Node ${MARKET_NODES.best}` });
  await expect(bestCard).toContainText("Yield for 50,000 HEU");
  await expect(bestCard).toContainText("20 %");
  await expect(compare.getByRole("article", { name: `Node ${MARKET_NODES.second}` })).toContainText("15 %");
  // Under each card its history: the bribe in force as the card says, and 30 days of availability.
  for (const [id, bribe] of [
    [MARKET_NODES.best, "20 %"],
    [MARKET_NODES.second, "15 %"],
  ] as const) {
    const history = compare.getByRole("group", { name: `History of node ${id}` });
    await expect(history).toContainText(`${bribe} in force since`);
    await expect(history).toContainText("Availability per day, last 30 days");
  }
  expect(await axeViolations(page)).toEqual([]);

  await bestCard.getByRole("link", { name: `Stake on this node ${MARKET_NODES.best}` }).click();
  const panel = page.locator("#stake");
  const choice = panel.getByRole("button", { name: "E2E Test Wallet" });
  await expect(choice.or(panel.getByRole("tablist", { name: "Staking actions" }))).toBeVisible();
  if (await choice.isVisible()) await choice.click();
  await panel.getByLabel("Amount to stake (HEU)").fill("50000");
  // No cut, not idle, not past the cap: nothing to confirm twice.
  await expect(panel.getByRole("group", { name: "Before you stake on this node" })).toHaveCount(0);
  await panel.getByRole("button", { name: "Approve and stake HEU" }).click();
  await expect(panel.getByText(/Stake 50,000 HEU: confirmed in block \d+/)).toContainText("and indexed.", { timeout: 45_000 });

  // The market's snapshot follows: the node's stake is 50,000 and its yield for the next 50,000 is diluted.
  const row = nodeRow(page, MARKET_NODES.best);
  await untilMarketShows(page, `/market?${filters}`, () => expect(row).toContainText("50,000", { timeout: 1_000 }));
  expect(await axeViolations(page)).toEqual([]);
  await page.setViewportSize({ width: 375, height: 812 });
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await screenshots(page, "market-decision");
});

test("moving stake: the target picked from the searchable list by a wallet prefix and the keyboard, each node with its bribe and yield", async ({
  page,
  request,
  axeViolations,
}) => {
  const chain = e2eChain();
  const from = MARKET_NODES.best;
  const to = MARKET_NODES.second;
  const staked = await chain.stakeHeu(MARKET_STAKER.address, from, 10_000n * WEI);
  await waitIndexed(request, staked.blockNumber);

  const panel = await openStakePanel(page, MARKET_STAKER.key, from);
  await panel.getByRole("tab", { name: "Move" }).click();
  await panel.getByLabel("Amount to move (HEU)").fill("10000");

  // A wallet prefix, typed: the operator's nodes, best yield for 10,000 HEU first, this node left out.
  // The answer the page got is kept (the snapshot is rebuilt every second and yields drift with time).
  type Row = { minerId: string; bribe: { forStakeBps: number | null; recentCut: object | null }; yield: { percentPerYear: number } | null };
  const prefix = OPERATOR.address.slice(0, 12);
  const answered = page.waitForResponse((r) => {
    const u = new URL(r.url());
    return u.pathname === "/api/v1/market" && u.searchParams.get("q") === prefix && u.searchParams.get("stake") === "10000";
  });
  const box = panel.getByRole("combobox", { name: "Move to node" });
  await box.pressSequentially(prefix, { delay: 30 });
  const response = await answered;
  expect(new URL(response.url()).searchParams.get("sort")).toBe("yield");
  expect(new URL(response.url()).searchParams.get("pageSize")).toBe("8");
  const expected = ((await response.json()) as { items: Row[] }).items.filter((r) => r.minerId !== from);
  const list = panel.getByRole("listbox");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  const option = (minerId: string) => list.getByRole("option", { name: new RegExp(`^${minerId},`) });
  await expect(option(to)).toBeVisible();
  await expect(option(from)).toHaveCount(0);

  // The options are the API's rows in its order, each with its bribe, cut and yield as the API has them.
  await expect(list.getByRole("option")).toHaveCount(expected.length);
  for (const [i, r] of expected.entries()) {
    const o = list.getByRole("option").nth(i);
    await expect(o).toHaveAttribute("aria-label", new RegExp(`^${r.minerId},`));
    if (r.bribe.forStakeBps !== null) await expect(o).toContainText(`Bribe ${formatBps(r.bribe.forStakeBps)}`);
    if (r.yield) await expect(o).toContainText(`Yield ${formatYieldPercent(r.yield.percentPerYear / 100)}`);
    await expect(o.getByText(/^cut/)).toHaveCount(r.bribe.recentCut ? 1 : 0);
  }
  expect(expected.map((r) => r.minerId)).toEqual(expect.arrayContaining([to, BRIBE_NODE]));
  // The 15 % node is priced; the node whose cut from 12.5 % to 5 % takes effect next epoch carries the marker.
  await expect(option(to)).toContainText("Bribe 15 %");
  await expect(option(to)).toContainText(/Yield \d[\d.,]* %/);
  await expect(option(BRIBE_NODE)).toContainText(/Bribe 5 % from epoch \d+/);
  await expect(option(BRIBE_NODE).getByText("cut ahead", { exact: true })).toBeVisible();
  await expect(option(BRIBE_NODE)).toHaveAttribute("aria-label", /cut from 12\.5 % to 5 %/);
  // The open list: accessible in both themes, and within a phone's width (the rest runs at 375 px).
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "light" });
  await screenshots(page, "market-move-picker");
  await expect(box).toHaveAttribute("aria-expanded", "true");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);

  // ArrowDown walks the options (aria-activedescendant follows), Enter picks.
  const index = expected.findIndex((r) => r.minerId === to);
  for (let i = 0; i <= index; i++) await box.press("ArrowDown");
  await expect(option(to)).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await option(to).getAttribute("id"))!);
  await box.press("Enter");
  const picked = panel.getByRole("group", { name: "Move to node" });
  await expect(picked).toContainText(to);
  await expect(picked).toContainText("Bribe 15 %");
  const change = picked.getByRole("button", { name: /^Change/ });
  await expect(change).toBeFocused();

  // "Change" goes back to the list; Escape closes it, and a prefix nothing has says so.
  await change.click();
  await expect(box).toBeFocused();
  await expect(box).toHaveAttribute("aria-expanded", "true");
  await box.press("Escape");
  await expect(box).toHaveAttribute("aria-expanded", "false");
  await box.fill(`${prefix}zz`);
  await expect(panel.getByRole("status").filter({ hasText: `No node matches “${prefix}zz”.` })).toBeVisible();
  // A whole miner ID pasted comes first.
  await box.fill(to);
  await expect(list.getByRole("option").first()).toHaveAttribute("aria-label", new RegExp(`^${to},`));
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(picked).toContainText(to);

  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  await panel.getByRole("button", { name: "Move stake" }).click();
  await expect(panel.getByText(/Move 10,000 HEU: confirmed in block \d+/)).toContainText("and indexed.", { timeout: 45_000 });
  const staker = (await (await request.get(`/api/v1/stakers/${MARKET_STAKER.address}`)).json()) as { positions: { minerId: string; token: string; amount: number }[] };
  expect(staker.positions).toContainEqual(expect.objectContaining({ minerId: to, token: "HEU", amount: 10_000 }));
  await screenshots(page, "market-move");
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
