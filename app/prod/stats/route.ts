// Heurist's public stats API, at Heurist's path (decision 0033): GET /prod/stats?details=true and
// GET /prod/stats?minerId=<wallet or miner ID>, for the community's tools written against it.
import { heuristStatsBody, heuristStatsResponse, parseHeuristStatsQuery } from "@/lib/server/compat/stats";
import { route } from "@/lib/server/http";

export const GET = route(async (req) => heuristStatsResponse(await heuristStatsBody(parseHeuristStatsQuery(req.url))));
