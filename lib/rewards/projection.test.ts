import { describe, expect, test } from "vitest";
import { poolShare, projectNode } from "./projection";
import { splitNodeReward, splitPool } from "./split";

const HEU = 10n ** 18n;

describe("poolShare", () => {
  test.each([
    // pool, mine, total, expected
    [300n, 1n, 3n, 100n],
    [100n, 1n, 3n, 33n], // 33.3…: floor, the leftover wei goes to the larger remainder (the rest's 66.6…)
    [200n, 1n, 3n, 67n], // 66.6…: the leftover goes here
    [100n, 5n, 5n, 100n], // the only earner takes the whole pool
    [100n, -5n, 10n, 0n], // a net-negative miner gets nothing, as in settlement
    [100n, 5n, 0n, 0n],
    [0n, 5n, 10n, 0n],
  ])("pool %s, points %s of %s → %s", (pool, mine, total, expected) => {
    expect(poolShare(pool, mine, total)).toBe(expected);
  });

  test("within 1 wei of what the miner gets when settlement splits the pool among every miner", () => {
    const shares = new Map([
      ["a", 7_500_000n],
      ["b", 6_000_000n],
      ["c", 6_000_000n],
      ["d", 1_234_567n],
    ]);
    const total = [...shares.values()].reduce((x, y) => x + y);
    const pool = 150_000n * HEU + 123_457n;
    const all = splitPool(pool, shares);
    for (const [k, s] of shares) {
      const diff = poolShare(pool, s, total) - all.get(k)!;
      expect(diff >= -1n && diff <= 1n).toBe(true);
    }
  });
});

describe("projectNode", () => {
  const network = { waifuPoolWei: 1_000n * HEU, llamaPoolWei: 500n * HEU, waifuPointsMicro: 10_000_000n, llamaPointsMicro: 4_000_000n };

  test("the node's share of each pool, the bribe to its stakers by weight, the rest to its operator", () => {
    const weights = new Map([
      ["s1", 30n],
      ["s2", 10n],
    ]);
    const p = projectNode(network, { waifuPointsMicro: 2_500_000n, llamaPointsMicro: 1_000_000n, bribeBps: 2_000, stakeWeights: weights });
    expect(p.waifuWei).toBe(250n * HEU);
    expect(p.llamaWei).toBe(125n * HEU);
    expect(p.stakersWei).toBe(75n * HEU); // 20 % of 375
    expect(p.operatorWei).toBe(300n * HEU);
    expect(p.stakers).toEqual(splitNodeReward(375n * HEU, 2_000, weights).stakers);
    expect(p.stakers.get("s1")).toBe((75n * HEU * 3n) / 4n);
  });

  test("a bribe with nobody staked stays with the operator", () => {
    const p = projectNode(network, { waifuPointsMicro: 10_000_000n, llamaPointsMicro: 0n, bribeBps: 5_000, stakeWeights: new Map() });
    expect(p).toMatchObject({ tokensWei: 1_000n * HEU, operatorWei: 1_000n * HEU, stakersWei: 0n });
  });
});
