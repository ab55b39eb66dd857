import { estimateQuerySchema } from "@/lib/schemas/estimate";
import { parseSearchParams, route } from "@/lib/server/http";
import { estimateJob } from "@/lib/server/queries/estimate";

export const GET = route(async (req) => Response.json(estimateJob(parseSearchParams(estimateQuerySchema, req.url))));
