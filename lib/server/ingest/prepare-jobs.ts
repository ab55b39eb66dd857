import "server-only";
import { hash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { PointsError, priceBase, scheduleAt, type BasePrice, type PriceJobInput } from "@/lib/points";
import { jobSchema, type Job } from "@/lib/schemas/jobs";
import { parseJobFast } from "./job-validator";

export interface PreparedJob {
  job: Job;
  wallet: string;
  completedAt: Date;
  /** Its price before the node's factors, computed once here (writeBatch finishes it). */
  base: BasePrice;
  contentHash: string;
}

export interface JobIssue {
  index: number;
  job_id?: string;
  field: string;
  reason: string;
}

/** Accept a little clock skew between the router and us, never jobs from the future. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** Canonical content, so a resend that differs only in formatting is still the same job. */
function hashJob(job: Job, completedAt: Date): string {
  const canonical = [
    job.job_id,
    job.miner_id,
    job.model_id,
    job.status,
    completedAt.toISOString(),
    job.hardware ?? null,
    job.inference_latency,
    job.width ?? null,
    job.height ?? null,
    job.num_iterations ?? null,
    job.input_tokens ?? null,
    job.output_tokens ?? null,
    job.input_ref ?? null,
    job.output_ref ?? null,
  ];
  return hash("sha256", JSON.stringify(canonical), "hex"); // one-shot: the same digest as createHash, in half the time
}

/** The one mapping from an ingested job to what prices it (the node's factors come at write time). */
export function jobPriceInput(job: Job, completedAt: Date): Omit<PriceJobInput, "nftCount" | "hasBoostSlot" | "stakeHeu"> {
  return {
    schedule: scheduleAt(completedAt),
    modelId: job.model_id,
    status: job.status,
    latencySec: job.inference_latency,
    image: job.width !== undefined ? { width: job.width, height: job.height!, steps: job.num_iterations! } : undefined,
    llm: job.input_tokens !== undefined ? { inputTokens: job.input_tokens, outputTokens: job.output_tokens! } : undefined,
  };
}

/** What `checkJobs` found: the valid jobs (with their index in the input) and every problem of the others. */
export interface CheckedJobs {
  prepared: PreparedJob[];
  /** `indexes[i]` is the input position of `prepared[i]`. */
  indexes: number[];
  issues: JobIssue[];
}

/**
 * Validates and base-prices each job on its own, keeping the valid ones and every problem of the
 * others (index, field, reason). A job id repeated within `rawJobs` with different content is a
 * problem of the repeat. `prepareJobs` (a live batch: all or nothing) and `cli import` (a file:
 * each line on its own) both validate through here.
 */
export function checkJobs(rawJobs: readonly unknown[], now: Date): CheckedJobs {
  const issues: JobIssue[] = [];
  const prepared: PreparedJob[] = [];
  const indexes: number[] = [];
  const firstById = new Map<string, { index: number; contentHash: string }>();

  rawJobs.forEach((raw, index) => {
    const rawId = typeof raw === "object" && raw !== null && "job_id" in raw && typeof raw.job_id === "string" ? raw.job_id : undefined;
    // The compiled validator takes what it can vouch for; zod judges (and explains) the rest.
    const fast = parseJobFast(raw);
    const parsed = fast ? ({ success: true, data: fast } as const) : jobSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) issues.push({ index, job_id: rawId, field: issue.path.join(".") || "(job)", reason: issue.message });
      return;
    }
    const job = parsed.data;
    const completedAt = new Date(job.completed_at);
    if (completedAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
      issues.push({ index, job_id: job.job_id, field: "completed_at", reason: "completed_at is in the future" });
      return;
    }
    try {
      const base = priceBase(jobPriceInput(job, completedAt));
      const contentHash = hashJob(job, completedAt);
      const seen = firstById.get(job.job_id);
      if (seen && seen.contentHash !== contentHash) {
        issues.push({ index, job_id: job.job_id, field: "job_id", reason: `job_id repeats job ${seen.index} of this batch with different content` });
        return;
      }
      if (!seen) firstById.set(job.job_id, { index, contentHash });
      const wallet = job.miner_id.split("-")[0]!;
      prepared.push({ job, wallet, completedAt, base, contentHash });
      indexes.push(index);
    } catch (err) {
      if (!(err instanceof PointsError)) throw err;
      const field = err.code === "NO_SCHEDULE" ? "completed_at" : err.code === "INVALID_INPUT" ? "(job)" : "model_id";
      issues.push({ index, job_id: job.job_id, field, reason: err.message });
    }
  });
  return { prepared, indexes, issues };
}

/**
 * Validates every job of a batch and reports every problem at once (index, field, reason), so the
 * router can fix a batch in one round trip. Throws 422 if anything is wrong; nothing is written.
 */
export function prepareJobs(rawJobs: readonly unknown[], now: Date): PreparedJob[] {
  const { prepared, issues } = checkJobs(rawJobs, now);
  if (issues.length > 0) {
    const bad = new Set(issues.map((i) => i.index)).size;
    throw new AppError("validation_failed", `${bad} of ${rawJobs.length} jobs are invalid; nothing was written.`, issues);
  }
  return prepared;
}
