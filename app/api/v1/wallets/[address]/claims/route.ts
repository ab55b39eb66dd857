import { walletParamsSchema } from "@/lib/schemas/wallets";
import { route } from "@/lib/server/http";
import { getWalletClaims } from "@/lib/server/queries/claims";
import { parseParams } from "@/lib/server/queries/parse-params";

export const dynamic = "force-dynamic";

export const GET = route(async (_req, ctx: { params: Promise<{ address: string }> }) => {
  const { address } = parseParams(walletParamsSchema, await ctx.params);
  return Response.json(await getWalletClaims(address), { headers: { "cache-control": "no-store" } });
});
