// esHEU: HEU-backed grants that vest linearly over a year, claimed into HEU, movable only through
// whitelisted addresses (the staking market).
import { parseEther } from "viem";
import { describe, expect, test } from "vitest";
import { esHeuAbi, stakingMarketAbi } from "../../lib/chain/abi";
import {
  alice,
  balanceOf,
  blockTimestamp,
  bob,
  carol,
  eventOf,
  expectRevert,
  grantEsHeu,
  mined,
  mineAt,
  mintHeu,
  owner,
  publicClient,
  setNextTimestamp,
  deployPerFile,
  walletOf,
} from "./fixture";

const c = deployPerFile();
const YEAR = 365n * 86_400n;
const AMOUNT = parseEther("365000");

const claimable = (account = alice) => publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "claimable", args: [account] });
const grantOf = (account: `0x${string}`, id: bigint) => publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grantOf", args: [account, id] });
const claim = (from = alice) => walletOf(from).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "claim" });
const transfer = (from: `0x${string}`, to: `0x${string}`, amount: bigint) =>
  walletOf(from).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "transfer", args: [to, amount] });

async function grantToAlice(amount = AMOUNT) {
  const receipt = await grantEsHeu(c, alice, amount);
  return { receipt, start: await blockTimestamp(receipt) };
}

describe("grant", () => {
  test("pulls the HEU backing from the owner, mints esHEU and records a one-year grant", async () => {
    const { receipt, start } = await grantToAlice();
    expect(eventOf(receipt, esHeuAbi, "Granted")).toEqual({ account: alice, grantId: 0n, amount: AMOUNT, start, end: start + YEAR });
    expect(await balanceOf(c.esHeu, alice)).toBe(AMOUNT);
    expect(await balanceOf(c.heu, c.esHeu)).toBe(AMOUNT);
    expect(await balanceOf(c.heu, owner)).toBe(0n);
    expect(await publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grantCount", args: [alice] })).toBe(1n);
    expect(await grantOf(alice, 0n)).toEqual([AMOUNT, 0n, start, start + YEAR]);

    const second = await grantEsHeu(c, alice, 5n);
    expect(eventOf(second, esHeuAbi, "Granted").grantId).toBe(1n);
  });

  test("is the Escrowed HEU token backed by the deployment's HEU", async () => {
    const read = (functionName: "name" | "symbol" | "decimals" | "heu" | "VESTING_PERIOD") => publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName });
    expect(await Promise.all([read("name"), read("symbol"), read("decimals"), read("heu"), read("VESTING_PERIOD")])).toEqual(["Escrowed HEU", "esHEU", 18, c.heu, YEAR]);
  });

  test("only the owner and its granters grant, never zero, and only with HEU allowance", async () => {
    await mintHeu(c, alice, 10n);
    await expectRevert(walletOf(alice).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grant", args: [bob, 10n] }), "NotGranter", [alice]);
    await expectRevert(walletOf(alice).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "setGranter", args: [alice, true] }), "OwnableUnauthorizedAccount", [alice]);
    // The deployment names the reward distributor a granter, nobody else.
    const isGranter = (a: `0x${string}`) => publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "isGranter", args: [a] });
    expect([await isGranter(c.rewardDistributor), await isGranter(alice)]).toEqual([true, false]);
    await expectRevert(walletOf(owner).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grant", args: [bob, 0n] }), "ZeroAmount", []);
    await mintHeu(c, owner, 10n);
    await expectRevert(walletOf(owner).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grant", args: [bob, 10n] }), "ERC20InsufficientAllowance", [
      c.esHeu,
      0n,
      10n,
    ]);
  });
});

describe("vesting", () => {
  test.each([
    ["at the grant", 0n, 0n],
    ["after one day", 86_400n, AMOUNT / 365n],
    ["at half a year", YEAR / 2n, AMOUNT / 2n],
    ["one second before a year", YEAR - 1n, (AMOUNT * (YEAR - 1n)) / YEAR],
    ["at a year", YEAR, AMOUNT],
    ["two years on", 2n * YEAR, AMOUNT],
  ])("claimable %s is linear in time, never more than granted", async (_, elapsed, expected) => {
    const { start } = await grantToAlice();
    if (elapsed > 0n) await mineAt(start + elapsed);
    expect(await claimable()).toBe(expected);
  });

  test("claim burns the vested esHEU for the same HEU, per grant, oldest first", async () => {
    const { start } = await grantToAlice();
    await setNextTimestamp(start + YEAR / 2n);
    const half = await mined(claim());
    expect(eventOf(half, esHeuAbi, "Claimed")).toEqual({ account: alice, amount: AMOUNT / 2n });
    expect(await balanceOf(c.heu, alice)).toBe(AMOUNT / 2n);
    expect(await balanceOf(c.esHeu, alice)).toBe(AMOUNT / 2n);
    expect(await claimable()).toBe(0n);
    expect((await grantOf(alice, 0n))[1]).toBe(AMOUNT / 2n);

    const later = await grantEsHeu(c, alice, parseEther("10"));
    const laterStart = await blockTimestamp(later);
    await setNextTimestamp(start + YEAR);
    const rest = await mined(claim());
    const laterVested = (parseEther("10") * (start + YEAR - laterStart)) / YEAR;
    expect(eventOf(rest, esHeuAbi, "Claimed").amount).toBe(AMOUNT / 2n + laterVested);
    expect((await grantOf(alice, 0n))[1]).toBe(AMOUNT);
    expect((await grantOf(alice, 1n))[1]).toBe(laterVested);
    expect(await balanceOf(c.heu, alice)).toBe(AMOUNT + laterVested);
    expect(await balanceOf(c.esHeu, alice)).toBe(parseEther("10") - laterVested);
  });

  test("nothing to claim reverts NothingToClaim", async () => {
    await expectRevert(claim(bob), "NothingToClaim", []);
    const { start } = await grantToAlice();
    await setNextTimestamp(start + 2n * YEAR);
    await mined(claim());
    await expectRevert(claim(), "NothingToClaim", []);
  });

  test("esHEU staked elsewhere is not claimable until it comes back", async () => {
    const { start } = await grantToAlice();
    const minerId = `${carol}-gpu0`;
    await mined(walletOf(alice).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "approve", args: [c.stakingMarket, AMOUNT] }));
    await mined(walletOf(alice).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stake", args: [minerId, 1, (AMOUNT * 3n) / 4n] }));
    await mineAt(start + YEAR);
    expect(await claimable()).toBe(AMOUNT / 4n);
    await mined(walletOf(alice).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "unstake", args: [minerId, 1, (AMOUNT * 3n) / 4n] }));
    expect(await claimable()).toBe(AMOUNT);
  });
});

describe("transfers", () => {
  test("between ordinary holders revert TransferNotAllowed, directly or through an allowance", async () => {
    await grantToAlice();
    await expectRevert(transfer(alice, bob, 1n), "TransferNotAllowed", [alice, bob]);
    await mined(walletOf(alice).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "approve", args: [bob, 1n] }));
    await expectRevert(walletOf(bob).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "transferFrom", args: [alice, bob, 1n] }), "TransferNotAllowed", [alice, bob]);
  });

  test("to or from a whitelisted address pass, until it is removed", async () => {
    await grantToAlice();
    const allow = (allowed: boolean) => mined(walletOf(owner).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "setTransferable", args: [bob, allowed] }));
    expect(eventOf(await allow(true), esHeuAbi, "TransferableSet")).toEqual({ account: bob, allowed: true });
    await mined(transfer(alice, bob, 10n));
    await mined(transfer(bob, carol, 4n));
    expect([await balanceOf(c.esHeu, bob), await balanceOf(c.esHeu, carol)]).toEqual([6n, 4n]);
    expect(eventOf(await allow(false), esHeuAbi, "TransferableSet")).toEqual({ account: bob, allowed: false });
    await expectRevert(transfer(bob, carol, 1n), "TransferNotAllowed", [bob, carol]);
  });

  test("the deployment whitelists the staking market; only the owner changes the whitelist", async () => {
    expect(await publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "isTransferable", args: [c.stakingMarket] })).toBe(true);
    expect(await publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "isTransferable", args: [bob] })).toBe(false);
    await expectRevert(walletOf(alice).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "setTransferable", args: [alice, true] }), "OwnableUnauthorizedAccount", [
      alice,
    ]);
  });
});
