import "server-only";
import type pg from "pg";
import { log } from "@/lib/log";
import { LEADERBOARD_WINDOWS, type LeaderboardWindow } from "@/lib/schemas/leaderboard";
import { withTransaction } from "./db";
import { WALLET_GPUS_SQL } from "./queries/wallet-gpus";
import { WINDOW_HOURS, windowStart } from "./queries/windows";

// Leaderboards rank ~11,000 wallets; ranking on every request would re-aggregate up to 7 days of
// wallet_hourly (~1.8 M rows at that size). Instead each window is a snapshot in leaderboard_rows,
// rebuilt from the rollups (never the ledger) when it is older than LEADERBOARD_REFRESH_SECONDS.
//
// gpu_count keeps the wallet's GPUs at build time for the record; readers show the live count
// (WALLET_GPUS_SQL), the number the wallet page shows.
//
// Each (window, point type) snapshot carries a header row at rank 0 (wallet '', 0 points) holding
// computed_at, so an empty leaderboard is still a snapshot and is not recomputed on every read.
// Readers must ask for rank ≥ 1. (A leaderboard_snapshots table would be cleaner; see the report.)

/** pg advisory-lock namespace ("HE") + one key per window: one refresher per window, cluster-wide. */
const LOCK_CLASS = 0x4845;

/** Points per wallet in the window: wallet_hourly for 24h/7d, per-node totals for all time. */
function sumsSql(window: LeaderboardWindow): string {
  return window === "all"
    ? "SELECT wallet, sum(total_waifu_micro) AS waifu, sum(total_llama_micro) AS llama FROM nodes GROUP BY wallet"
    : "SELECT wallet, sum(waifu_micro) AS waifu, sum(llama_micro) AS llama FROM wallet_hourly WHERE hour >= $3 GROUP BY wallet";
}

async function rebuild(client: pg.PoolClient, window: LeaderboardWindow, now: Date): Promise<void> {
  const since = window === "all" ? null : windowStart(now, WINDOW_HOURS[window]);
  await client.query(`DELETE FROM leaderboard_rows WHERE "window" = $1`, [window]);
  // Ties rank by address so ranks are unique and stable between refreshes. Wallets at ≤ 0 points
  // (nothing earned, or slashed to zero) are left off rather than ranked last.
  await client.query(
    `WITH sums AS (${sumsSql(window)}),
     entries AS (
       SELECT 'waifu'::"PointType" AS pt, wallet, waifu AS points FROM sums WHERE waifu > 0
       UNION ALL
       SELECT 'llama'::"PointType", wallet, llama FROM sums WHERE llama > 0)
     INSERT INTO leaderboard_rows ("window", point_type, rank, wallet, points_micro, gpu_count, computed_at)
     SELECT $1::text, e.pt, row_number() OVER (PARTITION BY e.pt ORDER BY e.points DESC, e.wallet)::int, e.wallet, e.points,
            ${WALLET_GPUS_SQL("e.wallet")}, $2::timestamptz
       FROM entries e
     UNION ALL
     SELECT $1::text, pt, 0, '', 0, 0, $2::timestamptz FROM unnest(enum_range(NULL::"PointType")) AS pt`,
    since === null ? [window, now] : [window, now, since],
  );
}

async function computedSince(client: pg.PoolClient, window: LeaderboardWindow, since: Date): Promise<boolean> {
  const { rows } = await client.query(`SELECT 1 FROM leaderboard_rows WHERE "window" = $1 AND rank = 0 AND computed_at >= $2 LIMIT 1`, [
    window,
    since,
  ]);
  return rows.length > 0;
}

/**
 * Rebuilds one window (both point types) in one transaction, so readers see the old snapshot or
 * the new one, never a mix. The one function a scheduler (issue 12's worker) or a read calls.
 * When another process holds the window's lock it returns false at once, or with `wait` waits
 * for that refresh and rebuilds only if it did not produce a snapshot at least as recent as
 * `unlessSince` (default: this call's `now`). With the lock free, a snapshot computed at or after
 * `unlessSince` is kept too.
 */
export async function refreshLeaderboard(
  window: LeaderboardWindow,
  opts: { now?: Date; wait?: boolean; unlessSince?: Date } = {},
): Promise<boolean> {
  const key = LEADERBOARD_WINDOWS.indexOf(window);
  const now = opts.now ?? new Date();
  return withTransaction(async (client) => {
    const { rows } = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock($1, $2) AS locked`, [LOCK_CLASS, key]);
    if (!rows[0]!.locked) {
      if (!opts.wait) return false;
      await client.query(`SELECT pg_advisory_xact_lock($1, $2)`, [LOCK_CLASS, key]);
      if (await computedSince(client, window, opts.unlessSince ?? now)) return false;
    } else if (opts.unlessSince && (await computedSince(client, window, opts.unlessSince))) {
      return false;
    }
    await rebuild(client, window, now);
    return true;
  });
}

export async function refreshLeaderboards(now = new Date()): Promise<void> {
  for (const window of LEADERBOARD_WINDOWS) await refreshLeaderboard(window, { now, wait: true });
}

// Single flight per process: concurrent stale reads start one refresh, not one each.
const inFlight = new Map<LeaderboardWindow, Promise<void>>();

export function refreshInBackground(window: LeaderboardWindow): Promise<void> {
  let running = inFlight.get(window);
  if (!running) {
    running = refreshLeaderboard(window)
      .then(() => undefined)
      .catch((err: unknown) => log().error({ component: "leaderboard", window, err }, "leaderboard refresh failed"))
      .finally(() => inFlight.delete(window));
    inFlight.set(window, running);
  }
  return running;
}

/** Synchronous first computation; joins an in-process refresh if one is already running. */
export async function computeNow(window: LeaderboardWindow): Promise<void> {
  const running = inFlight.get(window);
  if (running) return running;
  await refreshLeaderboard(window, { wait: true });
}

// Single flight per process for reads that must not be served the snapshot they found.
const rebuilding = new Map<LeaderboardWindow, Promise<boolean>>();

/**
 * A snapshot older than its maximum age is rebuilt before the read answers: under the window's
 * lock, waiting for another process's rebuild and keeping its result when it is newer than
 * `freshSince`. Unlike the background refresh, this never gives up on a held lock.
 */
export function rebuildBeforeServing(window: LeaderboardWindow, now: Date, freshSince: Date): Promise<boolean> {
  let running = rebuilding.get(window);
  if (!running) {
    running = refreshLeaderboard(window, { now, wait: true, unlessSince: freshSince }).finally(() => rebuilding.delete(window));
    rebuilding.set(window, running);
  }
  return running;
}

/** For tests and graceful shutdown: resolves when no background refresh is running. */
export async function leaderboardRefreshesSettled(): Promise<void> {
  await Promise.all(inFlight.values());
}
