import { leaderboardQuerySchema } from "@/lib/schemas/leaderboard";
import { parseSearchParams, route } from "@/lib/server/http";
import { getLeaderboard, leaderboardIntervalSeconds } from "@/lib/server/queries/leaderboard";
import { snapshotPending } from "@/lib/server/snapshot-pending";

export const GET = route(async (req) => {
  const board = await getLeaderboard(parseSearchParams(leaderboardQuerySchema, req.url));
  if (!board) throw snapshotPending("The leaderboard", leaderboardIntervalSeconds());
  return Response.json(board);
});
