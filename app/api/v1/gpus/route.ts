import { gpusQuerySchema } from "@/lib/schemas/gpus";
import { parseSearchParams, route } from "@/lib/server/http";
import { getGpuStats } from "@/lib/server/queries/gpus";

export const GET = route(async (req) => Response.json(await getGpuStats(parseSearchParams(gpusQuerySchema, req.url))));
