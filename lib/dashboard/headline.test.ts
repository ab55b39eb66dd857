import { describe, expect, test } from "vitest";
import { headlineFigures, minerShareText, walletGpusOnline, walletShareText, type HeadlinePoints } from "./headline";

const ADDRESS = "0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266";
const points = (w: number, l: number, w24: number, l24: number): HeadlinePoints => ({
  totalWaifuPoints: w,
  totalLlamaPoints: l,
  last24HrsWaifuPoints: w24,
  last24HrsLlamaPoints: l24,
});

test.each([
  [points(26_307.74, 8.325, 6, 0.125), { waifu: "26,307.7", llama: "8.33", waifu24h: "6", llama24h: "0.13", total24h: "6.1" }],
  [points(0, 0, 0, 0), { waifu: "0", llama: "0", waifu24h: "0", llama24h: "0", total24h: "0" }],
  [points(1_234_567.89, 0.004, 1.95, 0.05), { waifu: "1,234,567.9", llama: "0", waifu24h: "2", llama24h: "0.05", total24h: "2" }],
])("headline figures %#: Waifu to 1 decimal, Llama to 2, the 24 h sum to 1", (p, figures) => {
  expect(headlineFigures(p)).toEqual(figures);
});

describe("a wallet's preview", () => {
  test.each([
    [
      "both kinds, availability measured",
      { ...points(36, 2, 36, 2), gpuCount: 4, idleGpus: 1, availability24h: { buckets: 1152 } },
      "Wallet 0xf39f…2266: 36 Waifu and 2 Llama Points",
      "All time: 36 Waifu and 2 Llama Points. Last 24 h: 38 points (36 Waifu + 2 Llama). 4 GPUs, 3 online in the last 24 h, 1 idle (online at no time in 24 h).",
    ],
    [
      "Waifu only, one GPU, nothing measured",
      { ...points(1_500.25, 0, 0, 0), gpuCount: 1, idleGpus: 0, availability24h: { buckets: 0 } },
      "Wallet 0xf39f…2266: 1,500.3 Waifu Points",
      "All time: 1,500.3 Waifu Points. Last 24 h: 0 points (0 Waifu + 0 Llama). 1 GPU, availability not measured yet.",
    ],
    [
      "nothing earned",
      { ...points(0, 0, 0, 0), gpuCount: 2, idleGpus: 2, availability24h: { buckets: 576 } },
      "Wallet 0xf39f…2266: 0 points",
      "All time: 0 points. Last 24 h: 0 points (0 Waifu + 0 Llama). 2 GPUs, 0 online in the last 24 h, 2 idle (online at no time in 24 h).",
    ],
  ])("%s", (_, wallet, title, description) => {
    expect(walletShareText({ address: ADDRESS, ...wallet })).toEqual({ title, description });
  });

  test("the GPUs stat says what the page's GPUs card says", () => {
    expect(walletGpusOnline({ gpuCount: 2_400, idleGpus: 12, availability24h: { buckets: 10 } })).toBe("2,388 online in the last 24 h, 12 idle (online at no time in 24 h)");
  });
});

describe("a miner's preview", () => {
  test.each([
    [
      "an image GPU online",
      { ...points(24, 0, 12, 0), hardware: "NVIDIA GeForce RTX 4090", availability24h: { buckets: 288, onlineBuckets: 200 } },
      "Miner 0xf39f…2266-rig1: 24 Waifu Points",
      "All time: 24 Waifu Points. Last 24 h: 12 points (12 Waifu + 0 Llama). NVIDIA GeForce RTX 4090, online in the last 24 h.",
    ],
    [
      "an LLM GPU measured idle",
      { ...points(0, 2.5, 0, 0.75), hardware: "NVIDIA A100 80GB PCIe", availability24h: { buckets: 288, onlineBuckets: 0 } },
      "Miner 0xf39f…2266-rig1: 2.5 Llama Points",
      "All time: 2.5 Llama Points. Last 24 h: 0.8 points (0 Waifu + 0.75 Llama). NVIDIA A100 80GB PCIe, idle (online at no time in the last 24 h).",
    ],
    [
      "unknown hardware, nothing measured (not idle: the page's badge says online)",
      { ...points(6, 0, 6, 0), hardware: null, availability24h: { buckets: 0, onlineBuckets: 0 } },
      "Miner 0xf39f…2266-rig1: 6 Waifu Points",
      "All time: 6 Waifu Points. Last 24 h: 6 points (6 Waifu + 0 Llama). Unknown GPU, online in the last 24 h.",
    ],
  ])("%s", (_, miner, title, description) => {
    expect(minerShareText({ minerId: `${ADDRESS}-rig1`, ...miner })).toEqual({ title, description });
  });
});
