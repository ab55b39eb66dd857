import { PointsError } from "./errors";

/**
 * Stake multiplier as a piecewise-linear curve of the stHEU delegated to a node.
 * - "boost" (testnet): never below 1.0; stake only adds.
 * - "activation" (mainnet rules): 0 below the minimum stake, so an unstaked node earns nothing.
 * The kind is carried for the UI ("inactive" vs "boosted"); the maths is the same for both.
 */
export type StakeCurve = {
  kind: "boost" | "activation";
  /** Knots as [stake in stHEU, multiplier in ppm], stake strictly increasing. */
  points: readonly (readonly [stakeHeu: number, ppm: number])[];
  /** Multiplier for stakes below the first knot (a step, not an extrapolation). */
  belowFirstPpm: number;
};

export function stakeMultiplierPpm(curve: StakeCurve, stakeHeu: number): number {
  if (!Number.isFinite(stakeHeu) || stakeHeu < 0) {
    throw new PointsError(`Stake must be a finite number of stHEU ≥ 0, got ${String(stakeHeu)}.`);
  }
  const { points } = curve;
  const first = points[0];
  if (!first) throw new PointsError("A stake curve needs at least one point.");
  for (let i = 1; i < points.length; i += 1) {
    if (!(points[i]![0] > points[i - 1]![0])) {
      throw new PointsError("Stake curve points must have strictly increasing stake.");
    }
  }
  if (stakeHeu < first[0]) return curve.belowFirstPpm;

  for (let i = 1; i < points.length; i += 1) {
    const [s0, p0] = points[i - 1]!;
    const [s1, p1] = points[i]!;
    if (stakeHeu < s1) {
      // Each step (subtract, multiply, divide, add, round) is monotone in IEEE arithmetic, so a
      // larger stake can never round to a smaller multiplier on a rising segment.
      return Math.round(p0 + ((stakeHeu - s0) * (p1 - p0)) / (s1 - s0));
    }
  }
  return points[points.length - 1]![1];
}
