import { epochParamsSchema } from "@/lib/schemas/epochs";
import { route } from "@/lib/server/http";
import { parseParams } from "@/lib/server/queries/parse-params";
import { getEpochOrThrow } from "@/lib/server/queries/epochs";

type Ctx = { params: Promise<{ epoch: string }> };

export const GET = route(async (_req: Request, ctx: Ctx) => {
  const { epoch } = parseParams(epochParamsSchema, await ctx.params);
  return Response.json(await getEpochOrThrow(epoch));
});
