// Who mines: the 999 real top wallets (real addresses and GPU counts, 8 to 2,577 GPUs) plus a long
// tail of small synthetic wallets, so pages see both single-GPU miners and 2,500-GPU farms.
import { readFileSync } from "node:fs";
import { getGpuOrThrow, type GpuSpec } from "../../lib/gpu-catalog";
import { FLEET_MIX } from "./fleet-mix";
import { Rng, hash32, type Weighted } from "./random";

export interface SimWallet {
  address: string;
  gpuCount: number;
  source: "top-miners" | "synthetic";
}

export interface SimGpu {
  index: number;
  minerId: string;
  wallet: string;
  spec: GpuSpec;
  /** The card's own speed: the catalog's, varied by power limits, cooling and host. */
  speed: number;
  /** A node serves one kind of job: the miner software runs either an image or an LLM worker. */
  role: "image" | "llm";
  /** Share of hours the node is online. */
  availability: number;
  failRate: number;
  timeoutRate: number;
}

export interface Fleet {
  wallets: SimWallet[];
  gpus: SimGpu[];
}

interface TopMiner {
  address: string;
  numGPUs: number;
  totalWaifu: number;
  totalLlama: number;
}

/** Season 1 had ~11k addresses; most were small miners outside the top-999 list. */
export const SYNTHETIC_WALLETS_AT_FULL_SCALE = 10_000;
const SMALL_WALLET_GPUS: Weighted<number> = [
  [1, 50],
  [2, 18],
  [3, 8],
  [4, 10],
  [5, 3],
  [6, 4],
  [7, 2],
  [8, 5],
];
// The data's Llama share is in points; an LLM node earns far fewer points per hour than an
// image node, so the same share in GPUs would make LLMs dominate the job mix. Damp it.
const LLM_SHARE_DAMPING = 0.5;
const SYNTHETIC_LLM_SHARE = 0.1;

let topMinersCache: TopMiner[] | undefined;
export function loadTopMiners(): TopMiner[] {
  topMinersCache ??= JSON.parse(readFileSync(new URL("../../data/top-miner-stats-2025-01.json", import.meta.url), "utf8")) as TopMiner[];
  return topMinersCache;
}

export function buildFleet(opts: { scale: number; seed: number }): Fleet {
  const { scale, seed } = opts;
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const rng = new Rng(hash32(seed, 0xf1ee7));
  const fleet: Fleet = { wallets: [], gpus: [] };
  const top = loadTopMiners();
  const biggest = top.reduce((a, b) => (b.numGPUs > a.numGPUs ? b : a));

  for (const miner of top) {
    // The biggest wallet stays unscaled so every run exercises a 2,500-GPU wallet.
    const count = miner === biggest ? miner.numGPUs : Math.max(1, Math.round(miner.numGPUs * scale));
    const points = miner.totalWaifu + miner.totalLlama;
    const llmShare = points > 0 ? (LLM_SHARE_DAMPING * miner.totalLlama) / points : 0;
    addWallet(fleet, rng, { address: miner.address.toLowerCase(), gpuCount: count, source: "top-miners" }, miner.numGPUs >= 100 ? "large" : "medium", llmShare);
  }

  const known = new Set(fleet.wallets.map((w) => w.address));
  const synthetic = Math.round(SYNTHETIC_WALLETS_AT_FULL_SCALE * scale);
  for (let i = 0; i < synthetic; i++) {
    let address = `0x${rng.hex(40)}`;
    while (known.has(address)) address = `0x${rng.hex(40)}`;
    known.add(address);
    addWallet(fleet, rng, { address, gpuCount: rng.weighted(SMALL_WALLET_GPUS), source: "synthetic" }, "small", SYNTHETIC_LLM_SHARE);
  }
  return fleet;
}

function addWallet(fleet: Fleet, rng: Rng, wallet: SimWallet, size: keyof typeof FLEET_MIX, llmShare: number): void {
  fleet.wallets.push(wallet);
  const mix = FLEET_MIX[size];
  const primary = rng.weighted(mix);
  const secondary = rng.chance(0.4) ? rng.weighted(mix) : primary;
  // Home rigs are a jumble of cards; farms buy in bulk.
  const primaryShare = size === "small" ? 0.6 : 0.85;
  const tags = minerTags(rng, wallet);
  for (let i = 0; i < wallet.gpuCount; i++) {
    const key = rng.chance(primaryShare) ? primary : size === "small" ? rng.weighted(mix) : secondary;
    const spec = getGpuOrThrow(key);
    const flaky = rng.chance(0.08);
    const availability = flaky ? rng.uniform(0.5, 0.88) : rng.uniform(0.9, 0.995);
    const tag = tags(spec.key);
    fleet.gpus.push({
      index: fleet.gpus.length,
      minerId: tag === null ? wallet.address : `${wallet.address}-${tag}`,
      wallet: wallet.address,
      spec,
      speed: spec.speed * rng.logNormal(0.06),
      role: spec.vramGb >= 24 && rng.chance(llmShare) ? "llm" : "image",
      availability,
      // Flaky nodes also fail and time out more: the same bad host, driver or network.
      failRate: 0.004 + (1 - availability) * 0.08,
      timeoutRate: 0.01 + (1 - availability) * 0.12,
    });
  }
}

/**
 * Device tags as miners pick them: the first 6 hex of the GPU UUID (farms, scripted setups) or
 * a rig name such as `4090rig`; a few single-GPU miners use the bare wallet.
 */
function minerTags(rng: Rng, wallet: SimWallet): (gpuKey: string) => string | null {
  const used = new Set<string>();
  const bare = wallet.source === "synthetic" && wallet.gpuCount === 1 && rng.chance(0.1);
  const rigNames = wallet.gpuCount <= 8 && rng.chance(0.5);
  return (gpuKey) => {
    if (bare) return null;
    if (rigNames) {
      let n = 1;
      while (used.has(`${gpuKey}rig${n === 1 ? "" : n}`)) n++;
      const tag = `${gpuKey}rig${n === 1 ? "" : n}`;
      used.add(tag);
      return tag;
    }
    let tag = rng.hex(6);
    while (used.has(tag)) tag = rng.hex(6);
    used.add(tag);
    return tag;
  };
}
