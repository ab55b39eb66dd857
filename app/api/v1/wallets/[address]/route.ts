import { walletParamsSchema, walletQuerySchema } from "@/lib/schemas/wallets";
import { parseSearchParams, route } from "@/lib/server/http";
import { parseParams } from "@/lib/server/queries/parse-params";
import { getWalletOrThrow } from "@/lib/server/queries/wallet";

export const GET = route(async (req, ctx: { params: Promise<{ address: string }> }) => {
  const { address } = parseParams(walletParamsSchema, await ctx.params);
  return Response.json(await getWalletOrThrow(address, parseSearchParams(walletQuerySchema, req.url)));
});
