import { describe, expect, test } from "vitest";
import { MINER_ID_PATTERN } from "../../lib/schemas/ids";
import { buildFleet, loadTopMiners, SYNTHETIC_WALLETS_AT_FULL_SCALE } from "./fleet";

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

describe("buildFleet", () => {
  const small = buildFleet({ scale: 0.05, seed: 1 });

  test("at scale 0.05 keeps a heavy tail: one wallet of 2,577 GPUs, a small median, many single-GPU miners", () => {
    const counts = small.wallets.map((w) => w.gpuCount);
    expect(Math.max(...counts)).toBe(2_577);
    expect(median(counts)).toBeLessThanOrEqual(2);
    expect(counts.filter((c) => c === 1).length).toBeGreaterThan(counts.length / 3);
    expect(small.gpus.length).toBeLessThan(10_000);
  });

  test("at full scale uses the real GPU counts of all 999 top wallets plus the synthetic tail", () => {
    const full = buildFleet({ scale: 1, seed: 1 });
    const real = full.wallets.filter((w) => w.source === "top-miners");
    expect(real).toHaveLength(999);
    expect(real.reduce((sum, w) => sum + w.gpuCount, 0)).toBe(40_645);
    expect(median(real.map((w) => w.gpuCount))).toBe(16);
    const synthetic = full.wallets.filter((w) => w.source === "synthetic");
    expect(synthetic).toHaveLength(SYNTHETIC_WALLETS_AT_FULL_SCALE);
    expect(Math.max(...synthetic.map((w) => w.gpuCount))).toBeLessThanOrEqual(8);
  });

  test("uses the real addresses, lowercased, and gives each wallet exactly its GPUs", () => {
    const addresses = new Set(small.wallets.map((w) => w.address));
    for (const m of loadTopMiners()) expect(addresses.has(m.address.toLowerCase())).toBe(true);
    expect(addresses.size).toBe(small.wallets.length);
    const perWallet = new Map<string, number>();
    for (const gpu of small.gpus) perWallet.set(gpu.wallet, (perWallet.get(gpu.wallet) ?? 0) + 1);
    for (const w of small.wallets) expect(perWallet.get(w.address)).toBe(w.gpuCount);
  });

  test("gives every GPU a unique, valid, lowercased miner id under its wallet, with UUID and rig tags", () => {
    const ids = small.gpus.map((g) => g.minerId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const gpu of small.gpus) {
      expect(gpu.minerId).toMatch(MINER_ID_PATTERN);
      expect(gpu.minerId).toBe(gpu.minerId.toLowerCase());
      expect(gpu.minerId.split("-")[0]).toBe(gpu.wallet);
    }
    expect(ids.some((id) => /-[0-9a-f]{6}$/.test(id))).toBe(true);
    expect(ids.some((id) => /-4090rig\d*$/.test(id))).toBe(true);
  });

  test("puts datacenter and 4090 fleets in big wallets and consumer cards in small ones", () => {
    const biggest = small.gpus.filter((g) => g.wallet === "0xa2306b8299d27d0fb918ad5b501dff62330aa091");
    expect(biggest).toHaveLength(2_577);
    const bigCards = new Set(["4090", "3090", "a100", "h100", "l40s", "a6000"]);
    expect(biggest.every((g) => bigCards.has(g.spec.key))).toBe(true);
    const synthetic = new Set(small.wallets.filter((w) => w.source === "synthetic").map((w) => w.address));
    const home = small.gpus.filter((g) => synthetic.has(g.wallet));
    expect(home.some((g) => g.spec.key === "3070")).toBe(true);
    expect(home.some((g) => ["a100", "h100", "l40s"].includes(g.spec.key))).toBe(false);
  });

  test("makes most GPUs 90–99.5% available and a few flaky ones", () => {
    const steady = small.gpus.filter((g) => g.availability >= 0.9 && g.availability <= 0.995).length / small.gpus.length;
    expect(steady).toBeGreaterThan(0.85);
    expect(small.gpus.some((g) => g.availability < 0.85)).toBe(true);
  });

  test("is deterministic for a seed", () => {
    const again = buildFleet({ scale: 0.05, seed: 1 });
    expect(again.gpus.map((g) => [g.minerId, g.spec.key, g.speed])).toEqual(small.gpus.map((g) => [g.minerId, g.spec.key, g.speed]));
  });

  test.each([0, -0.1, 1.5, Number.NaN])("refuses scale %s", (scale) => {
    expect(() => buildFleet({ scale, seed: 1 })).toThrow(/scale/);
  });
});
