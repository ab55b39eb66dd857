import type { Availability24h } from "@/lib/schemas/activity";
import type { StakeCurve } from "@/lib/points";

/** What the server knows about a node, handed to the client panel (plain, serializable data). */
export interface NodeSummary {
  minerId: string;
  /** Indexed stake on the node, stHEU: the stake multiplier's input. */
  stakeHeu: number;
  /** The same stake as the bribe split weighs it (HEU + esHEU × esHeuWeight). */
  splitStakeHeu: number;
  /** esHEU's weight in the bribe split, e.g. 1.25. */
  esHeuWeight: number;
  /** Points in the recent window, for the yield estimate. */
  recentPoints: number;
  windowDays: number;
  /** Bribe in force (0–1) and a pending change, from the indexed BribeSet events. */
  bribe: number | null;
  pendingBribe: { bribe: number; effectiveAt: string } | null;
  /** A cut of the bribe in force or pending within 30 days; jobs in 7 days and availability over 24 h, for the warnings. */
  recentCut: { from: number; to: number; effectiveAt: string; pending: boolean } | null;
  jobs7d: number;
  availability24h: Availability24h;
  curve: StakeCurve;
  scheduleId: string;
  /** HEU per point of this node's mix at the portal's epochs' rate; null before any epoch has points. */
  heuPerPoint: number | null;
}
