import "server-only";
import type pg from "pg";
import { LEADERBOARD_WINDOWS, type LeaderboardWindow } from "@/lib/schemas/leaderboard";
import { withTransaction } from "./db";
import { WINDOW_HOURS, windowStart } from "./queries/windows";

// Leaderboards rank ~11,000 wallets; ranking on every request would re-aggregate up to 7 days of
// wallet_hourly (~1.8 M rows at that size). Instead each window is a snapshot in leaderboard_rows,
// rebuilt from the rollups (never the ledger) by the worker every LEADERBOARD_REFRESH_SECONDS.
// Reads only SELECT it (lib/server/queries/leaderboard.ts), so they can run on a read replica.
//
// Each (window, point type) snapshot carries a header row at rank 0 (wallet '', 0 points) holding
// computed_at, so an empty leaderboard is still a snapshot. Readers must ask for rank ≥ 1.

/** pg advisory-lock namespace ("HE") + one key per window: one rebuild per window, cluster-wide. */
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
  // Ties rank by address so ranks are unique and stable between rebuilds. Wallets at ≤ 0 points
  // (nothing earned, or slashed to zero) are left off rather than ranked last.
  await client.query(
    `WITH sums AS (${sumsSql(window)}),
     entries AS (
       SELECT 'waifu'::"PointType" AS pt, wallet, waifu AS points FROM sums WHERE waifu > 0
       UNION ALL
       SELECT 'llama'::"PointType", wallet, llama FROM sums WHERE llama > 0)
     INSERT INTO leaderboard_rows ("window", point_type, rank, wallet, points_micro, computed_at)
     SELECT $1::text, e.pt, row_number() OVER (PARTITION BY e.pt ORDER BY e.points DESC, e.wallet)::int, e.wallet, e.points, $2::timestamptz
       FROM entries e
     UNION ALL
     SELECT $1::text, pt, 0, '', 0, $2::timestamptz FROM unnest(enum_range(NULL::"PointType")) AS pt`,
    since === null ? [window, now] : [window, now, since],
  );
}

/**
 * Rebuilds one window (both point types) as of `now` in one transaction, so readers see the old
 * snapshot or the new one, never a mix. Under the window's advisory lock: a second worker waits for
 * the first and keeps its snapshot when it is at least as recent (returns false). Idempotent.
 */
export async function rebuildLeaderboard(window: LeaderboardWindow, now = new Date()): Promise<boolean> {
  return withTransaction(async (client) => {
    // The worker's rebuild may take longer than a page's statement timeout at network scale.
    await client.query("SET LOCAL statement_timeout = 120000");
    await client.query(`SELECT pg_advisory_xact_lock($1, $2)`, [LOCK_CLASS, LEADERBOARD_WINDOWS.indexOf(window)]);
    const { rows } = await client.query(`SELECT 1 FROM leaderboard_rows WHERE "window" = $1 AND rank = 0 AND computed_at >= $2 LIMIT 1`, [window, now]);
    if (rows.length > 0) return false;
    await rebuild(client, window, now);
    return true;
  });
}

/** Every window, one after another: the worker's leaderboard task. True when any was rebuilt. */
export async function rebuildLeaderboards(now = new Date()): Promise<boolean> {
  let rebuilt = false;
  for (const window of LEADERBOARD_WINDOWS) rebuilt = (await rebuildLeaderboard(window, now)) || rebuilt;
  return rebuilt;
}
