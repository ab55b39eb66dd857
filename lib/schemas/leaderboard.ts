// GET /api/v1/leaderboard: wallets ranked by points, served from a periodically refreshed snapshot.
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
    "when this snapshot's points were computed; a refresh starts in the background once it is older than LEADERBOARD_REFRESH_SECONDS, and one older than LEADERBOARD_MAX_AGE_SECONDS is rebuilt before it is served",
  ),
  stale: z.boolean().describe("true when the snapshot is older than the refresh interval (but within its maximum age) and a newer one is being computed"),
});
export type LeaderboardResponse = z.output<typeof leaderboardResponseSchema>;
