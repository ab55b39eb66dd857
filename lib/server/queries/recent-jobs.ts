import "server-only";
import { findSchedule, microToPoints, ppmToNumber } from "@/lib/points";
import { readPool } from "../db";
import { isoOf } from "./convert";

/** One ledger entry with every factor that priced it and the job it priced, as plain data. */
export interface RecentJob {
  id: string;
  kind: string;
  jobId: string | null;
  minerId: string;
  occurredAt: string;
  pointType: "waifu" | "llama";
  modelId: string | null;
  scheduleId: string;
  basePoints: number;
  modelMultiplier: number;
  nftMultiplier: number;
  nftCount: number;
  stakeMultiplier: number;
  stakeHeu: number;
  points: number;
  zeroReason: string | null;
  note: string | null;
  status: string | null;
  latencySec: number | null;
  timeoutSec: number | null;
  hardware: string | null;
  shape: { width: number | null; height: number | null; steps: number | null; inputTokens: number | null; outputTokens: number | null } | null;
}

interface Row {
  id: string;
  kind: string;
  job_id: string | null;
  miner_id: string;
  occurred_at: Date;
  point_type: "waifu" | "llama";
  model_id: string | null;
  schedule_id: string;
  base_micro: string;
  model_multiplier_ppm: number;
  nft_multiplier_ppm: number;
  stake_multiplier_ppm: number;
  nft_count: number;
  stake_heu: string;
  points_micro: string;
  zero_reason: string | null;
  note: string | null;
  status: string | null;
  inference_latency: string | null;
  hardware: string | null;
  width: number | null;
  height: number | null;
  num_iterations: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
}

const LEDGER_COLUMNS = `l.id::text, l.kind, l.job_id, l.miner_id, l.occurred_at, l.point_type, l.model_id, l.schedule_id,
  l.base_micro::text, l.model_multiplier_ppm, l.nft_multiplier_ppm, l.stake_multiplier_ppm, l.nft_count,
  l.stake_heu::text, l.points_micro::text, l.zero_reason, l.note,
  j.status::text, j.inference_latency::text, j.hardware, j.width, j.height, j.num_iterations, j.input_tokens, j.output_tokens`;

// Each ledger read walks the (miner_id, occurred_at) index backwards and stops after `limit`
// rows (ordered by the index's own key, so no sort of a miner's whole history); jobs are joined by
// primary key. Nothing here depends on the ledger's size.
const ONE_MINER_SQL = `SELECT ${LEDGER_COLUMNS}
  FROM (SELECT * FROM ledger_entries WHERE miner_id = $1 ORDER BY occurred_at DESC LIMIT $2) l
  LEFT JOIN jobs j ON j.job_id = l.job_id
 ORDER BY l.occurred_at DESC, l.id DESC`;

// A wallet's latest entries come from its most recently seen GPUs: last_seen_at is the latest job
// of a node, so the newest `limit` entries belong to at most `limit` nodes. That is `limit` bounded
// index reads, not one per GPU of a 2,500-GPU wallet (whose nodes sort in memory in ~1 ms).
const WALLET_SQL = `SELECT ${LEDGER_COLUMNS}
  FROM (SELECT miner_id FROM nodes WHERE wallet = $1 ORDER BY last_seen_at DESC, miner_id LIMIT $2) n
  CROSS JOIN LATERAL (
    SELECT * FROM ledger_entries e WHERE e.miner_id = n.miner_id ORDER BY e.occurred_at DESC LIMIT $2) l
  LEFT JOIN jobs j ON j.job_id = l.job_id
 ORDER BY l.occurred_at DESC, l.id DESC
 LIMIT $2`;

function toRecentJob(r: Row): RecentJob {
  const schedule = findSchedule(r.schedule_id);
  const hasJob = r.status !== null;
  return {
    id: r.id,
    kind: r.kind,
    jobId: r.job_id,
    minerId: r.miner_id,
    occurredAt: isoOf(r.occurred_at),
    pointType: r.point_type,
    modelId: r.model_id,
    scheduleId: r.schedule_id,
    basePoints: microToPoints(BigInt(r.base_micro)),
    modelMultiplier: ppmToNumber(r.model_multiplier_ppm),
    nftMultiplier: ppmToNumber(r.nft_multiplier_ppm),
    nftCount: r.nft_count,
    stakeMultiplier: ppmToNumber(r.stake_multiplier_ppm),
    stakeHeu: Number(r.stake_heu),
    points: microToPoints(BigInt(r.points_micro)),
    zeroReason: r.zero_reason,
    note: r.note,
    status: r.status,
    latencySec: r.inference_latency === null ? null : Number(r.inference_latency),
    timeoutSec: schedule ? schedule.timeoutsSec[r.point_type === "waifu" ? "image" : "llm"] : null,
    hardware: r.hardware,
    shape: hasJob
      ? { width: r.width, height: r.height, steps: r.num_iterations, inputTokens: r.input_tokens, outputTokens: r.output_tokens }
      : null,
  };
}

export const RECENT_JOBS_LIMIT = 20;

export async function recentMinerJobs(minerId: string, limit = RECENT_JOBS_LIMIT): Promise<RecentJob[]> {
  const { rows } = await readPool().query<Row>(ONE_MINER_SQL, [minerId, limit]);
  return rows.map(toRecentJob);
}

export async function recentWalletJobs(address: string, limit = RECENT_JOBS_LIMIT): Promise<RecentJob[]> {
  const { rows } = await readPool().query<Row>(WALLET_SQL, [address, limit]);
  return rows.map(toRecentJob);
}
