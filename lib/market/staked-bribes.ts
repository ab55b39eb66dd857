// The bribe changes of the nodes a staker stakes on, in the order a staker needs them: pending cuts
// first (they will cost the staker next), then other pending changes, then the newest first.
import type { BribeState, BribeStatus } from "./bribes";

export interface StakedBribeRow {
  minerId: string;
  bps: number;
  /** For a pending change, the bribe in force now (what it changes from); null otherwise. */
  fromBps: number | null;
  effectiveEpoch: number;
  effectiveAt: number;
  status: BribeStatus;
  cut: boolean;
}

const rank = (r: StakedBribeRow) => (r.status === "pending" ? (r.cut ? 0 : 1) : 2);

export function stakedBribeRows(states: ReadonlyMap<string, BribeState>): StakedBribeRow[] {
  const rows = [...states].flatMap(([minerId, s]) =>
    s.history.map((h) => {
      const fromBps = h.status === "pending" ? s.currentBps : null;
      return { minerId, bps: h.bps, fromBps, effectiveEpoch: h.effectiveEpoch, effectiveAt: h.effectiveAt, status: h.status, cut: fromBps !== null && h.bps < fromBps };
    }),
  );
  return rows.sort((a, b) => rank(a) - rank(b) || b.effectiveAt - a.effectiveAt || (a.minerId < b.minerId ? -1 : 1));
}
