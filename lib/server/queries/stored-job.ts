import "server-only";
import { getModelOrThrow, priceJob, type RewardSchedule } from "@/lib/points";

/** A job as stored in `jobs`, with the factors its ledger entry was priced with. */
export interface StoredJobRow {
  job_id: string;
  model_id: string;
  status: "completed" | "timeout" | "failed";
  completed_at: Date;
  inference_latency: string;
  width: number | null;
  height: number | null;
  num_iterations: number | null;
  input_tokens: number | null;
  output_tokens: number | null;
  nft_count: number | null;
  nft_multiplier_ppm: number | null;
  stake_heu: string | null;
}

/** The columns of `StoredJobRow` from `jobs j` joined with its ledger entry `l`. */
export const STORED_JOB_COLUMNS = `j.job_id, j.model_id, j.status, j.completed_at, j.inference_latency::text, j.width, j.height, j.num_iterations,
  j.input_tokens, j.output_tokens, l.nft_count, l.nft_multiplier_ppm, l.stake_heu::text`;

/** `priceJob`'s input for a stored job under `schedule`, keeping the NFT count, boost slot and stake it was priced with. */
export function storedJobPriceInput(r: StoredJobRow, schedule: RewardSchedule): Parameters<typeof priceJob>[0] {
  const model = getModelOrThrow(r.model_id);
  return {
    schedule,
    modelId: r.model_id,
    status: r.status,
    latencySec: Number(r.inference_latency),
    image: model.kind === "image" ? { width: r.width!, height: r.height!, steps: r.num_iterations! } : undefined,
    llm: model.kind === "llm" ? { inputTokens: r.input_tokens!, outputTokens: r.output_tokens! } : undefined,
    nftCount: r.nft_count ?? 0,
    hasBoostSlot: (r.nft_multiplier_ppm ?? 1_000_000) !== 1_000_000,
    stakeHeu: Number(r.stake_heu ?? 0),
  };
}
