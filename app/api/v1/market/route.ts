import { marketQuerySchema } from "@/lib/schemas/market";
import { parseSearchParams, route } from "@/lib/server/http";
import { getMarket, marketIntervalSeconds } from "@/lib/server/market/query";
import { snapshotPending } from "@/lib/server/snapshot-pending";

export const GET = route(async (req) => {
  const market = await getMarket(parseSearchParams(marketQuerySchema, req.url));
  if (!market) throw snapshotPending("The staking market", marketIntervalSeconds());
  return Response.json(market);
});
