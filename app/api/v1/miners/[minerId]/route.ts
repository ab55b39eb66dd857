import { minerParamsSchema, minerQuerySchema } from "@/lib/schemas/miners";
import { parseSearchParams, route } from "@/lib/server/http";
import { getMinerOrThrow } from "@/lib/server/queries/miner";
import { parseParams } from "@/lib/server/queries/parse-params";

export const GET = route(async (req, ctx: { params: Promise<{ minerId: string }> }) => {
  const { minerId } = parseParams(minerParamsSchema, await ctx.params);
  return Response.json(await getMinerOrThrow(minerId, parseSearchParams(minerQuerySchema, req.url)));
});
