import type { PlausibilityBreach } from "./plausibility";

// One sentence per broken bound, shared by the miner page, the estimator and the admin flags so
// a miner and an admin read the same numbers. Locale-independent (server and browser must match).

const int = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const seconds = (s: number) => `${Number(s.toFixed(s < 1 ? 3 : 2))} s`;

/** "(2048×2048)" for a square pixel limit, else "". */
function side(pixels: number): string {
  const root = Math.sqrt(pixels);
  return Number.isInteger(root) ? ` (${root}×${root})` : "";
}

/** E.g. "1,000 steps is above the 150-step limit for SDXL". */
export function describeBreach(breach: PlausibilityBreach, modelId: string): string {
  switch (breach.bound) {
    case "pixels":
      return `${int(breach.actual)} pixels is above the ${int(breach.limit)}-pixel limit${side(breach.limit)} for ${modelId}`;
    case "steps":
      return `${int(breach.actual)} steps is above the ${int(breach.limit)}-step limit for ${modelId}`;
    case "tokens":
      return `${int(breach.actual)} tokens (input + output) is above the ${int(breach.limit)}-token limit for ${modelId}`;
    case "latency":
      return `${seconds(breach.actual)} is faster than the ${seconds(breach.limit)} the fastest GPU needs for this much work on ${modelId}`;
  }
}
