import "server-only";
import { DEFAULT_DAILY_DAYS, DEFAULT_LEDGER_DAYS, MAX_DAILY_DAYS, MAX_LEDGER_DAYS, MAX_WALLET_LEDGER_DAYS, exportRangeQuerySchema } from "@/lib/dashboard/export-range";
import { minerParamsSchema } from "@/lib/schemas/miners";
import { walletParamsSchema, walletQuerySchema } from "@/lib/schemas/wallets";
import { DAILY_CSV_COLUMNS } from "../queries/daily-export";
import { FLEET_CSV_COLUMNS } from "../queries/fleet-export";
import { LEDGER_CSV_COLUMNS } from "../queries/ledger-export";
import { pathParameters, queryParameters } from "./json-schema";
import { download, operation } from "./operation";

// CSV downloads. The body is text, not JSON: the columns are listed in each description (the
// header row of the file), numbers are exact decimals of the stored integers.

const badRequest = "Invalid parameter or range: details lists { field, reason } for each problem";
const notFound = (what: string) => `No ${what} with this id has reported a job`;

/** One CSV download of a miner's or a wallet's data: its rows, its columns (the file's header row), its errors. */
function csvExport(op: { id: string; summary: string; description: string; parameters: unknown[]; rows: string; columns: readonly string[]; missing: "miner" | "wallet" }) {
  const { rows, columns, missing, ...own } = op;
  const responses = { 200: download(`${rows} Columns: ${columns.join(", ")}.`), 400: badRequest, 404: notFound(missing) };
  return { get: operation({ ...own, tag: "miners", responses }) };
}

const dailyDescription = `UTC days from \`from\` to \`to\`, both included (default: the last ${DEFAULT_DAILY_DAYS} days; at most ${MAX_DAILY_DAYS}), one row per day, days without jobs as zeros. Read from the hourly rollups. \`on_time_rate\` = successful_jobs ÷ jobs (empty without jobs); it is not availability.`;

export function exportPaths() {
  const range = queryParameters(exportRangeQuerySchema);
  return {
    "/api/v1/miners/{minerId}/daily.csv": csvExport({
      id: "exportMinerDaily",
      summary: "Daily points of one miner as CSV",
      description: dailyDescription,
      parameters: [...pathParameters(minerParamsSchema), ...range],
      rows: "One row per UTC day.",
      columns: DAILY_CSV_COLUMNS,
      missing: "miner",
    }),
    "/api/v1/wallets/{address}/daily.csv": csvExport({
      id: "exportWalletDaily",
      summary: "Daily points of a wallet (all its GPUs) as CSV",
      description: dailyDescription,
      parameters: [...pathParameters(walletParamsSchema), ...range],
      rows: "One row per UTC day.",
      columns: DAILY_CSV_COLUMNS,
      missing: "wallet",
    }),
    "/api/v1/miners/{minerId}/ledger.csv": csvExport({
      id: "exportMinerLedger",
      summary: "Ledger entries of one miner as CSV, every factor of every entry",
      description: `Entries whose occurred_at falls on a UTC day from \`from\` to \`to\`, both included (default: the last ${DEFAULT_LEDGER_DAYS} days; at most ${MAX_LEDGER_DAYS}), oldest first. points = base_points × model_multiplier × nft_multiplier × stake_multiplier, except for entries with a zero_reason. Streamed: large ranges start downloading at once.`,
      parameters: [...pathParameters(minerParamsSchema), ...range],
      rows: "One row per ledger entry.",
      columns: LEDGER_CSV_COLUMNS,
      missing: "miner",
    }),
    "/api/v1/wallets/{address}/ledger.csv": csvExport({
      id: "exportWalletLedger",
      summary: "Ledger entries of every GPU of a wallet as CSV",
      description: `Same columns as the miner export, GPU after GPU (miner_id order, each oldest first), for UTC days from \`from\` to \`to\`, both included (default: the last ${DEFAULT_LEDGER_DAYS} days; at most ${MAX_WALLET_LEDGER_DAYS}). Streamed.`,
      parameters: [...pathParameters(walletParamsSchema), ...range],
      rows: "One row per ledger entry.",
      columns: LEDGER_CSV_COLUMNS,
      missing: "wallet",
    }),
    "/api/v1/wallets/{address}/miners.csv": csvExport({
      id: "exportWalletMiners",
      summary: "A wallet's GPU table as CSV, as filtered and sorted",
      description:
        "The rows GET /api/v1/wallets/{address} pages through for the same `sort`, `order`, `q`, `idle`, `belowMedian` and `zeroEarning`, every page (`page` and `pageSize` are accepted and ignored). 24-hour figures cover the last 24 hourly buckets; `vs_median_ratio` is points_per_job_24h ÷ median_points_per_job_24h over `median_gpus` GPUs of the wallet of the same hardware and point type (empty without a comparison); `idle` 1 for a GPU online at no time in the last 24 hours. Streamed.",
      parameters: [...pathParameters(walletParamsSchema), ...queryParameters(walletQuerySchema)],
      rows: "One row per GPU.",
      columns: FLEET_CSV_COLUMNS,
      missing: "wallet",
    }),
  };
}
