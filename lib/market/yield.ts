import { ppmToNumber, stakeMultiplierPpm, type StakeCurve } from "@/lib/points";

// Staker yield for an extra stake P on a node with stake S (SPEC, "Staking and bribes"):
//   yield(P) = bribe × R(S+P) × P/(S+P)
// R(S+P) is the node's recent rewards re-priced at the stake multiplier it would have with the
// new stake: R(S+P) = R_recent × m(S+P) / m(S), annualized from the recent window. Pure: the
// caller passes the curve, the window and the token rate.

export const DAYS_PER_YEAR = 365;

/** Season 1 paid 22,457,723 HEU for 772,963,675 Waifu Points (SPEC, data/s1_results.csv). */
export const SEASON1_HEU_PER_POINT = 22_457_723 / 772_963_675;

export interface YieldInput {
  /** Share of the node's rewards paid to stakers, 0–1. */
  bribe: number;
  /** Points the node earned in the recent window (at its current multiplier). */
  recentPoints: number;
  /** Length of the recent window in days (7 for "last 7 days"). */
  windowDays: number;
  /** Stake already on the node, stHEU (S). */
  stakeHeu: number;
  /** The staker's extra stake, stHEU (P). */
  extraStakeHeu: number;
  curve: StakeCurve;
  /** Token value of one point (HEU); epochs set it, the Season 1 rate is the default anchor. */
  heuPerPoint: number;
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
      /** P/(S+P). */
      share: number;
      stakerPointsPerYear: number;
      stakerHeuPerYear: number;
      /** stakerHeuPerYear ÷ P: simple annual rate, no compounding. */
      apr: number;
    }
  | { ok: false; reason: "no-stake" | "inactive" | "invalid" };

export function estimateStakerYield(input: YieldInput): YieldEstimate {
  const { bribe, recentPoints, windowDays, stakeHeu, extraStakeHeu, curve, heuPerPoint } = input;
  const finite = [bribe, recentPoints, windowDays, stakeHeu, extraStakeHeu, heuPerPoint].every(Number.isFinite);
  if (!finite || bribe < 0 || bribe > 1 || windowDays <= 0 || stakeHeu < 0 || extraStakeHeu < 0 || heuPerPoint < 0) {
    return { ok: false, reason: "invalid" };
  }
  if (extraStakeHeu === 0) return { ok: false, reason: "no-stake" };
  const multiplierNow = ppmToNumber(stakeMultiplierPpm(curve, stakeHeu));
  const multiplierAfter = ppmToNumber(stakeMultiplierPpm(curve, stakeHeu + extraStakeHeu));
  // A node at multiplier 0 (below the mainnet minimum) earned nothing to re-price from.
  if (multiplierNow === 0) return { ok: false, reason: "inactive" };

  const rewardsPerYearNow = (Math.max(0, recentPoints) / windowDays) * DAYS_PER_YEAR;
  const rewardsPerYearAfter = (rewardsPerYearNow * multiplierAfter) / multiplierNow;
  const share = extraStakeHeu / (stakeHeu + extraStakeHeu);
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
    apr: stakerHeuPerYear / extraStakeHeu,
  };
}
