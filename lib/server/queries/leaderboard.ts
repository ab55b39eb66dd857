import "server-only";
import { AppError } from "@/lib/errors";
import { serverEnv } from "@/lib/env";
import type { LeaderboardQuery, LeaderboardResponse } from "@/lib/schemas/leaderboard";
import { pool } from "../db";
import { computeNow, refreshInBackground } from "../leaderboard";
import { isoOf, pointsOf } from "./convert";

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
 * committed snapshot even while a refresh replaces it. Primary-key range reads only.
 */
async function readPage(query: LeaderboardQuery): Promise<Row[]> {
  const first = (query.page - 1) * query.pageSize + 1;
  const { rows } = await pool().query<Row>(
    `SELECT rank, wallet, points_micro::text, gpu_count, computed_at,
            (SELECT coalesce(max(rank), 0) FROM leaderboard_rows WHERE "window" = $1 AND point_type = $2::"PointType") AS total
       FROM leaderboard_rows
      WHERE "window" = $1 AND point_type = $2::"PointType" AND (rank = 0 OR rank BETWEEN $3 AND $4)
      ORDER BY rank`,
    [query.window, query.type, first, first + query.pageSize - 1],
  );
  return rows;
}

/** Serves the snapshot; a stale one is served as is while a refresh runs in the background. */
export async function getLeaderboard(query: LeaderboardQuery, now = new Date()): Promise<LeaderboardResponse> {
  let rows = await readPage(query);
  if (rows[0]?.rank !== 0) {
    // Never computed (fresh database): the first reader waits for it once.
    await computeNow(query.window);
    rows = await readPage(query);
  }
  const header = rows[0];
  if (header?.rank !== 0) throw new AppError("unavailable", "The leaderboard is being computed; try again in a few seconds.");

  const ageMs = now.getTime() - header.computed_at.getTime();
  const stale = ageMs > serverEnv().LEADERBOARD_REFRESH_SECONDS * 1000;
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
