import "server-only";
import { serverEnv } from "@/lib/env";
import type { LeaderboardQuery, LeaderboardResponse } from "@/lib/schemas/leaderboard";
import { isStale } from "@/lib/snapshots/schedule";
import { readPrisma } from "../db";
import { leaderboardPage } from "../generated/prisma/sql";
import { isoOf, pointsOf } from "./convert";

/** The snapshot header (rank 0) and one page, from one snapshot: prisma/sql/leaderboardPage.sql. */
async function readPage(query: LeaderboardQuery) {
  const first = (query.page - 1) * query.pageSize + 1;
  return readPrisma().$queryRawTyped(leaderboardPage(query.window, query.type, first, first + query.pageSize - 1));
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
