import { AppError } from "@/lib/errors";
import { minerParamsSchema } from "@/lib/schemas/miners";
import { route } from "@/lib/server/http";
import { getNodeHistory } from "@/lib/server/queries/node-history";
import { parseParams } from "@/lib/server/queries/parse-params";

export const dynamic = "force-dynamic";

/** A node's last 30 days: availability and on-time rate per day, stake over time, bribe history. */
export const GET = route(async (_req, ctx: { params: Promise<{ minerId: string }> }) => {
  const { minerId } = parseParams(minerParamsSchema, await ctx.params);
  const history = await getNodeHistory(minerId);
  if (!history) throw new AppError("not_found", `No miner ${minerId} has reported a job yet.`);
  return Response.json(history, { headers: { "cache-control": "no-store" } });
});
