// Which of the catalog's GPUs (lib/gpu-catalog.ts) the simulated wallets run.
import type { GpuKey } from "../../lib/gpu-catalog";
import type { Weighted } from "./random";

// Fleets by wallet size: the biggest wallets are homogeneous datacenter or 4090 farms, small
// ones the consumer cards people have at home. Weights are shares of wallets, not of GPUs.
export const FLEET_MIX: Record<"large" | "medium" | "small", Weighted<GpuKey>> = {
  large: [
    ["4090", 40],
    ["3090", 15],
    ["a100", 15],
    ["h100", 10],
    ["l40s", 10],
    ["a6000", 10],
  ],
  medium: [
    ["4090", 30],
    ["3090", 25],
    ["4080", 10],
    ["a5000", 10],
    ["a6000", 8],
    ["a4500", 5],
    ["a100", 5],
    ["4070ti", 4],
    ["l40s", 3],
  ],
  small: [
    ["3090", 18],
    ["4090", 18],
    ["3080", 12],
    ["4070ti", 10],
    ["3070", 10],
    ["4060ti", 10],
    ["4080", 10],
    ["a4000", 6],
    ["a4500", 3],
    ["a5000", 3],
  ],
};
