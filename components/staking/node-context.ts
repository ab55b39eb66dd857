import type { StakeCurve } from "@/lib/points";

/** What the server knows about a node, handed to the client panel (plain, serializable data). */
export interface NodeSummary {
  minerId: string;
  /** Indexed stake on the node, stHEU. */
  stakeHeu: number;
  /** Points in the recent window, for the yield estimate. */
  recentPoints: number;
  windowDays: number;
  /** Bribe in force (0–1) and a pending change, from the indexed BribeSet events. */
  bribe: number | null;
  pendingBribe: { bribe: number; effectiveAt: string } | null;
  curve: StakeCurve;
  scheduleId: string;
  /** HEU per point of this node's mix at the portal's epochs' rate; null before any epoch has points. */
  heuPerPoint: number | null;
}
