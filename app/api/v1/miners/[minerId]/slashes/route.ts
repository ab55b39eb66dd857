import { minerSlashesQuerySchema } from "@/lib/schemas/admin";
import { minerParamsSchema } from "@/lib/schemas/miners";
import { listMinerSlashes } from "@/lib/server/admin/audit-log";
import { parseSearchParams, route } from "@/lib/server/http";
import { parseParams } from "@/lib/server/queries/parse-params";

export const dynamic = "force-dynamic";

/** Public: the slashes and reversals that touched this miner ID, and why. */
export const GET = route(async (req, ctx: { params: Promise<{ minerId: string }> }) => {
  const { minerId } = parseParams(minerParamsSchema, await ctx.params);
  const { page, pageSize } = parseSearchParams(minerSlashesQuerySchema, req.url);
  return Response.json(await listMinerSlashes(minerId, page, pageSize), { headers: { "cache-control": "no-store" } });
});
