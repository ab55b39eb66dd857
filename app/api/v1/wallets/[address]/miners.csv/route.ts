import { csvResponse } from "@/lib/dashboard/csv";
import { walletParamsSchema, walletQuerySchema } from "@/lib/schemas/wallets";
import { parseSearchParams, route } from "@/lib/server/http";
import { fleetCsvStream } from "@/lib/server/queries/fleet-export";
import { parseParams } from "@/lib/server/queries/parse-params";

// GET /api/v1/wallets/{address}/miners.csv: the GPU table as filtered and sorted (the API's sort,
// order, q and filter parameters), every page.
export const GET = route(async (req, ctx: { params: Promise<{ address: string }> }) => {
  const { address } = parseParams(walletParamsSchema, await ctx.params);
  const query = parseSearchParams(walletQuerySchema, req.url);
  return csvResponse(await fleetCsvStream(address, query), `heurist-gpus-${address}-${new Date().toISOString().slice(0, 16).replace(":", "")}.csv`);
});
