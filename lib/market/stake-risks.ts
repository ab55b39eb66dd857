// What a staker should know before signing a stake on a node (issue 10): a bribe cut announced or
// in force within 30 days, a node that has stopped earning, a node already past the stake
// multiplier's cap. Pure: the stake form states each one next to its button and asks once more.
import type { StakeCurve } from "@/lib/points";

export interface StakeRiskInput {
  recentCut: { from: number; to: number; effectiveAt: string; pending: boolean } | null;
  jobs7d: number;
  lastSeenAt: string;
  stakeHeu: number;
  curve: StakeCurve;
}

export type StakeRisk =
  | { kind: "bribe-cut"; from: number; to: number; effectiveAt: string; pending: boolean }
  | { kind: "idle"; lastSeenAt: string }
  | { kind: "capped"; capHeu: number };

/** A node with no completed job for this long is idle: it earns nothing its stakers could share. */
export const IDLE_AFTER_MS = 24 * 3_600_000;

export function stakeRisks(n: StakeRiskInput, now: Date): StakeRisk[] {
  const risks: StakeRisk[] = [];
  if (n.recentCut) risks.push({ kind: "bribe-cut", ...n.recentCut });
  if (n.jobs7d === 0 || now.getTime() - Date.parse(n.lastSeenAt) > IDLE_AFTER_MS) risks.push({ kind: "idle", lastSeenAt: n.lastSeenAt });
  const cap = n.curve.points.at(-1)?.[0];
  if (cap !== undefined && n.stakeHeu >= cap) risks.push({ kind: "capped", capHeu: cap });
  return risks;
}
