// Words for the numbers of a ledger entry: why a job earned nothing, what shape it had.
// Pure, so the recent-jobs table and any future explainer say the same thing.
import { checkPlausibility, describeBreach, findModel, findSchedule, plausibilityBoundsFor, type PlausibilityJob } from "@/lib/points";

export interface JobShape {
  width: number | null;
  height: number | null;
  steps: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
}

/** "1024×1024 @ 20 steps", "1,200 + 800 tokens", or null when the job is not known. */
export function describeShape(shape: JobShape | null): string | null {
  if (!shape) return null;
  const int = new Intl.NumberFormat("en-US");
  if (shape.width !== null && shape.height !== null) {
    return `${shape.width}×${shape.height}${shape.steps === null ? "" : ` @ ${shape.steps} steps`}`;
  }
  if (shape.inputTokens !== null || shape.outputTokens !== null) {
    return `${int.format(shape.inputTokens ?? 0)} in + ${int.format(shape.outputTokens ?? 0)} out tokens`;
  }
  return null;
}

export interface ZeroContext {
  kind: string;
  pointType: "waifu" | "llama";
  status: string | null;
  latencySec: number | null;
  /** The schedule's timeout for this kind of job, in seconds. */
  timeoutSec: number | null;
  modelId: string | null;
  scheduleId: string;
  /** The job's shape, to say which plausibility bound an "implausible" job broke. */
  shape?: JobShape | null;
}

/** A sentence a miner can act on, for an entry that earned 0 (null when the entry earned points). */
export function explainZero(reason: string | null, ctx: ZeroContext): string | null {
  switch (reason) {
    case null:
      return null;
    case "status":
      return `The router reported the job ${ctx.status ?? "not completed"}, so it earns nothing and counts against the on-time rate.`;
    case "timeout": {
      const took = ctx.latencySec === null ? "" : ` took ${formatSeconds(ctx.latencySec)}, over`;
      const limit = ctx.timeoutSec === null ? "the schedule's timeout" : `the ${formatSeconds(ctx.timeoutSec)} timeout`;
      return `Inference${took || " exceeded"} ${limit} for ${ctx.pointType === "waifu" ? "image" : "LLM"} jobs.`;
    }
    case "floor":
      return ctx.pointType === "waifu" ? "Below the anti-spam floor: images under 512×512 or under 20 steps earn nothing." : "No tokens were generated, so the base is 0.";
    case "disabled":
      return `Schedule ${ctx.scheduleId} offers ${ctx.modelId ?? "this model"} at a multiplier of 0 (disabled).`;
    case "inactive":
      return "The stake on this node is below the activation threshold, so the node earns nothing.";
    case "implausible": {
      const breach = breachOf(ctx);
      return breach
        ? `${breach}; such jobs earn nothing and are reviewed.`
        : "The job is outside what any GPU can do for this model (too large, too many steps or tokens, or finished faster than possible); such jobs earn nothing and are reviewed.";
    }
    default:
      return `Earned nothing (${reason}).`;
  }
}

/** "1,000 steps is above the 150-step limit for SDXL", re-derived from the stored job, or null. */
function breachOf(ctx: ZeroContext): string | null {
  const model = ctx.modelId === null ? undefined : findModel(ctx.modelId);
  const schedule = findSchedule(ctx.scheduleId);
  const shape = ctx.shape;
  if (!model || !schedule || !shape || ctx.latencySec === null) return null;
  const job: PlausibilityJob = { latencySec: ctx.latencySec };
  if (shape.width !== null && shape.height !== null && shape.steps !== null) job.image = { width: shape.width, height: shape.height, steps: shape.steps };
  else if (shape.inputTokens !== null && shape.outputTokens !== null) job.llm = { inputTokens: shape.inputTokens, outputTokens: shape.outputTokens };
  else return null;
  const breach = checkPlausibility(plausibilityBoundsFor(schedule), model, job);
  return breach ? describeBreach(breach, model.id) : null;
}

function formatSeconds(sec: number): string {
  return `${new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 }).format(sec)} s`;
}

/** What a non-job ledger entry is, in words. */
export function describeEntryKind(kind: string): string {
  switch (kind) {
    case "job":
      return "Job";
    case "slash":
      return "Slash (points removed by an admin)";
    case "reversal":
      return "Reversal of an earlier entry";
    case "adjustment":
      return "Adjustment";
    default:
      return kind;
  }
}
