import { csvResponse } from "@/lib/dashboard/csv";
import { DEFAULT_LEDGER_DAYS, MAX_LEDGER_DAYS } from "@/lib/dashboard/export-range";
import { AppError } from "@/lib/errors";
import { minerParamsSchema } from "@/lib/schemas/miners";
import { route } from "@/lib/server/http";
import { minerExists } from "@/lib/server/queries/exists";
import { exportRangeOrThrow } from "@/lib/server/queries/export-params";
import { ledgerCsvStream } from "@/lib/server/queries/ledger-export";
import { parseParams } from "@/lib/server/queries/parse-params";

export const GET = route(async (req, ctx: { params: Promise<{ minerId: string }> }) => {
  const { minerId } = parseParams(minerParamsSchema, await ctx.params);
  const range = exportRangeOrThrow(req.url, { defaultDays: DEFAULT_LEDGER_DAYS, maxDays: MAX_LEDGER_DAYS });
  if (!(await minerExists(minerId))) throw new AppError("not_found", `No miner ${minerId} has reported a job yet.`);
  return csvResponse(ledgerCsvStream(minerId, range), `heurist-ledger-${minerId}-${range.fromDate}-to-${range.toDate}.csv`);
});
