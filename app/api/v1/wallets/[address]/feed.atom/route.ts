import { walletParamsSchema } from "@/lib/schemas/wallets";
import { route } from "@/lib/server/http";
import { parseParams } from "@/lib/server/queries/parse-params";
import { ATOM_HEADERS, alertFeed } from "@/lib/server/watches/feed";

export const dynamic = "force-dynamic";

/** The wallet's alerts as an Atom feed (public facts only). */
export const GET = route(async (_req, ctx: { params: Promise<{ address: string }> }) => {
  const { address } = parseParams(walletParamsSchema, await ctx.params);
  return new Response(await alertFeed({ kind: "wallet", address }), { headers: ATOM_HEADERS });
});
