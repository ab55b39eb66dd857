import "server-only";
import { formatUnits } from "viem";
import { csvNumber, rowsCsvStream, type CsvCell } from "@/lib/dashboard/csv";
import type { MarketQuery, MarketRow } from "@/lib/schemas/market";
import { snapshotPending } from "../snapshot-pending";
import { getMarketRows, marketIntervalSeconds } from "./query";

// The market as filtered and sorted, every matching row (page and pageSize do not apply), read from
// one snapshot and streamed a thousand lines at a time. Amounts are exact decimals of the stored
// integers (wei, basis points); ratios are percent with 4 decimals.

export const MARKET_CSV_COLUMNS = [
  "miner_id",
  "wallet",
  "gpu",
  "first_seen_at",
  "is_new",
  "bribe_pct",
  "pending_bribe_pct",
  "pending_epoch",
  "bribe_for_new_stake_pct",
  "recent_cut_from_pct",
  "recent_cut_to_pct",
  "recent_cut_at",
  "stake_total_heu",
  "stake_heu",
  "stake_esheu",
  "stake_weighted_heu",
  "stake_multiplier_now",
  "stake_multiplier_with_your_stake",
  "availability_24h_pct",
  "availability_7d_pct",
  "availability_30d_pct",
  "availability_source_7d",
  "on_time_7d_pct",
  "jobs_7d",
  "latency_ms",
  "waifu_points_7d",
  "llama_points_7d",
  "your_stake_heu",
  "yield_pct_per_year",
  "yield_heu_per_epoch",
  "yield_esheu_pct_per_year",
  "yield_esheu_heu_per_epoch",
  "as_of",
] as const;

const pct = (bps: number | null | undefined) => (bps == null ? null : csvNumber(formatUnits(BigInt(bps), 2)));
const heu = (wei: string) => csvNumber(formatUnits(BigInt(wei), 18));
/** A float as a plain decimal (never 1e-7) with at most `digits` decimals. */
const decimal = (x: number | null, digits: number) =>
  x === null
    ? null
    : csvNumber(
        x
          .toFixed(digits)
          .replace(/(\.\d*?)0+$/, "$1")
          .replace(/\.$/, ""),
      );

function cells(r: MarketRow, stake: number, asOf: string): CsvCell[] {
  const ratioPct = (v: number | null) => decimal(v === null ? null : v * 100, 4);
  return [
    r.minerId,
    r.wallet,
    r.gpu,
    r.firstSeenAt,
    r.isNew ? 1 : 0,
    pct(r.bribe.bps),
    pct(r.bribe.pending?.bps),
    r.bribe.pending?.epoch ?? null,
    pct(r.bribe.forStakeBps),
    pct(r.bribe.recentCut?.fromBps),
    pct(r.bribe.recentCut?.toBps),
    r.bribe.recentCut?.effectiveAt ?? null,
    heu(r.stake.totalWei),
    heu(r.stake.heuWei),
    heu(r.stake.esHeuWei),
    decimal(r.stake.weighted, 6),
    decimal(r.stake.multiplierNow, 6),
    decimal(r.stake.multiplierAfter, 6),
    ratioPct(r.availability["24h"].ratio),
    ratioPct(r.availability["7d"].ratio),
    ratioPct(r.availability["30d"].ratio),
    r.availability["7d"].source,
    ratioPct(r.onTime["7d"].ratio),
    r.onTime["7d"].jobs,
    r.latencyMs,
    decimal(r.points7d.waifu, 6),
    decimal(r.points7d.llama, 6),
    decimal(stake, 6),
    decimal(r.yield?.percentPerYear ?? null, 8),
    r.yield ? heu(r.yield.heuPerEpochWei) : null,
    decimal(r.yieldEsHeu?.percentPerYear ?? null, 8),
    r.yieldEsHeu ? heu(r.yieldEsHeu.heuPerEpochWei) : null,
    asOf,
  ];
}

export async function marketCsvStream(q: MarketQuery): Promise<ReadableStream<Uint8Array>> {
  const snapshot = await getMarketRows(q);
  if (!snapshot) throw snapshotPending("The staking market", marketIntervalSeconds());
  const { rows, asOf } = snapshot;
  return rowsCsvStream(MARKET_CSV_COLUMNS, rows, (r) => cells(r, q.stake, asOf), 1000);
}
