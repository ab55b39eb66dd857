import "server-only";
import type { StakeCurve } from "@/lib/points";
import { DEFAULT_STAKE_HEU, MARKET_SORTS, type MarketSort, type SortOrder } from "@/lib/schemas/market";

// Every sort of the market as SQL over a snapshot row `s`: its key and direction, and the rank
// columns that hold each order precomputed at the rebuild (yield at the default planned stake), so
// a page is an index range. Both the rebuild and the query take the keys from here.

const f8 = (n: number) => `${n}::float8`;

/**
 * The stake curve as SQL over `x` (stHEU, float8): the same piecewise-linear steps, in the same
 * IEEE operations, as stakeMultiplierPpm, rounding with floor(v + 0.5) like Math.round.
 */
export function stakeCurveSql(curve: StakeCurve, x: string): string {
  const pts = curve.points;
  const parts = [`WHEN ${x} < ${f8(pts[0]![0])} THEN ${f8(curve.belowFirstPpm)}`];
  for (let i = 1; i < pts.length; i++) {
    const [s0, p0] = pts[i - 1]!;
    const [s1, p1] = pts[i]!;
    parts.push(`WHEN ${x} < ${f8(s1)} THEN floor(${f8(p0)} + ((${x} - ${f8(s0)}) * ${f8(p1 - p0)}) / ${f8(s1 - s0)} + 0.5::float8)`);
  }
  return `(CASE ${parts.join(" ")} ELSE ${f8(pts[pts.length - 1]![1])} END)`;
}

export interface KeyInputs {
  curve: StakeCurve;
  /** SQL for the planned stake P and the HEU-per-point rates (float8). */
  stake: string;
  rateWaifu: string;
  rateLlama: string;
}

/**
 * The yield's sort key for P in HEU: apr × 7/365 with the constant factors left out (same order);
 * null when it cannot be priced. The multiplier reads the stake S, the share the weighted stake Sw.
 */
function yieldKeySql({ curve, stake, rateWaifu, rateLlama }: KeyInputs): string {
  const sp = `(s.stake_heu + ${stake})`;
  return `(s.forward_bribe_bps::float8 * (s.waifu_micro_7d::float8 * ${rateWaifu} + s.llama_micro_7d::float8 * ${rateLlama})
           * ${stakeCurveSql(curve, sp)} / nullif(${stakeCurveSql(curve, "s.stake_heu")} * (s.split_stake_heu + ${stake}), 0::float8))`;
}

export function sortKeySql(sort: MarketSort, k: KeyInputs): string {
  const key: Record<MarketSort, string> = {
    yield: yieldKeySql(k),
    bribe: "s.forward_bribe_bps",
    uptime24h: "s.online_24h",
    uptime7d: "s.online_7d",
    uptime30d: "s.online_30d",
    onTime7d: "s.on_time_rate_7d",
    stake: "s.stake_wei",
    points: "(s.waifu_micro_7d + s.llama_micro_7d)",
    latency: "s.latency_ms",
    // Oldest first is "age, descending".
    age: "s.first_seen_at",
  };
  return key[sort];
}

/** ORDER BY for a sort: unknowns (no bribe, no jobs, no rate) last whichever way; ties by miner ID in byte order. */
export function orderSql(sort: MarketSort, order: SortOrder, key: string): string {
  const asc = order === "asc";
  const dir = sort === "age" ? (asc ? "DESC" : "ASC") : asc ? "ASC" : "DESC";
  return `${key} ${dir} NULLS LAST, s.miner_id COLLATE "C"`;
}

const snake = (s: string) => s.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
export const rankColumn = (sort: MarketSort, order: SortOrder) => `rank_${snake(sort)}_${order}`;

/** The rank columns and the window functions that number them, for the rebuild's INSERT … SELECT over `s`. */
export function rankSelectSql(curve: StakeCurve, rates: { waifu: string; llama: string }): { columns: string[]; exprs: string[] } {
  const k: KeyInputs = { curve, stake: f8(DEFAULT_STAKE_HEU), rateWaifu: rates.waifu, rateLlama: rates.llama };
  const columns: string[] = [];
  const exprs: string[] = [];
  for (const sort of MARKET_SORTS) {
    for (const order of ["desc", "asc"] as const) {
      columns.push(rankColumn(sort, order));
      exprs.push(`row_number() OVER (ORDER BY ${orderSql(sort, order, sortKeySql(sort, k))})::int`);
    }
  }
  return { columns, exprs };
}

/** Whether a query's order is one the rebuild numbered (yield only at the default planned stake). */
export const isRanked = (sort: MarketSort, stakeHeu: number) => sort !== "yield" || stakeHeu === DEFAULT_STAKE_HEU;
