// Flag (a): a wallet whose GPUs act in lockstep, i.e. finish jobs in the same second far more often
// than independent GPUs would. Pure: the SQL counts, this decides (for review, never a slash).
//
// The yardstick is the wallet itself, a few seconds later. For each completed job we count
// whether another GPU of the same wallet completed one in the same second ("same") and whether
// one did exactly CONTROL_OFFSET_SEC seconds later ("control"). GPUs that work independently hit
// both about equally often, whatever their number, speed or daily rhythm; GPUs driven by one
// clock (one process faking many cards, or copies of the same answer) pile into the same second.
// A wallet so dense that every second has a job from some GPU scores 1 on both and is never
// flagged: at that density the test has nothing to say.

export const LOCKSTEP = {
  /** Fewer GPUs than this cannot form a meaningful "farm in lockstep". */
  minGpus: 4,
  /** Completed jobs in the window before the shares mean anything. */
  minJobs: 50,
  /** At least half of the jobs share their second with another GPU… */
  minShare: 0.5,
  /** …at least twice as often as the same wallet does CONTROL_OFFSET_SEC seconds later… */
  minRatio: 2,
  /** …and the difference is not noise: a two-proportion z-score of at least 4. */
  minZ: 4,
  /** Seconds between "same" and "control"; 7 is prime, so jobs on a common short period rarely fall on it. */
  controlOffsetSec: 7,
  /**
   * Lockstep looks at the last hours of a window, at most this many: coordination shows within any
   * day (a busy day is ~600k jobs), and its second-by-second scan costs ~10 s per 4M jobs, too long
   * to hold a connection on a request. The other flags cover the whole window.
   */
  maxHours: 24,
} as const;

export interface LockstepStats {
  wallet: string;
  /** GPUs (miner IDs) with completed jobs in the window. */
  gpus: number;
  jobs: number;
  /** Jobs completed in the same second as a job of another GPU of the wallet. */
  sameSecondJobs: number;
  /** Jobs for which another GPU of the wallet completed a job CONTROL_OFFSET_SEC seconds later. */
  controlJobs: number;
  /** The most GPUs of the wallet that completed a job in one second. */
  maxGpusInOneSecond: number;
  /** A few of the busiest seconds (ISO), for the reviewer. */
  exampleSeconds: string[];
}

export interface LockstepFlag extends LockstepStats {
  share: number;
  controlShare: number;
  z: number;
  summary: string;
}

/** Two-proportion z-score of p1 against p2, both over n observations. */
export function zScore(p1: number, p2: number, n: number): number {
  const variance = (p1 * (1 - p1) + p2 * (1 - p2)) / n;
  // Both shares 0 or 1: no variance, so any difference is certain; cap to keep the number printable.
  if (variance === 0) return p1 === p2 ? 0 : 99;
  return Math.min(99, (p1 - p2) / Math.sqrt(variance));
}

export function assessLockstep(s: LockstepStats, t = LOCKSTEP): LockstepFlag | null {
  if (s.gpus < t.minGpus || s.jobs < t.minJobs) return null;
  const share = s.sameSecondJobs / s.jobs;
  const controlShare = s.controlJobs / s.jobs;
  const z = zScore(share, controlShare, s.jobs);
  if (share < t.minShare || share < t.minRatio * controlShare || z < t.minZ) return null;
  const pct = (x: number) => `${Math.round(x * 100)} %`;
  return {
    ...s,
    share,
    controlShare,
    z,
    summary:
      `${pct(share)} of ${s.jobs} jobs on ${s.gpus} GPUs finished in the same second as another GPU of the wallet, ` +
      `against ${pct(controlShare)} ${t.controlOffsetSec} s later; up to ${s.maxGpusInOneSecond} GPUs in one second.`,
  };
}

export interface CompletedJob {
  minerId: string;
  /** Epoch milliseconds. */
  completedAt: number;
}

/** The wallet of a miner ID (`0x…` or `0x…-tag`). */
export const walletOfMiner = (minerId: string) => minerId.split("-")[0]!;

/**
 * The counts the SQL computes, in TypeScript: for tests and for reasoning about the SQL. Seconds
 * are whole UTC seconds (a job at 12:00:00.999 and one at 12:00:00.001 share a second).
 */
export function lockstepStatsOf(jobs: readonly CompletedJob[], t = LOCKSTEP): LockstepStats[] {
  const byWallet = new Map<string, CompletedJob[]>();
  for (const j of jobs) {
    const w = walletOfMiner(j.minerId);
    const list = byWallet.get(w);
    if (list) list.push(j);
    else byWallet.set(w, [j]);
  }
  const out: LockstepStats[] = [];
  for (const [wallet, list] of byWallet) {
    const gpus = new Set(list.map((j) => j.minerId)).size;
    if (gpus < t.minGpus) continue;
    const seconds = new Map<number, Set<string>>();
    const sec = (j: CompletedJob) => Math.floor(j.completedAt / 1000);
    for (const j of list) seconds.set(sec(j), (seconds.get(sec(j)) ?? new Set()).add(j.minerId));
    const other = (s: number, own: string) => [...(seconds.get(s) ?? [])].some((m) => m !== own);
    const busiest = [...seconds].filter(([, m]) => m.size >= 2).sort((a, b) => b[1].size - a[1].size || a[0] - b[0]);
    out.push({
      wallet,
      gpus,
      jobs: list.length,
      sameSecondJobs: list.filter((j) => other(sec(j), j.minerId)).length,
      controlJobs: list.filter((j) => other(sec(j) + t.controlOffsetSec, j.minerId)).length,
      maxGpusInOneSecond: Math.max(...[...seconds.values()].map((m) => m.size)),
      exampleSeconds: busiest.slice(0, 3).map(([s]) => new Date(s * 1000).toISOString()),
    });
  }
  return out;
}

/** Flagged wallets, strongest evidence first. */
export function lockstepFlags(rows: readonly LockstepStats[], t = LOCKSTEP): LockstepFlag[] {
  return rows.flatMap((r) => assessLockstep(r, t) ?? []).sort((a, b) => b.z - a.z || b.share - a.share || a.wallet.localeCompare(b.wallet));
}
