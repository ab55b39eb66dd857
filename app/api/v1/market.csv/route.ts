import { csvResponse } from "@/lib/dashboard/csv";
import { marketQuerySchema } from "@/lib/schemas/market";
import { parseSearchParams, route } from "@/lib/server/http";
import { marketCsvStream } from "@/lib/server/market/csv";

export const GET = route(async (req) => {
  const q = parseSearchParams(marketQuerySchema, req.url);
  return csvResponse(await marketCsvStream(q), `heurist-market-${new Date().toISOString().slice(0, 16).replace(":", "")}.csv`);
});
