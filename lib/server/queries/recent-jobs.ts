import "server-only";
import { findSchedule, microToPoints, ppmToNumber } from "@/lib/points";
import { readPrisma } from "../db";
import { recentJobs } from "../generated/prisma/sql";
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

type Row = recentJobs.Result;

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
    basePoints: microToPoints(r.base_micro),
    modelMultiplier: ppmToNumber(r.model_multiplier_ppm),
    nftMultiplier: ppmToNumber(r.nft_multiplier_ppm),
    nftCount: r.nft_count,
    stakeMultiplier: ppmToNumber(r.stake_multiplier_ppm),
    stakeHeu: Number(r.stake_heu),
    points: microToPoints(r.points_micro),
    zeroReason: r.zero_reason,
    note: r.note,
    status: r.status,
    latencySec: r.inference_latency === null ? null : Number(r.inference_latency),
    timeoutSec: schedule ? schedule.timeoutsSec[r.point_type === "waifu" ? "image" : "llm"] : null,
    hardware: r.hardware,
    shape: hasJob ? { width: r.width, height: r.height, steps: r.num_iterations, inputTokens: r.input_tokens, outputTokens: r.output_tokens } : null,
  };
}

export const RECENT_JOBS_LIMIT = 20;

// The query and why it reads so little: prisma/sql/recentJobs.sql.
export async function recentMinerJobs(minerId: string, limit = RECENT_JOBS_LIMIT): Promise<RecentJob[]> {
  return (await readPrisma().$queryRawTyped(recentJobs(null, minerId, limit))).map(toRecentJob);
}

export async function recentWalletJobs(address: string, limit = RECENT_JOBS_LIMIT): Promise<RecentJob[]> {
  return (await readPrisma().$queryRawTyped(recentJobs(address, null, limit))).map(toRecentJob);
}
