// GET /api/v1/leaderboard: wallets ranked by points, served from the snapshot the worker rebuilds on a schedule.
import { z } from "zod";
import { isoDateTime, pageQuery, paginatedSchema } from "./query";

export const LEADERBOARD_WINDOWS = ["24h", "7d", "all"] as const;
export type LeaderboardWindow = (typeof LEADERBOARD_WINDOWS)[number];
export const POINT_TYPES = ["waifu", "llama"] as const;
export type PointTypeName = (typeof POINT_TYPES)[number];

export const leaderboardQuerySchema = z.object({
  type: z.enum(POINT_TYPES, { error: "type must be waifu or llama" }).default("waifu"),
  window: z.enum(LEADERBOARD_WINDOWS, { error: "window must be 24h, 7d or all" }).default("all"),
  ...pageQuery,
});
export type LeaderboardQuery = z.output<typeof leaderboardQuerySchema>;

export const leaderboardRowSchema = z.object({
  rank: z.number().int().min(1),
  address: z.string(),
  points: z.number(),
  gpuCount: z.number().int().describe("the wallet's GPUs (miner IDs that have reported a job), read live: the same count as GET /api/v1/wallets/{address}"),
});

export const leaderboardResponseSchema = paginatedSchema(leaderboardRowSchema).extend({
  type: z.enum(POINT_TYPES),
  window: z.enum(LEADERBOARD_WINDOWS),
  computedAt: isoDateTime.describe(
    "when this snapshot's points were computed; the worker rebuilds every window every LEADERBOARD_REFRESH_SECONDS (default 60), and reads never do",
  ),
  stale: z.boolean().describe("true when the snapshot is older than 10 × LEADERBOARD_REFRESH_SECONDS: the worker is behind or not running"),
});
export type LeaderboardResponse = z.output<typeof leaderboardResponseSchema>;
