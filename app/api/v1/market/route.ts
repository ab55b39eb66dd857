import { marketQuerySchema } from "@/lib/schemas/market";
import { parseSearchParams, route } from "@/lib/server/http";
import { getMarket } from "@/lib/server/market/query";

export const GET = route(async (req) => Response.json(await getMarket(parseSearchParams(marketQuerySchema, req.url))));
