import { stakerParamsSchema } from "@/lib/schemas/staking";
import { route } from "@/lib/server/http";
import { parseParams } from "@/lib/server/queries/parse-params";
import { getStaker } from "@/lib/server/queries/staker";

export const dynamic = "force-dynamic";

export const GET = route(async (_req, ctx: { params: Promise<{ address: string }> }) => {
  const { address } = parseParams(stakerParamsSchema, await ctx.params);
  return Response.json(await getStaker(address), { headers: { "cache-control": "no-store" } });
});
