import "server-only";
import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import type { LeaderboardQuery, LeaderboardResponse } from "@/lib/schemas/leaderboard";
import { pool } from "../db";
import { computeNow, rebuildBeforeServing, refreshInBackground } from "../leaderboard";
import { isoOf, pointsOf } from "./convert";
import { WALLET_GPUS_SQL } from "./wallet-gpus";

interface Row {
  rank: number;
  wallet: string;
  points_micro: string;
  gpu_count: number;
  computed_at: Date;
  total: number;
}

/**
 * The snapshot header (rank 0) and one page, in one statement so both come from the same
 * committed snapshot even while a refresh replaces it. Primary-key range reads only; the GPU
 * count is read live (one index range per wallet on the page), as the wallet page reads it.
 */
async function readPage(query: LeaderboardQuery): Promise<Row[]> {
  const first = (query.page - 1) * query.pageSize + 1;
  const { rows } = await pool().query<Row>(
    `SELECT rank, wallet, points_micro::text, CASE WHEN rank = 0 THEN 0 ELSE ${WALLET_GPUS_SQL("leaderboard_rows.wallet")} END AS gpu_count, computed_at,
            (SELECT coalesce(max(rank), 0) FROM leaderboard_rows WHERE "window" = $1 AND point_type = $2::"PointType") AS total
       FROM leaderboard_rows
      WHERE "window" = $1 AND point_type = $2::"PointType" AND (rank = 0 OR rank BETWEEN $3 AND $4)
      ORDER BY rank`,
    [query.window, query.type, first, first + query.pageSize - 1],
  );
  return rows;
}

/** How long a snapshot is fresh, and the oldest it may be served (labelled stale) while it is refreshed. */
export function leaderboardAges(): { refreshMs: number; maxAgeMs: number; maxAgeLabel: string } {
  const env = serverEnv();
  const refreshMs = env.LEADERBOARD_REFRESH_SECONDS * 1000;
  const maxAgeMs = Math.max(refreshMs, env.LEADERBOARD_MAX_AGE_SECONDS * 1000);
  const maxAgeLabel = maxAgeMs >= 120_000 ? `${Math.round(maxAgeMs / 60_000)} min` : `${Math.round(maxAgeMs / 1000)} s`;
  return { refreshMs, maxAgeMs, maxAgeLabel };
}

const ageOf = (rows: Row[], now: Date) => now.getTime() - rows[0]!.computed_at.getTime();

/**
 * Serves the snapshot. Younger than the refresh interval: as is. Up to its maximum age: as is,
 * labelled stale, while one background refresh replaces it. Older: rebuilt first, so a page never
 * shows totals older than the maximum age beside live ones.
 */
export async function getLeaderboard(query: LeaderboardQuery, now = new Date()): Promise<LeaderboardResponse> {
  const { refreshMs, maxAgeMs } = leaderboardAges();
  let rows = await readPage(query);
  if (rows[0]?.rank !== 0) {
    // Never computed (fresh database): the first reader waits for it once.
    await computeNow(query.window);
    rows = await readPage(query);
  } else if (ageOf(rows, now) > maxAgeMs) {
    await rebuildBeforeServing(query.window, now, new Date(now.getTime() - refreshMs));
    rows = await readPage(query);
  }
  const header = rows[0];
  if (header?.rank !== 0) throw new AppError("unavailable", "The leaderboard is being computed; try again in a few seconds.");
  if (ageOf(rows, now) > maxAgeMs) throw new AppError("unavailable", "The leaderboard could not be brought up to date; try again in a few seconds.");

  const stale = ageOf(rows, now) > refreshMs;
  if (stale) void refreshInBackground(query.window);

  return {
    type: query.type,
    window: query.window,
    computedAt: isoOf(header.computed_at),
    stale,
    items: rows.slice(1).map((r) => ({ rank: r.rank, address: r.wallet, points: pointsOf(r.points_micro), gpuCount: r.gpu_count })),
    page: query.page,
    pageSize: query.pageSize,
    total: header.total,
  };
}
