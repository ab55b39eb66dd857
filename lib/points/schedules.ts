import { lookupById } from "./by-id";
import { canonicalJson } from "./canonical-json";
import { UnknownScheduleError, NoScheduleError, PointsError } from "./errors";
import type { ImageCategory } from "./models";
import { PUBLISHED_SCHEDULES } from "./schedule-data";
import type { StakeCurve } from "./stake-curve";

/**
 * A versioned price list. Ledger entries store the id of the schedule that priced them, so a
 * published schedule is immutable: changing the rules means adding a schedule, not editing one.
 */
export interface RewardSchedule {
  id: string;
  /** ISO-8601 UTC instant from which the schedule prices jobs (if `inForceByDate`). */
  effectiveFrom: string;
  /** False for preview schedules that are only ever chosen explicitly (e.g. in the estimator). */
  inForceByDate: boolean;
  /** Multiplier per image category, in ppm; an absent category is not offered. */
  imageCategoryPpm: Partial<Record<ImageCategory, number>>;
  /** Multiplier per LLM model id, in ppm; an absent model is not offered. */
  llmModelPpm: Record<string, number>;
  /** Latency above which a job earns nothing, in seconds. */
  timeoutsSec: { image: number; llm: number };
  /** Boost by number of NFTs held: the row with the largest `minNfts` ≤ k applies. */
  nftBoostPpm: readonly { minNfts: number; ppm: number }[];
  stakeCurve: StakeCurve;
}

export const SCHEDULES: readonly RewardSchedule[] = PUBLISHED_SCHEDULES;

const schedules = lookupById(SCHEDULES, (id, known) => new UnknownScheduleError(id, known));

export function findSchedule(id: string): RewardSchedule | undefined {
  return schedules.find(id);
}

export function getScheduleOrThrow(id: string): RewardSchedule {
  return schedules.getOrThrow(id);
}

/** The schedule that prices a job completed at `at`: the latest one in force by that instant. */
export function scheduleAt(at: Date): RewardSchedule {
  const time = at instanceof Date ? at.getTime() : Number.NaN;
  if (Number.isNaN(time)) throw new PointsError("scheduleAt needs a valid Date.");
  let best: RewardSchedule | undefined;
  for (const schedule of SCHEDULES) {
    if (!schedule.inForceByDate || Date.parse(schedule.effectiveFrom) > time) continue;
    if (!best || Date.parse(schedule.effectiveFrom) > Date.parse(best.effectiveFrom)) best = schedule;
  }
  if (!best) {
    const first = SCHEDULES.filter((s) => s.inForceByDate)
      .map((s) => s.effectiveFrom)
      .sort()[0];
    throw new NoScheduleError(at, first);
  }
  return best;
}

/** Canonical JSON of a schedule: what schedules.test.ts pins for every published one. */
export function scheduleFingerprint(schedule: RewardSchedule): string {
  return canonicalJson(schedule);
}
