import "server-only";
import type pg from "pg";
import { serverEnv } from "@/lib/env";
import { nextAttemptAt } from "@/lib/watches/backoff";
import { withTransaction } from "../db";
import { claimDueDeliveries } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";
import { attemptDelivery, type AttemptResult } from "./webhook-post";
import type { Resolver } from "./webhook-target";

// The deliverer (decision 0036): posts the webhook deliveries that are due, each attempt logged in
// webhook_attempts, retried with backoff for a day, and disables a webhook that keeps failing.
// Run by the worker's `deliver-webhooks` task; safe with any number of callers at once.

/** Deliveries claimed per pass, and posted at once. */
export const DELIVERY_BATCH = 20;
const PARALLEL = 4;
/** A claimed delivery is left alone by other callers this long past its attempt's deadline (a caller that died). */
const LEASE_SLACK_MS = 60_000;
/** A webhook whose every attempt has failed for this long (at least WEBHOOK_MAX_FAILURES attempts) is disabled without waiting for the day's end. */
export const EARLY_DISABLE_MS = 6 * 60 * 60_000;

export interface DeliverOptions {
  /** The pass's time, for what is due and every attempt's time and signature (tests drive it); by default the clock, read at each attempt. */
  now?: Date;
  /** The worker stopping: attempts under way are cut short and retried later. */
  signal?: AbortSignal;
  /** Defaults from lib/env: WEBHOOK_MAX_FAILURES, WEBHOOK_TIMEOUT_MS, WEBHOOK_ALLOW_PRIVATE. */
  maxFailures?: number;
  timeoutMs?: number;
  allowPrivate?: boolean;
  resolve?: Resolver;
  /** The backoff's jitter draw, in [0, 1). */
  random?: () => number;
  batch?: number;
}

export interface DeliverTally {
  delivered: number;
  /** Failed attempts that will be tried again. */
  retrying: number;
  gaveUp: number;
  /** Webhooks disabled by this pass, with the reason their owners see. */
  disabled: { watchId: string; reason: string }[];
  /** Deliveries of disabled or removed webhooks stopped without an attempt. */
  stopped: number;
}

type Claimed = claimDueDeliveries.Result;

type Settings = Required<Omit<DeliverOptions, "signal" | "resolve" | "batch">> & Pick<DeliverOptions, "signal" | "resolve">;

/**
 * Posts every due delivery (oldest due first, at most `batch`), and returns what became of them.
 * Claiming sets a delivery's next attempt to a lease past its deadline, under FOR UPDATE SKIP
 * LOCKED, and commits before anything is posted: a second caller neither waits for it nor sees it
 * due, and no connection is held while a receiver answers. A caller that dies mid-post leaves the
 * delivery to be tried again once the lease ends.
 */
export async function deliverDue(pool: pg.Pool, options: DeliverOptions = {}): Promise<DeliverTally> {
  const s: Settings = {
    now: options.now ?? new Date(),
    maxFailures: options.maxFailures ?? serverEnv().WEBHOOK_MAX_FAILURES,
    timeoutMs: options.timeoutMs ?? serverEnv().WEBHOOK_TIMEOUT_MS,
    allowPrivate: options.allowPrivate ?? serverEnv().WEBHOOK_ALLOW_PRIVATE,
    random: options.random ?? Math.random,
    signal: options.signal,
    resolve: options.resolve,
  };
  const tally: DeliverTally = { delivered: 0, retrying: 0, gaveUp: 0, disabled: [], stopped: 0 };
  if (s.signal?.aborted) return tally;
  // A disabled webhook's deliveries stop (its test events excepted), and so do a removed one's.
  const stopped = await pool.query(
    `UPDATE webhook_deliveries d SET next_attempt_at = NULL, gave_up_at = $1 FROM watches w
      WHERE w.id = d.watch_id AND d.next_attempt_at <= $1 AND (w.webhook_url IS NULL OR (w.disabled_at IS NOT NULL AND d.event <> 'test'))`,
    [s.now],
  );
  tally.stopped = stopped.rowCount ?? 0;
  const batch = options.batch ?? DELIVERY_BATCH;
  // Past the last attempt's deadline had every attempt of the batch run into its timeout.
  const lease = new Date(s.now.getTime() + Math.ceil(batch / PARALLEL) * s.timeoutMs + LEASE_SLACK_MS);
  const rows = await queryTyped(pool, claimDueDeliveries(s.now, lease, batch));
  const clock = options.now ? () => s.now : () => new Date();
  // Posts run side by side; their records are written one at a time (one connection of the worker's small pool).
  let recorded: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(fn: () => Promise<T>): Promise<T> => {
    const turn = recorded.then(fn);
    recorded = turn.catch(() => undefined);
    return turn;
  };
  let next = 0;
  const runner = async () => {
    for (let d = rows[next++]; d; d = rows[next++]) {
      const at = clock();
      const result = await attemptDelivery(d, { ...s, now: at });
      const { outcome, disabled } = await inTurn(() => record(pool, d, lease, result, { ...s, now: at }));
      if (outcome !== "lost") tally[outcome]++;
      if (disabled) tally.disabled.push(disabled);
    }
  };
  const ran = await Promise.allSettled(Array.from({ length: Math.min(PARALLEL, rows.length) }, runner));
  const failed = ran.find((r) => r.status === "rejected");
  if (failed) throw failed.reason;
  return tally;
}

interface Recorded {
  /** lost: the delivery was stopped while it was being posted (the attempt is still logged). */
  outcome: "delivered" | "retrying" | "gaveUp" | "lost";
  disabled?: { watchId: string; reason: string };
}

/** The attempt logged, the delivery moved on (if this caller still holds it), the watch's failure count kept. */
async function record(pool: pg.Pool, d: Claimed, lease: Date, r: AttemptResult, s: Settings): Promise<Recorded> {
  const attempt = d.attempts + 1;
  const next = r.ok ? null : nextAttemptAt(d.created_at, s.now, attempt, s.random());
  return withTransaction<Recorded>(
    async (client) => {
      await client.query("INSERT INTO webhook_attempts (delivery_id, attempt, at, status, error, duration_ms) VALUES ($1, $2, $3, $4, $5, $6)", [
        d.id,
        attempt,
        s.now,
        r.status,
        r.error,
        r.durationMs,
      ]);
      if (r.ok) {
        // Delivered is delivered, even if the delivery was stopped while it was being posted.
        await client.query("UPDATE webhook_deliveries SET attempts = $2, next_attempt_at = NULL, delivered_at = $3, gave_up_at = NULL WHERE id = $1 AND delivered_at IS NULL", [
          d.id,
          attempt,
          s.now,
        ]);
        // A receiver that answers works: the count starts again, and a disabled webhook (its owner's test event) is enabled.
        await client.query("UPDATE watches SET failures = 0, disabled_at = NULL, disabled_reason = NULL WHERE id = $1", [d.watch_id]);
        return { outcome: "delivered" };
      }
      // Guarded by the lease: a delivery stopped meanwhile (its webhook disabled, a newer test event) stays stopped.
      const moved = await client.query("UPDATE webhook_deliveries SET attempts = $3, next_attempt_at = $4, gave_up_at = $5 WHERE id = $1 AND next_attempt_at = $2", [
        d.id,
        lease,
        attempt,
        next,
        next ? null : s.now,
      ]);
      if (moved.rowCount !== 1) return { outcome: "lost" };
      const why = next ? await earlyDisableReason(client, d, s) : await countFailure(client, d, s);
      const reason = why && `${why}; the last: ${lastFailure(d, r, s.now)}`;
      const disabled = reason && (await disable(client, d.watch_id, reason, s.now)) ? { watchId: d.watch_id, reason } : undefined;
      return { outcome: next ? "retrying" : "gaveUp", disabled };
    },
    { db: pool },
  );
}

/** A delivery given up: one more failure in a row; the reason to disable at WEBHOOK_MAX_FAILURES. */
async function countFailure(client: pg.PoolClient, d: Claimed, s: Settings): Promise<string | null> {
  const { rows } = await client.query<{ failures: number }>("UPDATE watches SET failures = failures + 1 WHERE id = $1 AND disabled_at IS NULL RETURNING failures", [d.watch_id]);
  const failures = rows[0]?.failures ?? 0;
  return failures >= s.maxFailures ? `${failures} deliveries in a row failed` : null;
}

/**
 * A receiver dead for hours should not take a day to notice: when this delivery's attempts have all
 * failed for EARLY_DISABLE_MS (at least WEBHOOK_MAX_FAILURES of them) and no delivery of the watch
 * succeeded since its first, the webhook is disabled now.
 */
async function earlyDisableReason(client: pg.PoolClient, d: Claimed, s: Settings): Promise<string | null> {
  const { rows } = await client.query<{ first: Date; n: number; since: boolean }>(
    `SELECT min(a.at) AS first, count(*)::int AS n,
            EXISTS (SELECT 1 FROM webhook_deliveries o WHERE o.watch_id = $2 AND o.created_at >= min(a.at) - interval '2 days' AND o.delivered_at >= min(a.at)) AS since
       FROM webhook_attempts a WHERE a.delivery_id = $1`,
    [d.id, d.watch_id],
  );
  const { first, n, since } = rows[0]!;
  if (since || n < s.maxFailures || s.now.getTime() - first.getTime() < EARLY_DISABLE_MS) return null;
  return `every attempt for ${Math.floor((s.now.getTime() - first.getTime()) / 3_600_000)} hours failed (${n} attempts since ${first.toISOString()})`;
}

/** Disables the webhook (once) and stops its pending deliveries; false if it was disabled already. */
async function disable(client: pg.PoolClient, watchId: string, reason: string, now: Date): Promise<boolean> {
  const r = await client.query("UPDATE watches SET disabled_at = $2, disabled_reason = $3 WHERE id = $1 AND disabled_at IS NULL", [watchId, now, reason]);
  if (r.rowCount !== 1) return false;
  await client.query("UPDATE webhook_deliveries SET next_attempt_at = NULL, gave_up_at = $2 WHERE watch_id = $1 AND next_attempt_at IS NOT NULL AND event <> 'test'", [
    watchId,
    now,
  ]);
  return true;
}

function lastFailure(d: Claimed, r: AttemptResult, at: Date): string {
  let host = "the webhook";
  try {
    host = new URL(d.url).host;
  } catch {
    // An unparseable URL is named by its refusal.
  }
  return `${r.status !== null ? `HTTP ${r.status}` : r.error} from ${host} at ${at.toISOString()}`;
}
