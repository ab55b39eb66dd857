// Issue 11, item 4: who gets a wallet page. An address that stakes but runs no GPU gets one (the
// staker view); an address that does neither is a 404.
import { expect, test } from "vitest";
import { stakerExists, walletExists } from "@/lib/server/queries/exists";
import { getStaker } from "@/lib/server/queries/staker";
import { randomWallet, stakeOn } from "../support/fixtures";

test("a staker without GPUs has a page; its positions are the staker API's; an address that never mined or staked has none", async () => {
  const staker = randomWallet();
  const node = `${randomWallet()}-n1`;
  await stakeOn(node, 12_000, new Date(Date.now() - 3_600_000), staker);
  expect(await walletExists(staker)).toBe(false);
  expect(await stakerExists(staker)).toBe(true);
  const s = await getStaker(staker);
  expect(s.positions).toMatchObject([{ minerId: node, token: "HEU", amountWei: (12_000n * 10n ** 18n).toString() }]);

  const nobody = randomWallet();
  expect(await walletExists(nobody)).toBe(false);
  expect(await stakerExists(nobody)).toBe(false);
});
