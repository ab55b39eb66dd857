import { describe, expect, test } from "vitest";
import { planChainSeed, STAKER_ACCOUNTS } from "./chain-seed";
import { createNetwork } from "./network";

const network = createNetwork({ scale: 0.05 });
const plan = planChainSeed(network);

describe("planChainSeed", () => {
  test("is deterministic and in day order", () => {
    expect(planChainSeed(network)).toEqual(plan);
    expect(plan.steps.map((s) => s.day)).toEqual([...plan.steps.map((s) => s.day)].sort((a, b) => a - b));
    expect(plan.steps.every((s) => s.day >= 0 && s.day < plan.days)).toBe(true);
  });

  test("NFTs go to simulated wallets, the largest first, within the 500 supply", () => {
    const nfts = plan.steps.filter((s) => s.kind === "nft");
    const total = nfts.reduce((n, s) => n + s.count, 0);
    expect(total).toBeGreaterThan(30);
    expect(total).toBeLessThanOrEqual(500);
    const largest = [...network.wallets].sort((a, b) => b.gpuCount - a.gpuCount)[0]!;
    expect(nfts.some((s) => s.wallet === largest.address)).toBe(true);
  });

  test("stakes come from the staker accounts onto real miner IDs, across the stake curve", () => {
    const minerIds = new Set(network.gpus.map((g) => g.minerId));
    const stakes = plan.steps.filter((s) => s.kind === "stake");
    expect(stakes.every((s) => STAKER_ACCOUNTS.includes(s.staker) && minerIds.has(s.minerId) && s.heu >= 100)).toBe(true);
    const perNode = new Map<string, number>();
    for (const s of stakes) perNode.set(s.minerId, (perNode.get(s.minerId) ?? 0) + s.heu);
    const totals = [...perNode.values()];
    expect(totals.some((t) => t < 10_000)).toBe(true);
    expect(totals.some((t) => t >= 10_000 && t < 100_000)).toBe(true);
    expect(totals.some((t) => t >= 100_000)).toBe(true);
  });

  test("operators bribe within 0–100 %, and some cut their bribe late in the week", () => {
    const bribes = plan.steps.filter((s) => s.kind === "bribe");
    expect(bribes.every((s) => s.bps >= 0 && s.bps <= 10_000)).toBe(true);
    const late = bribes.filter((s) => s.day === plan.days - 2);
    expect(late.length).toBeGreaterThan(0);
    for (const cut of late) expect(bribes.some((s) => s.minerId === cut.minerId && s.day === 0 && s.bps > cut.bps)).toBe(true);
  });
});
