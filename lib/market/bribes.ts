// A node's bribe history read the way the StakingMarket contract applies it: a BribeSet is in force
// from its epoch's start until a later one takes over, and a second set for the same epoch replaces
// the first before it ever applies. Pure: the caller passes the indexed changes and the time.

export const RECENT_CUT_DAYS = 30;

export interface BribeChangeInput {
  bps: number;
  effectiveEpoch: number;
  /** Start of the epoch it applies from (ms). */
  effectiveAt: number;
  /** Block time of the BribeSet (ms). */
  setAt: number;
  /** Position on the chain: the order the sets happened in. */
  blockNumber: bigint;
  logIndex: number;
}

export type BribeStatus = "in_force" | "pending" | "superseded";

export interface BribeEntry extends BribeChangeInput {
  status: BribeStatus;
  /** When it was (or will be) in force; null when a later set replaced it before its epoch began. */
  inForceFrom: number | null;
  inForceUntil: number | null;
}

export interface BribeCut {
  /** The highest bribe in force during the last 30 days (bps). */
  fromBps: number;
  /** The lower bribe now in force or pending (bps). */
  toBps: number;
  /** When the lower bribe took or takes effect (ms). */
  effectiveAt: number;
  /** True when the cut has not taken effect yet. */
  pending: boolean;
}

export interface BribeState {
  /** Newest set first. */
  history: BribeEntry[];
  /** Bribe in force now (bps); null when the operator never set one that has taken effect. */
  currentBps: number | null;
  currentSince: number | null;
  pending: { bps: number; effectiveEpoch: number; effectiveAt: number } | null;
  /** A bribe in force or pending that is lower than one in force in the last 30 days. */
  recentCut: BribeCut | null;
}

const bySetOrder = (a: BribeChangeInput, b: BribeChangeInput) => (a.blockNumber === b.blockNumber ? a.logIndex - b.logIndex : a.blockNumber < b.blockNumber ? -1 : 1);

export function bribeState(changes: readonly BribeChangeInput[], now: number): BribeState {
  const ordered = [...changes].sort(bySetOrder);
  // A set takes effect unless a later set applies from the same epoch or earlier.
  const effective = ordered.filter((c, i) => !ordered.slice(i + 1).some((later) => later.effectiveAt <= c.effectiveAt));
  const periods = new Map<BribeChangeInput, { from: number; until: number | null }>();
  effective.forEach((c, i) => periods.set(c, { from: c.effectiveAt, until: effective[i + 1]?.effectiveAt ?? null }));

  const entries: BribeEntry[] = ordered.map((c) => {
    const p = periods.get(c);
    let status: BribeStatus = "superseded";
    if (p && p.from > now) status = "pending";
    else if (p && p.from <= now && (p.until === null || p.until > now)) status = "in_force";
    return { ...c, status, inForceFrom: p?.from ?? null, inForceUntil: p?.until ?? null };
  });

  const current = entries.find((e) => e.status === "in_force") ?? null;
  const next = entries.find((e) => e.status === "pending") ?? null;
  const windowStart = now - RECENT_CUT_DAYS * 86_400_000;
  const recent = entries.filter((e) => e.inForceFrom !== null && e.inForceFrom <= now && (e.inForceUntil === null || e.inForceUntil > windowStart));
  const highest = recent.reduce((m, e) => Math.max(m, e.bps), -1);

  let recentCut: BribeCut | null = null;
  if (highest >= 0) {
    const lower = [next, current].filter((e): e is BribeEntry => e !== null && e.bps < highest).sort((a, b) => a.bps - b.bps)[0];
    if (lower) recentCut = { fromBps: highest, toBps: lower.bps, effectiveAt: lower.effectiveAt, pending: lower.status === "pending" };
  }

  return {
    history: entries.reverse(),
    currentBps: current?.bps ?? null,
    currentSince: current?.effectiveAt ?? null,
    pending: next ? { bps: next.bps, effectiveEpoch: next.effectiveEpoch, effectiveAt: next.effectiveAt } : null,
    recentCut,
  };
}

/** Basis points as a share, 0–1. */
export const bpsToRatio = (bps: number) => bps / 10_000;
