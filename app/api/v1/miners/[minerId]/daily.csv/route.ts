import { csvResponse } from "@/lib/dashboard/csv";
import { DEFAULT_DAILY_DAYS, MAX_DAILY_DAYS } from "@/lib/dashboard/export-range";
import { AppError } from "@/lib/errors";
import { minerParamsSchema } from "@/lib/schemas/miners";
import { route } from "@/lib/server/http";
import { dailyCsvStream } from "@/lib/server/queries/daily-export";
import { minerExists } from "@/lib/server/queries/exists";
import { exportRangeOrThrow } from "@/lib/server/queries/export-params";
import { parseParams } from "@/lib/server/queries/parse-params";

export const GET = route(async (req, ctx: { params: Promise<{ minerId: string }> }) => {
  const { minerId } = parseParams(minerParamsSchema, await ctx.params);
  const range = exportRangeOrThrow(req.url, { defaultDays: DEFAULT_DAILY_DAYS, maxDays: MAX_DAILY_DAYS });
  if (!(await minerExists(minerId))) throw new AppError("not_found", `No miner ${minerId} has reported a job yet.`);
  return csvResponse(dailyCsvStream("miner", minerId, range), `heurist-daily-${minerId}-${range.fromDate}-to-${range.toDate}.csv`);
});
