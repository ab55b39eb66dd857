// StakingMarket staking: HEU and esHEU stake into miner-ID nodes, HEU unstakes into a 30-day lock,
// esHEU unstakes at once, staked (not locked) amounts move between nodes at once.
import { keccak256, parseEther, stringToBytes, type Address } from "viem";
import { beforeEach, describe, expect, test } from "vitest";
import { esHeuAbi, heuAbi, stakingMarketAbi } from "../../lib/chain/abi";
import {
  alice,
  balanceOf,
  blockTimestamp,
  bob,
  carol,
  dave,
  eventOf,
  expectRevert,
  grantEsHeu,
  mined,
  mintHeu,
  publicClient,
  setNextTimestamp,
  deployPerFile,
  walletOf,
} from "./fixture";

const c = deployPerFile();
const HEU = 0;
const ESHEU = 1;
const LOCK = 30n * 86_400n;
const nodeA = `${carol}-gpu0`;
const nodeB = `${carol}-gpu1`;
const nodeC = dave.toLowerCase();
const idOf = (minerId: string) => keccak256(stringToBytes(minerId.toLowerCase()));

const write = (from: Address) => ({
  stake: (minerId: string, token: number, amount: bigint) =>
    walletOf(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stake", args: [minerId, token, amount] }),
  unstake: (minerId: string, token: number, amount: bigint) =>
    walletOf(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "unstake", args: [minerId, token, amount] }),
  withdraw: (lockId: bigint) => walletOf(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "withdraw", args: [lockId] }),
  move: (fromMinerId: string, toMinerId: string, token: number, amount: bigint) =>
    walletOf(from).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "moveStake", args: [fromMinerId, toMinerId, token, amount] }),
});
const stakeOf = (minerId: string, staker: Address, token: number) =>
  publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stakeOf", args: [idOf(minerId), staker, token] });
const nodeStake = (minerId: string) => publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "nodeStake", args: [idOf(minerId)] });
const lockOf = (lockId: bigint) => publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "lockOf", args: [lockId] });
const operatorOf = (minerId: string) => publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "operatorOf", args: [minerId] });

beforeEach(async () => {
  for (const staker of [alice, bob]) {
    await mintHeu(c, staker, parseEther("1000"));
    await grantEsHeu(c, staker, parseEther("1000"));
    await mined(walletOf(staker).writeContract({ address: c.heu, abi: heuAbi, functionName: "approve", args: [c.stakingMarket, parseEther("1000")] }));
    await mined(walletOf(staker).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "approve", args: [c.stakingMarket, parseEther("1000")] }));
  }
});

describe("miner IDs", () => {
  const hex = carol.slice(2);
  test.each([
    ["checksummed, with a tag", `${carol}-gpu0`],
    ["lower-case hex, no tag", `0x${hex.toLowerCase()}`],
    ["upper-case hex", `0x${hex.toUpperCase()}-A_9`],
    ["120 bytes long", `${carol}-${"x".repeat(77)}`],
  ])("%s: the operator is the address it starts with", async (_, minerId) => {
    expect(await operatorOf(minerId)).toBe(carol);
    expect(await publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "nodeIdOf", args: [minerId] })).toBe(idOf(minerId));
  });

  test.each([
    ["empty", ""],
    ["only the prefix", "0x"],
    ["too short", `0x${hex.slice(1)}`],
    ["upper-case 0X", `0X${hex}`],
    ["a non-hex digit", `0x${hex.slice(0, 39)}g`],
    ["no dash before the tag", `${carol}gpu0`],
    ["an empty tag", `${carol}-`],
    ["a dash in the tag", `${carol}-gpu-0`],
    ["a dot in the tag", `${carol}-gpu.0`],
    ["a space in the tag", `${carol}-gpu 0`],
    ["a non-ASCII tag", `${carol}-gpü`],
    ["121 bytes long", `${carol}-${"x".repeat(78)}`],
  ])("%s reverts InvalidMinerId", async (_, minerId) => {
    await expectRevert(operatorOf(minerId), "InvalidMinerId", []);
    await expectRevert(write(alice).stake(minerId, HEU, 1n), "InvalidMinerId", []);
  });
});

describe("stake", () => {
  test("HEU and esHEU both count 1:1 towards the node's stake", async () => {
    const heuReceipt = await mined(write(alice).stake(nodeA, HEU, parseEther("100")));
    expect(eventOf(heuReceipt, stakingMarketAbi, "Staked")).toEqual({ nodeId: idOf(nodeA), staker: alice, token: HEU, amount: parseEther("100"), minerId: nodeA });
    const esReceipt = await mined(write(alice).stake(nodeA, ESHEU, parseEther("50")));
    expect(eventOf(esReceipt, stakingMarketAbi, "Staked")).toEqual({ nodeId: idOf(nodeA), staker: alice, token: ESHEU, amount: parseEther("50"), minerId: nodeA });
    await mined(write(bob).stake(nodeA, ESHEU, parseEther("7")));
    await mined(write(bob).stake(nodeB, HEU, parseEther("1")));

    expect(await stakeOf(nodeA, alice, HEU)).toBe(parseEther("100"));
    expect(await stakeOf(nodeA, alice, ESHEU)).toBe(parseEther("50"));
    expect(await stakeOf(nodeA, bob, ESHEU)).toBe(parseEther("7"));
    expect(await nodeStake(nodeA)).toBe(parseEther("157"));
    expect(await nodeStake(nodeB)).toBe(parseEther("1"));
    expect(await nodeStake(nodeC)).toBe(0n);
    expect(await balanceOf(c.heu, c.stakingMarket)).toBe(parseEther("101"));
    expect(await balanceOf(c.esHeu, c.stakingMarket)).toBe(parseEther("57"));
    expect(await balanceOf(c.heu, alice)).toBe(parseEther("900"));
  });

  test("every spelling of a miner ID is one node: stake upper-case, unstake lower-case", async () => {
    const shouting = `0x${carol.slice(2).toUpperCase()}-GPU0`;
    await mined(write(alice).stake(shouting, ESHEU, parseEther("5")));
    expect(await nodeStake(nodeA)).toBe(parseEther("5"));
    await mined(write(alice).unstake(nodeA.toLowerCase(), ESHEU, parseEther("5")));
    expect(await nodeStake(shouting)).toBe(0n);
  });

  test("zero, an unknown token or a missing allowance revert", async () => {
    await expectRevert(write(alice).stake(nodeA, HEU, 0n), "ZeroAmount", []);
    await expectRevert(write(alice).stake(nodeA, 2, 1n), "InvalidToken", [2]);
    await expectRevert(stakeOf(nodeA, alice, 2), "InvalidToken", [2]);
    // The token's own error bubbles up: decode it with the token's ABI alongside the market's.
    await expectRevert(
      walletOf(carol).writeContract({ address: c.stakingMarket, abi: [...stakingMarketAbi, ...heuAbi], functionName: "stake", args: [nodeA, HEU, 1n] }),
      "ERC20InsufficientAllowance",
      [c.stakingMarket, 0n, 1n],
    );
  });
});

describe("unstake", () => {
  beforeEach(async () => {
    await mined(write(alice).stake(nodeA, HEU, parseEther("100")));
    await mined(write(alice).stake(nodeA, ESHEU, parseEther("50")));
  });

  test("esHEU comes back at once, without a lock", async () => {
    const receipt = await mined(write(alice).unstake(nodeA, ESHEU, parseEther("20")));
    expect(eventOf(receipt, stakingMarketAbi, "Unstaked")).toEqual({
      nodeId: idOf(nodeA),
      staker: alice,
      token: ESHEU,
      amount: parseEther("20"),
      lockId: 0n,
      unlockAt: 0n,
      minerId: nodeA,
    });
    expect(await balanceOf(c.esHeu, alice)).toBe(parseEther("970"));
    expect(await stakeOf(nodeA, alice, ESHEU)).toBe(parseEther("30"));
    expect(await nodeStake(nodeA)).toBe(parseEther("130"));
  });

  test("HEU leaves the node at once into a 30-day lock; lock ids are global", async () => {
    const receipt = await mined(write(alice).unstake(nodeA, HEU, parseEther("40")));
    const unlockAt = (await blockTimestamp(receipt)) + LOCK;
    expect(eventOf(receipt, stakingMarketAbi, "Unstaked")).toEqual({
      nodeId: idOf(nodeA),
      staker: alice,
      token: HEU,
      amount: parseEther("40"),
      lockId: 1n,
      unlockAt,
      minerId: nodeA,
    });
    expect(await lockOf(1n)).toEqual([alice, parseEther("40"), unlockAt, false]);
    expect(await stakeOf(nodeA, alice, HEU)).toBe(parseEther("60"));
    expect(await nodeStake(nodeA)).toBe(parseEther("110"));
    expect(await balanceOf(c.heu, alice)).toBe(parseEther("900"));

    await mined(write(bob).stake(nodeB, HEU, 5n));
    const bobs = await mined(write(bob).unstake(nodeB, HEU, 5n));
    expect(eventOf(bobs, stakingMarketAbi, "Unstaked").lockId).toBe(2n);
  });

  test("more than staked, zero or an unknown token revert", async () => {
    await expectRevert(write(alice).unstake(nodeA, HEU, parseEther("101")), "InsufficientStake", [parseEther("100"), parseEther("101")]);
    await expectRevert(write(bob).unstake(nodeA, ESHEU, 1n), "InsufficientStake", [0n, 1n]);
    await expectRevert(write(alice).unstake(nodeA, HEU, 0n), "ZeroAmount", []);
    await expectRevert(write(alice).unstake(nodeA, 7, 1n), "InvalidToken", [7]);
    await expectRevert(write(alice).unstake(`${carol}-`, HEU, 1n), "InvalidMinerId", []);
  });
});

describe("withdraw", () => {
  let unlockAt: bigint;
  beforeEach(async () => {
    await mined(write(alice).stake(nodeA, HEU, parseEther("100")));
    unlockAt = (await blockTimestamp(await mined(write(alice).unstake(nodeA, HEU, parseEther("40"))))) + LOCK;
  });

  test("reverts StillLocked at 29 days 23 hours and pays out at exactly 30 days", async () => {
    await setNextTimestamp(unlockAt - 3600n);
    await expectRevert(write(alice).withdraw(1n), "StillLocked", [unlockAt]);
    await setNextTimestamp(unlockAt);
    const receipt = await mined(write(alice).withdraw(1n));
    expect(await blockTimestamp(receipt)).toBe(unlockAt);
    expect(eventOf(receipt, stakingMarketAbi, "Withdrawn")).toEqual({ lockId: 1n, staker: alice, amount: parseEther("40") });
    expect(await balanceOf(c.heu, alice)).toBe(parseEther("940"));
    expect(await lockOf(1n)).toEqual([alice, parseEther("40"), unlockAt, true]);
  });

  test("only once, only by its owner, only for a lock that exists", async () => {
    await setNextTimestamp(unlockAt);
    await expectRevert(write(bob).withdraw(1n), "NotLockOwner", [bob]);
    await mined(write(alice).withdraw(1n));
    await expectRevert(write(alice).withdraw(1n), "AlreadyWithdrawn", [1n]);
    await expectRevert(write(alice).withdraw(0n), "UnknownLock", [0n]);
    await expectRevert(write(alice).withdraw(2n), "UnknownLock", [2n]);
    expect(await balanceOf(c.heu, alice)).toBe(parseEther("940"));
  });
});

describe("moveStake", () => {
  beforeEach(async () => {
    await mined(write(alice).stake(nodeA, HEU, parseEther("100")));
    await mined(write(alice).stake(nodeA, ESHEU, parseEther("50")));
  });

  test("moves staked amounts at once; locked HEU stays behind", async () => {
    await mined(write(alice).unstake(nodeA, HEU, parseEther("40")));
    await expectRevert(write(alice).move(nodeA, nodeC, HEU, parseEther("100")), "InsufficientStake", [parseEther("60"), parseEther("100")]);

    const receipt = await mined(write(alice).move(nodeA, nodeC, HEU, parseEther("60")));
    expect(eventOf(receipt, stakingMarketAbi, "StakeMoved")).toEqual({
      fromNodeId: idOf(nodeA),
      toNodeId: idOf(nodeC),
      staker: alice,
      token: HEU,
      amount: parseEther("60"),
      fromMinerId: nodeA,
      toMinerId: nodeC,
    });
    await mined(write(alice).move(nodeA, nodeB, ESHEU, parseEther("50")));
    expect([await stakeOf(nodeA, alice, HEU), await stakeOf(nodeC, alice, HEU), await stakeOf(nodeB, alice, ESHEU)]).toEqual([0n, parseEther("60"), parseEther("50")]);
    expect([await nodeStake(nodeA), await nodeStake(nodeB), await nodeStake(nodeC)]).toEqual([0n, parseEther("50"), parseEther("60")]);
    expect(await lockOf(1n)).toEqual([alice, parseEther("40"), expect.any(BigInt), false]);
    expect(await balanceOf(c.heu, c.stakingMarket)).toBe(parseEther("100"));
  });

  test("to the same node, zero, someone else's stake or bad input revert", async () => {
    await expectRevert(write(alice).move(nodeA, nodeA, HEU, 1n), "SameNode", []);
    await expectRevert(write(alice).move(nodeA, nodeB, HEU, 0n), "ZeroAmount", []);
    await expectRevert(write(bob).move(nodeA, nodeB, HEU, 1n), "InsufficientStake", [0n, 1n]);
    await expectRevert(write(alice).move(nodeA, nodeB, 2, 1n), "InvalidToken", [2]);
    await expectRevert(write(alice).move(nodeA, "0x1234", HEU, 1n), "InvalidMinerId", []);
    await expectRevert(write(alice).move("nope", nodeB, HEU, 1n), "InvalidMinerId", []);
  });
});
