// When a failed webhook delivery is tried again (decision 0036): exponential backoff with full
// jitter, for a day. Pure: the caller gives the times and the random draw, so the schedule is
// tested without clocks and the deliverer's tests can fix the draw.

export const WEBHOOK_RETRY = {
  /** Ceiling of the first retry's delay; each further retry doubles it. */
  baseMs: 10_000,
  /** No delay is longer than this. */
  capMs: 60 * 60_000,
  /** A retry never comes sooner than this (one in the same pass would meet the same failure). */
  floorMs: 1_000,
  /** A delivery is tried for this long after it was created, then given up. */
  windowMs: 24 * 60 * 60_000,
} as const;

export type RetryPolicy = { [K in keyof typeof WEBHOOK_RETRY]: number };

/** The most the delay after the `attempts`-th failed attempt can be: base·2^(attempts−1), capped. */
export function retryCeilingMs(attempts: number, policy: RetryPolicy = WEBHOOK_RETRY): number {
  const doublings = Math.max(0, Math.min(attempts - 1, 40));
  return Math.min(policy.capMs, policy.baseMs * 2 ** doublings);
}

/**
 * Full jitter (a uniform draw below the ceiling): receivers that failed together, say during an
 * outage, are retried spread out rather than all at once. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, random: number, policy: RetryPolicy = WEBHOOK_RETRY): number {
  const r = Math.min(Math.max(random, 0), 1);
  return Math.max(policy.floorMs, Math.round(r * retryCeilingMs(attempts, policy)));
}

/**
 * When to try a delivery again after its `attempts`-th attempt failed at `failedAt`, or null to give
 * it up: its window (a day from `createdAt`) is over. The last retry is at the window's end.
 */
export function nextAttemptAt(createdAt: Date, failedAt: Date, attempts: number, random: number, policy: RetryPolicy = WEBHOOK_RETRY): Date | null {
  const deadline = createdAt.getTime() + policy.windowMs;
  if (failedAt.getTime() >= deadline) return null;
  return new Date(Math.min(failedAt.getTime() + retryDelayMs(attempts, random, policy), deadline));
}
