import { estimateQuerySchema } from "@/lib/schemas/estimate";
import { parseSearchParams, route } from "@/lib/server/http";
import { estimateWithRates } from "@/lib/server/queries/estimate";

export const GET = route(async (req) => Response.json(await estimateWithRates(parseSearchParams(estimateQuerySchema, req.url))));
