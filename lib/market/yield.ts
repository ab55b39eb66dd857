import { ppmToNumber, stakeMultiplierPpm, type StakeCurve } from "@/lib/points";

// Staker yield for an extra stake P on a node with stake S (SPEC, "Staking and bribes"):
//   yield(P) = bribe × R(S+P) × wP/(Sw+wP)
// R(S+P) is the node's recent rewards re-priced at the stake multiplier it would have with the
// new stake: R(S+P) = R_recent × m(S+P) / m(S), annualized from the recent window. The multiplier
// counts every token alike; the bribe split weighs esHEU more: w is the weight of P's token (1 for
// HEU, the reward configuration's esHEU weight for esHEU) and Sw the node's stake weighed the same
// way (HEU + w_esHEU × esHEU). With HEU only it is bribe × R(S+P) × P/(S+P). Pure: the
// caller passes the curve, the window and the token rate (the portal's own epochs, lib/rewards
// token-rate.ts; never a constant).
import { EPOCH_MS } from "@/lib/rewards/epoch";
import type { TokenRate } from "@/lib/rewards/token-rate";

export const DAYS_PER_YEAR = 365;
const EPOCHS_PER_YEAR = (DAYS_PER_YEAR * 86_400_000) / EPOCH_MS;

/**
 * HEU per point for one node's mix of Waifu and Llama points at the portal's rate; the Waifu rate
 * for a node with no points yet.
 */
export function nodeHeuPerPoint(rate: Pick<TokenRate, "waifu" | "llama">, waifuPoints: number, llamaPoints: number): number {
  const total = waifuPoints + llamaPoints;
  return total > 0 ? (waifuPoints * rate.waifu + llamaPoints * rate.llama) / total : rate.waifu;
}

/**
 * What an existing position earned per year at the node's recent pace: no dilution and no
 * re-pricing (the node's points were earned with the position already staked). Both stakes as the
 * bribe split weighs them: the position × its token's weight, the node's stake Sw.
 */
export function positionHeuPerYear(p: { bribe: number; recentPoints: number; windowDays: number; splitStakeHeu: number; positionSplitHeu: number; heuPerPoint: number }): number {
  if (p.splitStakeHeu <= 0 || p.windowDays <= 0) return 0;
  return ((p.bribe * Math.max(0, p.recentPoints) * p.heuPerPoint) / p.windowDays) * DAYS_PER_YEAR * (p.positionSplitHeu / p.splitStakeHeu);
}

export interface YieldInput {
  /** Share of the node's rewards paid to stakers, 0–1. */
  bribe: number;
  /** Points the node earned in the recent window (at its current multiplier). */
  recentPoints: number;
  /** Length of the recent window in days (7 for "last 7 days"). */
  windowDays: number;
  /** Stake already on the node, stHEU (S): the stake multiplier's input. */
  stakeHeu: number;
  /** The same stake as the bribe split weighs it, HEU + esHEU × esHEU's weight (Sw). */
  splitStakeHeu: number;
  /** The staker's extra stake, stHEU (P). */
  extraStakeHeu: number;
  /** The weight of P's token in the bribe split (w): 1 for HEU, the esHEU weight for esHEU. */
  extraWeight: number;
  curve: StakeCurve;
  /** Token value of one point (HEU) at the portal's own epochs' rate (nodeHeuPerPoint); null before any epoch has points. */
  heuPerPoint: number | null;
}

export type YieldEstimate =
  | {
      ok: true;
      multiplierNow: number;
      multiplierAfter: number;
      /** R_recent annualized, points/year at today's multiplier. */
      rewardsPerYearNow: number;
      /** R(S+P), points/year. */
      rewardsPerYearAfter: number;
      /** wP/(Sw+wP): P's share of the stakers' cut. */
      share: number;
      stakerPointsPerYear: number;
      stakerHeuPerYear: number;
      /** The same per weekly epoch. */
      stakerHeuPerEpoch: number;
      /** stakerHeuPerYear ÷ P: simple annual rate, no compounding. */
      apr: number;
    }
  | { ok: false; reason: "no-stake" | "inactive" | "invalid" | "no-rate" };

export function estimateStakerYield(input: YieldInput): YieldEstimate {
  const { bribe, recentPoints, windowDays, stakeHeu, splitStakeHeu, extraStakeHeu, extraWeight, curve, heuPerPoint } = input;
  if (heuPerPoint === null) return { ok: false, reason: "no-rate" };
  const finite = [bribe, recentPoints, windowDays, stakeHeu, splitStakeHeu, extraStakeHeu, extraWeight, heuPerPoint].every(Number.isFinite);
  if (!finite || bribe < 0 || bribe > 1 || windowDays <= 0 || stakeHeu < 0 || splitStakeHeu < 0 || extraStakeHeu < 0 || extraWeight <= 0 || heuPerPoint < 0) {
    return { ok: false, reason: "invalid" };
  }
  if (extraStakeHeu === 0) return { ok: false, reason: "no-stake" };
  const multiplierNow = ppmToNumber(stakeMultiplierPpm(curve, stakeHeu));
  const multiplierAfter = ppmToNumber(stakeMultiplierPpm(curve, stakeHeu + extraStakeHeu));
  // A node at multiplier 0 (below the mainnet minimum) earned nothing to re-price from.
  if (multiplierNow === 0) return { ok: false, reason: "inactive" };

  const rewardsPerYearNow = (Math.max(0, recentPoints) / windowDays) * DAYS_PER_YEAR;
  const rewardsPerYearAfter = (rewardsPerYearNow * multiplierAfter) / multiplierNow;
  const share = (extraWeight * extraStakeHeu) / (splitStakeHeu + extraWeight * extraStakeHeu);
  const stakerPointsPerYear = bribe * rewardsPerYearAfter * share;
  const stakerHeuPerYear = stakerPointsPerYear * heuPerPoint;
  return {
    ok: true,
    multiplierNow,
    multiplierAfter,
    rewardsPerYearNow,
    rewardsPerYearAfter,
    share,
    stakerPointsPerYear,
    stakerHeuPerYear,
    stakerHeuPerEpoch: stakerHeuPerYear / EPOCHS_PER_YEAR,
    apr: stakerHeuPerYear / extraStakeHeu,
  };
}
