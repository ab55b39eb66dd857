import { leaderboardQuerySchema } from "@/lib/schemas/leaderboard";
import { parseSearchParams, route } from "@/lib/server/http";
import { getLeaderboard } from "@/lib/server/queries/leaderboard";

export const GET = route(async (req) => Response.json(await getLeaderboard(parseSearchParams(leaderboardQuerySchema, req.url))));
