import { csvResponse } from "@/lib/dashboard/csv";
import { DEFAULT_DAILY_DAYS, MAX_DAILY_DAYS } from "@/lib/dashboard/export-range";
import { AppError } from "@/lib/errors";
import { walletParamsSchema } from "@/lib/schemas/wallets";
import { route } from "@/lib/server/http";
import { dailyCsvStream } from "@/lib/server/queries/daily-export";
import { walletExists } from "@/lib/server/queries/exists";
import { exportRangeOrThrow } from "@/lib/server/queries/export-params";
import { parseParams } from "@/lib/server/queries/parse-params";

export const GET = route(async (req, ctx: { params: Promise<{ address: string }> }) => {
  const { address } = parseParams(walletParamsSchema, await ctx.params);
  const range = exportRangeOrThrow(req.url, { defaultDays: DEFAULT_DAILY_DAYS, maxDays: MAX_DAILY_DAYS });
  if (!(await walletExists(address))) throw new AppError("not_found", `No GPU of wallet ${address} has reported a job yet.`);
  return csvResponse(dailyCsvStream("wallet", address, range), `heurist-daily-${address}-${range.fromDate}-to-${range.toDate}.csv`);
});
