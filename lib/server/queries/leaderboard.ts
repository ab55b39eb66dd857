import "server-only";
import { serverEnv } from "@/lib/env";
import type { LeaderboardQuery, LeaderboardResponse } from "@/lib/schemas/leaderboard";
import { isStale } from "@/lib/snapshots/schedule";
import { readPool } from "../db";
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
 * committed snapshot even while the worker replaces it. Primary-key range reads only; the GPU
 * count is read live (one index range per wallet on the page), as the wallet page reads it.
 */
async function readPage(query: LeaderboardQuery): Promise<Row[]> {
  const first = (query.page - 1) * query.pageSize + 1;
  const { rows } = await readPool().query<Row>(
    `SELECT rank, wallet, points_micro::text, CASE WHEN rank = 0 THEN 0 ELSE ${WALLET_GPUS_SQL("leaderboard_rows.wallet")} END AS gpu_count, computed_at,
            (SELECT coalesce(max(rank), 0) FROM leaderboard_rows WHERE "window" = $1 AND point_type = $2::"PointType") AS total
       FROM leaderboard_rows
      WHERE "window" = $1 AND point_type = $2::"PointType" AND (rank = 0 OR rank BETWEEN $3 AND $4)
      ORDER BY rank`,
    [query.window, query.type, first, first + query.pageSize - 1],
  );
  return rows;
}

/** How often the worker rebuilds the leaderboards. */
export const leaderboardIntervalSeconds = (): number => serverEnv().LEADERBOARD_REFRESH_SECONDS;

/**
 * One page of the snapshot as the worker last built it, labelled with its time; null before the
 * worker's first pass (a fresh install). A read only: it never computes or refreshes anything.
 */
export async function getLeaderboard(query: LeaderboardQuery, now = new Date()): Promise<LeaderboardResponse | null> {
  const rows = await readPage(query);
  const header = rows[0];
  if (header?.rank !== 0) return null;
  return {
    type: query.type,
    window: query.window,
    computedAt: isoOf(header.computed_at),
    stale: isStale(header.computed_at, now, leaderboardIntervalSeconds()),
    items: rows.slice(1).map((r) => ({ rank: r.rank, address: r.wallet, points: pointsOf(r.points_micro), gpuCount: r.gpu_count })),
    page: query.page,
    pageSize: query.pageSize,
    total: header.total,
  };
}
