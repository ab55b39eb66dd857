// The wallet's fleet table: each GPU's points per job against the median of the wallet's GPUs of
// the same model, the filters and the sort. Pure, so the page, the API and the CSV order and keep
// exactly the same rows; the server reads every GPU of the wallet (2,500+) once and calls these.
import type { Availability24h } from "@/lib/schemas/activity";
import type { FleetFilter, WalletMiner, WalletMinerSort } from "@/lib/schemas/wallets";

export type FleetRow = Omit<WalletMiner, "vsMedian">;
export type FleetFilters = Partial<Record<FleetFilter, boolean | undefined>>;

/** One definition of idle for the headline, the filter and the table: measured and online in none of the last 24 hours. */
export function isIdle(a: Pick<Availability24h, "buckets" | "onlineBuckets">): boolean {
  return a.buckets > 0 && a.onlineBuckets === 0;
}

/** points ÷ jobs received (zero-earning jobs included), divided in micro-points so 24.6 over 12 reads 2.05; null without jobs. */
export function pointsPerJob(micro: bigint, jobs: number): number | null {
  return jobs > 0 ? Number(micro) / jobs / 1_000_000 : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// A GPU model serving LLM jobs earns Llama points, a few per job, never comparable with Waifu
// points per image job: the comparison group is the model and the kind of points.
const groupOf = (m: Pick<FleetRow, "hardware" | "pointType">) => `${m.hardware ?? ""}\u0000${m.pointType}`;

/**
 * Adds vsMedian to every row: its points per job ÷ the median over the wallet's GPUs of the same
 * hardware and point type that had jobs in the window (itself included). No ratio for a GPU
 * without jobs, alone in its group, or in a group whose median is 0.
 */
export function withMedians(rows: readonly FleetRow[]): WalletMiner[] {
  const groups = new Map<string, number[]>();
  for (const m of rows) {
    if (m.pointsPerJob24h === null) continue;
    const key = groupOf(m);
    const list = groups.get(key);
    if (list) list.push(m.pointsPerJob24h);
    else groups.set(key, [m.pointsPerJob24h]);
  }
  const medians = new Map([...groups].map(([k, v]) => [k, { median: median(v), gpus: v.length }]));
  return rows.map((m) => {
    const g = medians.get(groupOf(m)) ?? { median: null, gpus: 0 };
    const comparable = m.pointsPerJob24h !== null && g.gpus >= 2 && g.median !== null && g.median > 0;
    return { ...m, vsMedian: { ratio: comparable ? m.pointsPerJob24h! / g.median! : null, median: g.median, gpus: g.gpus } };
  });
}

export function matchesFilters(m: WalletMiner, f: FleetFilters, q?: string): boolean {
  if (f.idle && !m.idle) return false;
  if (f.belowMedian && !(m.vsMedian.ratio !== null && m.vsMedian.ratio < 1)) return false;
  if (f.zeroEarning && !(m.onTime24h.jobs > 0 && m.points24h <= 0)) return false;
  if (q) {
    const needle = q.toLowerCase();
    if (!m.minerId.includes(needle) && !(m.hardware ?? "").toLowerCase().includes(needle)) return false;
  }
  return true;
}

const KEYS: Record<WalletMinerSort, (m: WalletMiner) => number | string | null> = {
  minerId: (m) => m.minerId,
  hardware: (m) => m.hardware,
  lastSeenAt: (m) => m.lastSeenAt,
  firstSeenAt: (m) => m.firstSeenAt,
  totalWaifuPoints: (m) => m.totalWaifuPoints,
  totalLlamaPoints: (m) => m.totalLlamaPoints,
  points24h: (m) => m.points24h,
  pointsPerJob24h: (m) => m.pointsPerJob24h,
  vsMedian: (m) => m.vsMedian.ratio,
  availability24h: (m) => m.availability24h.ratio,
  onTime24h: (m) => m.onTime24h.ratio,
  stake: (m) => m.stake,
};

/** A GPU without the figure (no jobs, nothing measured) comes last both ways; ties by miner ID ascending, so pages never overlap. */
export function compareMiners(sort: WalletMinerSort, order: "asc" | "desc"): (a: WalletMiner, b: WalletMiner) => number {
  const key = KEYS[sort];
  const dir = order === "asc" ? 1 : -1;
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      return (x < y ? -1 : 1) * dir;
    }
    return a.minerId < b.minerId ? -1 : a.minerId > b.minerId ? 1 : 0;
  };
}

/** The table's rows in order, every page: filtered, then sorted. */
export function selectFleet(all: readonly WalletMiner[], query: { sort: WalletMinerSort; order: "asc" | "desc"; q?: string } & FleetFilters): WalletMiner[] {
  return all.filter((m) => matchesFilters(m, query, query.q)).sort(compareMiners(query.sort, query.order));
}

/** "RTX 4090" from "NVIDIA GeForce RTX 4090": the words that tell a wallet's GPU models apart. */
export function shortGpuName(hardware: string | null): string {
  return hardware?.replace(/^NVIDIA (GeForce )?/, "") ?? "unknown GPU";
}

/** "62 % below", "6 % above", "at the median": whole percent, never "0 % below". */
export function describeVsMedian(ratio: number): string {
  const pct = Math.round(Math.abs(1 - ratio) * 100);
  if (pct === 0) return "at the median";
  return `${pct} % ${ratio < 1 ? "below" : "above"}`;
}

/** The table cell: "−66 %", "+6 %", "±0 %" (the sign says which side of the median). */
export function formatVsMedian(ratio: number): string {
  const pct = Math.round((ratio - 1) * 100);
  return pct === 0 ? "±0 %" : `${pct < 0 ? "−" : "+"}${Math.abs(pct)} %`;
}

/** Why a GPU has no vs-median figure, short enough for the table cell (the GPU's page says it in full). */
export function noComparisonReason(m: Pick<WalletMiner, "pointsPerJob24h" | "vsMedian">): string {
  if (m.pointsPerJob24h === null) return "no jobs";
  if (m.vsMedian.gpus < 2) return "none to compare";
  return "median 0";
}
