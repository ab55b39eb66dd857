// Flag (c): miner IDs whose jobs are suspiciously often the smallest the schedule pays for.
// Pure: what counts as floor-sized, and the comparison with the rest of the network.
//
// A floor-sized job is an image no larger than MIN_PIXELS (512×512) with no more than MIN_STEPS
// (20) steps, i.e. at or under the size that earns anything, or an LLM job of at most
// SMALL_LLM_TOKENS tokens in and out together. Some of those are normal (SD 1.5 at 512×512 and
// 20 steps is a common request), so a miner is compared model by model with everyone else: its
// expected floor share is what the rest of the network shows for the same models, weighted by
// its own model mix. It is flagged when its share is at least 20 %, three times the expected one,
// and the excess is not noise (binomial z ≥ 4), with at least 30 jobs and 10 floor-sized ones.
import { MIN_PIXELS, MIN_STEPS } from "@/lib/points";

export const FLOOR_SPIKE = {
  smallLlmTokens: 200,
  minJobs: 30,
  minFloorJobs: 10,
  minShare: 0.2,
  minRatio: 3,
  minZ: 4,
  /** The expected share is never taken below this, so a model nobody else runs tiny cannot divide by zero. */
  minExpected: 0.005,
} as const;

export interface JobSize {
  width?: number | null;
  height?: number | null;
  steps?: number | null;
  inputTokens?: number | null;
  outputTokens?: number | null;
}

export function isFloorSized(job: JobSize, t = FLOOR_SPIKE): boolean {
  if (job.width != null && job.height != null && job.steps != null) return job.width * job.height <= MIN_PIXELS && job.steps <= MIN_STEPS;
  if (job.inputTokens != null && job.outputTokens != null) return job.inputTokens + job.outputTokens <= t.smallLlmTokens;
  return false;
}

export interface ModelCounts {
  modelId: string;
  jobs: number;
  floorJobs: number;
}

export interface FloorSpikeFlag {
  minerId: string;
  jobs: number;
  floorJobs: number;
  share: number;
  expectedShare: number;
  z: number;
  byModel: (ModelCounts & { networkShare: number })[];
  summary: string;
}

/** Expected floor share of each model among everyone but this miner (all models together as fallback). */
function othersShare(network: ReadonlyMap<string, ModelCounts>, mine: readonly ModelCounts[], modelId: string): number | null {
  const own = mine.find((m) => m.modelId === modelId);
  const net = network.get(modelId);
  const jobs = (net?.jobs ?? 0) - (own?.jobs ?? 0);
  if (jobs > 0) return ((net?.floorJobs ?? 0) - (own?.floorJobs ?? 0)) / jobs;
  let allJobs = 0;
  let allFloor = 0;
  for (const n of network.values()) {
    allJobs += n.jobs;
    allFloor += n.floorJobs;
  }
  for (const m of mine) {
    allJobs -= m.jobs;
    allFloor -= m.floorJobs;
  }
  return allJobs > 0 ? allFloor / allJobs : null;
}

export function assessFloorSpike(minerId: string, mine: readonly ModelCounts[], network: ReadonlyMap<string, ModelCounts>, t = FLOOR_SPIKE): FloorSpikeFlag | null {
  const jobs = mine.reduce((a, m) => a + m.jobs, 0);
  const floorJobs = mine.reduce((a, m) => a + m.floorJobs, 0);
  if (jobs < t.minJobs || floorJobs < t.minFloorJobs) return null;
  const byModel = mine.map((m) => ({ ...m, networkShare: othersShare(network, mine, m.modelId) }));
  if (byModel.some((m) => m.networkShare === null)) return null; // nobody else to compare with
  const expectedShare = Math.max(t.minExpected, byModel.reduce((a, m) => a + m.jobs * m.networkShare!, 0) / jobs);
  const share = floorJobs / jobs;
  const z = ((share - expectedShare) * Math.sqrt(jobs)) / Math.sqrt(expectedShare * (1 - expectedShare));
  if (share < t.minShare || share < t.minRatio * expectedShare || z < t.minZ) return null;
  const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;
  return {
    minerId,
    jobs,
    floorJobs,
    share,
    expectedShare,
    z,
    byModel: byModel.map((m) => ({ ...m, networkShare: m.networkShare! })),
    summary: `${pct(share)} of ${jobs} jobs were floor-sized, against ${pct(expectedShare)} for the same models on the rest of the network.`,
  };
}

/** Miner IDs flagged, strongest evidence first. `network` holds every miner's counts per model. */
export function floorSpikeFlags(miners: ReadonlyMap<string, readonly ModelCounts[]>, network: readonly ModelCounts[], t = FLOOR_SPIKE): FloorSpikeFlag[] {
  const net = new Map(network.map((n) => [n.modelId, n]));
  return [...miners].flatMap(([minerId, mine]) => assessFloorSpike(minerId, mine, net, t) ?? []).sort((a, b) => b.z - a.z || a.minerId.localeCompare(b.minerId));
}
