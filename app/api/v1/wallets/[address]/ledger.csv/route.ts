// A wallet's ledger export: every GPU's bounded range, streamed GPU after GPU.
import { csvResponse } from "@/lib/dashboard/csv";
import { DEFAULT_LEDGER_DAYS, MAX_WALLET_LEDGER_DAYS } from "@/lib/dashboard/export-range";
import { AppError } from "@/lib/errors";
import { walletParamsSchema } from "@/lib/schemas/wallets";
import { route } from "@/lib/server/http";
import { walletExists } from "@/lib/server/queries/exists";
import { exportRangeOrThrow } from "@/lib/server/queries/export-params";
import { walletLedgerCsvStream } from "@/lib/server/queries/ledger-export";
import { parseParams } from "@/lib/server/queries/parse-params";

export const GET = route(async (req, ctx: { params: Promise<{ address: string }> }) => {
  const { address } = parseParams(walletParamsSchema, await ctx.params);
  const range = exportRangeOrThrow(req.url, { defaultDays: DEFAULT_LEDGER_DAYS, maxDays: MAX_WALLET_LEDGER_DAYS });
  if (!(await walletExists(address))) throw new AppError("not_found", `No GPU of wallet ${address} has reported a job yet.`);
  return csvResponse(walletLedgerCsvStream(address, range), `heurist-ledger-${address}-${range.fromDate}-to-${range.toDate}.csv`);
});
