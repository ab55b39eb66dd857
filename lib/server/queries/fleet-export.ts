import "server-only";
import { rowsCsvStream, type CsvCell } from "@/lib/dashboard/csv";
import { selectFleet } from "@/lib/dashboard/fleet";
import { AppError } from "@/lib/errors";
import type { WalletMiner, WalletQuery } from "@/lib/schemas/wallets";
import { walletFleetMiners } from "./wallet-miners";

// The wallet's GPU table as CSV: the same rows, filters and order as the page and the API
// (selectFleet), every page. Ratios are written as the full JS numbers the table rounds.
export const FLEET_CSV_COLUMNS = [
  "miner_id",
  "hardware",
  "point_type",
  "points_24h",
  "jobs_24h",
  "points_per_job_24h",
  "vs_median_ratio",
  "median_points_per_job_24h",
  "median_gpus",
  "availability_24h",
  "online_buckets_24h",
  "buckets_24h",
  "availability_source",
  "idle",
  "on_time_24h",
  "completed_24h",
  "last_job_at",
  "total_waifu_points",
  "total_llama_points",
  "stake_stheu",
  "boost_slot",
  "registered_at",
] as const;

const ROWS_PER_CHUNK = 500;

function cells(m: WalletMiner): CsvCell[] {
  const a = m.availability24h;
  return [
    m.minerId,
    m.hardware,
    m.pointType,
    m.points24h,
    m.onTime24h.jobs,
    m.pointsPerJob24h,
    m.vsMedian.ratio,
    m.vsMedian.median,
    m.vsMedian.gpus,
    a.ratio,
    a.onlineBuckets,
    a.buckets,
    a.source,
    m.idle ? 1 : 0,
    m.onTime24h.ratio,
    m.onTime24h.completed,
    m.lastSeenAt,
    m.totalWaifuPoints,
    m.totalLlamaPoints,
    m.stake,
    m.hasBoostSlot ? 1 : 0,
    m.firstSeenAt,
  ];
}

/** Reads the whole fleet first (a 404 or a busy database still answers JSON), then streams it 500 rows at a time. */
export async function fleetCsvStream(address: string, query: WalletQuery, now = new Date()): Promise<ReadableStream<Uint8Array>> {
  const all = await walletFleetMiners(address, now);
  if (all.length === 0) throw new AppError("not_found", `No GPU of wallet ${address} has reported a job yet.`);
  return rowsCsvStream(FLEET_CSV_COLUMNS, selectFleet(all, query), cells, ROWS_PER_CHUNK);
}
