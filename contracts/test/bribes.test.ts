// StakingMarket bribes: set by the node's operator, in force from the next weekly epoch
// (Friday 00:00 UTC), a later set before then replaces the pending value.
import { keccak256, stringToBytes, type Address } from "viem";
import { describe, expect, test } from "vitest";
import { stakingMarketAbi } from "../../lib/chain/abi";
import { alice, blockTimestamp, carol, eventOf, expectRevert, latestTimestamp, mined, mineAt, publicClient, setNextTimestamp, deployPerFile, walletOf } from "./fixture";

const c = deployPerFile();
const WEEK = 7n * 86_400n;
const nodeA = `${carol}-gpu0`;
const nodeB = `${carol}-gpu1`;
const idOf = (minerId: string) => keccak256(stringToBytes(minerId.toLowerCase()));

const setBribe = (minerId: string, bps: number, from: Address = carol) =>
  walletOf(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "setBribe", args: [minerId, bps] });
const bribeOf = (minerId: string) => publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "bribeOf", args: [idOf(minerId)] });
const pendingBribe = (minerId: string) => publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "pendingBribe", args: [idOf(minerId)] });
const currentEpoch = () => publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "currentEpoch" });
const epochStart = (epoch: bigint) => publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "epochStart", args: [epoch] });

describe("epochs", () => {
  test("are weeks starting Friday 00:00 UTC", async () => {
    const now = await latestTimestamp();
    const epoch = await currentEpoch();
    expect(epoch).toBe((now - 86_400n) / WEEK);
    const start = await epochStart(epoch);
    expect(start <= now && now < start + WEEK).toBe(true);
    expect(new Date(Number(start) * 1000).toISOString()).toMatch(/T00:00:00\.000Z$/);
    expect(new Date(Number(start) * 1000).getUTCDay()).toBe(5);
    expect(await epochStart(0n)).toBe(86_400n); // 1970-01-02, a Friday
    expect(await epochStart(epoch + 1n)).toBe(start + WEEK);
  });
});

describe("setBribe", () => {
  test("nodes start at 0 with nothing pending", async () => {
    expect(await bribeOf(nodeA)).toBe(0);
    expect(await pendingBribe(nodeA)).toEqual([0, 0n, false]);
  });

  test("takes effect exactly at the next Friday 00:00 UTC, with no transaction needed", async () => {
    const receipt = await mined(setBribe(nodeA, 1500));
    const epoch = await currentEpoch();
    const boundary = await epochStart(epoch + 1n);
    expect(eventOf(receipt, stakingMarketAbi, "BribeSet")).toEqual({
      nodeId: idOf(nodeA),
      operator: carol,
      bps: 1500,
      effectiveEpoch: epoch + 1n,
      effectiveAt: boundary,
      minerId: nodeA,
    });
    expect(new Date(Number(boundary) * 1000).toUTCString()).toMatch(/^Fri, .* 00:00:00 GMT$/);
    expect(await bribeOf(nodeA)).toBe(0);
    expect(await pendingBribe(nodeA)).toEqual([1500, epoch + 1n, true]);

    await mineAt(boundary - 1n);
    expect(await bribeOf(nodeA)).toBe(0);
    await mineAt(boundary);
    expect(await bribeOf(nodeA)).toBe(1500);
    expect(await pendingBribe(nodeA)).toEqual([0, 0n, false]);
    expect(await bribeOf(nodeB)).toBe(0);
  });

  test("a second set before the boundary replaces the pending value", async () => {
    await mined(setBribe(nodeA, 1500));
    const second = await mined(setBribe(nodeA, 2500));
    const epoch = await currentEpoch();
    expect(eventOf(second, stakingMarketAbi, "BribeSet").effectiveEpoch).toBe(epoch + 1n);
    expect(await pendingBribe(nodeA)).toEqual([2500, epoch + 1n, true]);
    await mineAt(await epochStart(epoch + 1n));
    expect(await bribeOf(nodeA)).toBe(2500);
  });

  test("a change to a bribe in force keeps the old one for the rest of the epoch", async () => {
    await mined(setBribe(nodeA, 1500));
    const epoch = await currentEpoch();
    await mineAt((await epochStart(epoch + 1n)) + 3600n);
    await mined(setBribe(nodeA, 0));
    expect(await bribeOf(nodeA)).toBe(1500);
    expect(await pendingBribe(nodeA)).toEqual([0, epoch + 2n, true]);
    await mineAt(await epochStart(epoch + 2n));
    expect(await bribeOf(nodeA)).toBe(0);
  });

  test("set one second before the boundary it applies a second later; set at the boundary it waits a week", async () => {
    const boundary = await epochStart((await currentEpoch()) + 1n);
    await setNextTimestamp(boundary - 1n);
    const early = await mined(setBribe(nodeA, 100));
    expect(await blockTimestamp(early)).toBe(boundary - 1n);
    expect(eventOf(early, stakingMarketAbi, "BribeSet").effectiveAt).toBe(boundary);

    await setNextTimestamp(boundary);
    const onTime = await mined(setBribe(nodeB, 200));
    expect(eventOf(onTime, stakingMarketAbi, "BribeSet").effectiveAt).toBe(boundary + WEEK);
    expect([await bribeOf(nodeA), await bribeOf(nodeB)]).toEqual([100, 0]);
  });

  test("the operator may set anything up to 100%, under any spelling of its address", async () => {
    const lower = `${carol.toLowerCase()}-gpu0`;
    await mined(setBribe(lower, 10_000));
    expect(eventOf(await mined(setBribe(`0x${carol.slice(2).toUpperCase()}`, 0)), stakingMarketAbi, "BribeSet").operator).toBe(carol);
    expect((await pendingBribe(lower))[0]).toBe(10_000);
  });

  test("anyone else reverts NotOperator; over 100% reverts BribeTooHigh; a bad ID reverts InvalidMinerId", async () => {
    await expectRevert(setBribe(nodeA, 1000, alice), "NotOperator", [alice, carol]);
    await expectRevert(setBribe(nodeA, 10_001), "BribeTooHigh", [10_001]);
    await expectRevert(setBribe(`${carol}-`, 1000), "InvalidMinerId", []);
  });
});
