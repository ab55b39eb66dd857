import { bribeParamsSchema } from "@/lib/schemas/staking";
import { route } from "@/lib/server/http";
import { getBribeHistory } from "@/lib/server/queries/bribes";
import { parseParams } from "@/lib/server/queries/parse-params";

export const dynamic = "force-dynamic";

export const GET = route(async (_req, ctx: { params: Promise<{ minerId: string }> }) => {
  const { minerId } = parseParams(bribeParamsSchema, await ctx.params);
  return Response.json(await getBribeHistory(minerId), { headers: { "cache-control": "no-store" } });
});
