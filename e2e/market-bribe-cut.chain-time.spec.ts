// The market once the chain's clock has moved 30 days on (chain-time.spec.ts, which runs before this
// file in the chain-time project): the operator's pending bribe (staking.spec) is in force, a lower
// one shows as a cut against stakers, a staker filters for the best yield and stakes on it, and one
// moves stake to a node picked from the searchable list.
import { e2eChain, waitIndexed, WEI } from "./chain";
import { formatUnits } from "viem";
import { formatYieldPercent } from "../lib/format";
import { formatBps } from "../lib/market/amount";
import { BRIBE_NODE, MARKET_NODES, MARKET_STAKER, OPERATOR } from "./chain-data";
import { expect, screenshots, test } from "./fixtures";
import { nodeRow, untilMarketShows } from "./market";
import { injectTestWallet, openStakePanel } from "./wallet-provider";

// Each test waits for several blocks (a second apiece), the indexer and page refreshes.
test.describe.configure({ timeout: 120_000 });

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
