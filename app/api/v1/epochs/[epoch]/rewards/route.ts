import { epochParamsSchema, epochRewardsQuerySchema } from "@/lib/schemas/epochs";
import { parseSearchParams, route } from "@/lib/server/http";
import { parseParams } from "@/lib/server/queries/parse-params";
import { epochRewardsOrThrow } from "@/lib/server/queries/epochs";

type Ctx = { params: Promise<{ epoch: string }> };

export const GET = route(async (req: Request, ctx: Ctx) => {
  const { epoch } = parseParams(epochParamsSchema, await ctx.params);
  const { wallet } = parseSearchParams(epochRewardsQuerySchema, req.url);
  return Response.json(await epochRewardsOrThrow(epoch, wallet));
});
