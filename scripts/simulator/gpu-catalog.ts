// The GPUs miners run, as the miner software reports them (`hardware`), with the two numbers the
// simulator needs: VRAM (which models fit) and relative speed (how long a job takes).
import type { Weighted } from "./random";

export interface GpuSpec {
  /** Short name, also used in rig tags such as `4090rig`. */
  key: string;
  hardware: string;
  vramGb: number;
  /** Diffusion/LLM throughput relative to an RTX 4090 (= 1), from public SDXL it/s benchmarks. */
  speed: number;
}

export const GPU_CATALOG = {
  "4090": { key: "4090", hardware: "NVIDIA GeForce RTX 4090", vramGb: 24, speed: 1 },
  "4080": { key: "4080", hardware: "NVIDIA GeForce RTX 4080", vramGb: 16, speed: 0.72 },
  "4070ti": { key: "4070ti", hardware: "NVIDIA GeForce RTX 4070 Ti", vramGb: 12, speed: 0.55 },
  "4060ti": { key: "4060ti", hardware: "NVIDIA GeForce RTX 4060 Ti", vramGb: 16, speed: 0.33 },
  "3090": { key: "3090", hardware: "NVIDIA GeForce RTX 3090", vramGb: 24, speed: 0.55 },
  "3080": { key: "3080", hardware: "NVIDIA GeForce RTX 3080", vramGb: 10, speed: 0.45 },
  "3070": { key: "3070", hardware: "NVIDIA GeForce RTX 3070", vramGb: 8, speed: 0.3 },
  a4000: { key: "a4000", hardware: "NVIDIA RTX A4000", vramGb: 16, speed: 0.3 },
  a4500: { key: "a4500", hardware: "NVIDIA RTX A4500", vramGb: 20, speed: 0.38 },
  a5000: { key: "a5000", hardware: "NVIDIA RTX A5000", vramGb: 24, speed: 0.45 },
  a6000: { key: "a6000", hardware: "NVIDIA RTX A6000", vramGb: 48, speed: 0.6 },
  a100: { key: "a100", hardware: "NVIDIA A100 80GB PCIe", vramGb: 80, speed: 0.9 },
  h100: { key: "h100", hardware: "NVIDIA H100 80GB HBM3", vramGb: 80, speed: 1.45 },
  l40s: { key: "l40s", hardware: "NVIDIA L40S", vramGb: 48, speed: 0.95 },
} as const satisfies Record<string, GpuSpec>;

export type GpuKey = keyof typeof GPU_CATALOG;

// Fleets by wallet size: the biggest wallets are homogeneous datacenter or 4090 farms, small
// ones the consumer cards people have at home. Weights are shares of wallets, not of GPUs.
export const FLEET_MIX: Record<"large" | "medium" | "small", Weighted<GpuKey>> = {
  large: [["4090", 40], ["3090", 15], ["a100", 15], ["h100", 10], ["l40s", 10], ["a6000", 10]],
  medium: [["4090", 30], ["3090", 25], ["4080", 10], ["a5000", 10], ["a6000", 8], ["a4500", 5], ["a100", 5], ["4070ti", 4], ["l40s", 3]],
  small: [["3090", 18], ["4090", 18], ["3080", 12], ["4070ti", 10], ["3070", 10], ["4060ti", 10], ["4080", 10], ["a4000", 6], ["a4500", 3], ["a5000", 3]],
};

/** Flux needs a 4090/A100-class card (sources); slower 24 GB cards would time out on every job. */
export const FLUX_MIN_SPEED = 0.9;
