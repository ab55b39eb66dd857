// What a staker should know before signing a stake on a node (issue 10): a bribe cut announced or
// in force within 30 days, a node that earned nothing for a week or that the job router has seen
// online for little of the last day, a node already past the stake multiplier's cap. Pure: the
// stake form states each one next to its button and asks once more.
import type { StakeCurve } from "@/lib/points";
import type { Availability24h } from "@/lib/schemas/activity";

export interface StakeRiskInput {
  recentCut: { from: number; to: number; effectiveAt: string; pending: boolean } | null;
  jobs7d: number;
  availability24h: Pick<Availability24h, "ratio" | "onlineBuckets" | "buckets" | "source">;
  stakeHeu: number;
  curve: StakeCurve;
}

export type StakeRisk =
  | { kind: "bribe-cut"; from: number; to: number; effectiveAt: string; pending: boolean }
  | { kind: "idle" }
  | { kind: "unavailable"; availability: StakeRiskInput["availability24h"] }
  | { kind: "capped"; capHeu: number };

/**
 * Below this share of the last 24 hours online the node is flagged: offline it earns nothing its
 * stakers could share. A day without a job is not a risk by itself (the spec: a node online with
 * no job routed to it is available); a week without one is.
 */
export const LOW_AVAILABILITY = 0.9;

export function stakeRisks(n: StakeRiskInput): StakeRisk[] {
  const risks: StakeRisk[] = [];
  if (n.recentCut) risks.push({ kind: "bribe-cut", ...n.recentCut });
  if (n.jobs7d === 0) risks.push({ kind: "idle" });
  else if (n.availability24h.ratio !== null && n.availability24h.ratio < LOW_AVAILABILITY) risks.push({ kind: "unavailable", availability: n.availability24h });
  const cap = n.curve.points.at(-1)?.[0];
  if (cap !== undefined && n.stakeHeu >= cap) risks.push({ kind: "capped", capHeu: cap });
  return risks;
}
