import "server-only";
import { getModelOrThrow, priceJob, type RewardSchedule } from "@/lib/points";
import type { jobLedgerEntries } from "../generated/prisma/sql";

/**
 * A job as stored in `jobs`, with the factors its ledger entry was priced with: the columns that
 * rescore (prisma/sql/rescoreJobs.sql) and verify (jobLedgerEntries.sql, jobEntriesInRange.sql)
 * read; the entry's are null for a job without one.
 */
export type StoredJobRow = Pick<
  jobLedgerEntries.Result,
  "model_id" | "status" | "inference_latency" | "width" | "height" | "num_iterations" | "input_tokens" | "output_tokens" | "nft_count" | "nft_multiplier_ppm" | "stake_heu"
>;

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
