import { minerParamsSchema } from "@/lib/schemas/miners";
import { route } from "@/lib/server/http";
import { parseParams } from "@/lib/server/queries/parse-params";
import { ATOM_HEADERS, alertFeed } from "@/lib/server/watches/feed";

export const dynamic = "force-dynamic";

/** The miner's alerts as an Atom feed (public facts only). */
export const GET = route(async (_req, ctx: { params: Promise<{ minerId: string }> }) => {
  const { minerId } = parseParams(minerParamsSchema, await ctx.params);
  return new Response(await alertFeed({ kind: "miner", minerId }), { headers: ATOM_HEADERS });
});
