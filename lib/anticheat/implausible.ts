// Flag (d): jobs outside the plausibility bounds (lib/points/plausibility.ts). Each was already
// priced at 0 with zero reason "implausible"; the flag lists them per miner ID with the bound each
// broke and what it claimed, so an admin can judge whether the miner's other points are honest
// (a miner reporting impossible work once may be misconfigured; hundreds of times, it is cheating).
// Pure: the SQL fetches the entries, this re-derives the evidence with the pricing library.
import { checkPlausibility, describeBreach, findModel, findSchedule, microToPoints, plausibilityBoundsFor, type PlausibilityBreach, type PlausibilityJob } from "@/lib/points";

export const IMPLAUSIBLE = {
  /** Miner IDs listed, most implausible jobs first. */
  maxMiners: 100,
  /** Example jobs per miner ID, latest first. */
  examplesPerMiner: 5,
} as const;

export interface ImplausibleJob {
  jobId: string;
  modelId: string;
  scheduleId: string;
  completedAt: string;
  hardware: string | null;
  latencySec: number;
  width: number | null;
  height: number | null;
  steps: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  /** What the job would have earned: the product of the factors on its ledger entry. */
  claimedMicro: number;
}

export interface MinerImplausibleStats {
  minerId: string;
  jobs: number;
  claimedMicro: number;
  /** The latest few, for the evidence. */
  examples: ImplausibleJob[];
}

export interface ImplausibleExample extends Omit<ImplausibleJob, "claimedMicro"> {
  claimedPoints: number;
  breach: PlausibilityBreach | null;
  explanation: string;
}

export interface ImplausibleFlag {
  minerId: string;
  jobs: number;
  claimedPoints: number;
  examples: ImplausibleExample[];
  summary: string;
}

/** The bound a stored job broke, as priceJob found it (null if the job is no longer judged so). */
export function breachOf(job: ImplausibleJob): PlausibilityBreach | null {
  const model = findModel(job.modelId);
  const schedule = findSchedule(job.scheduleId);
  if (!model || !schedule) return null;
  const shape: PlausibilityJob = { latencySec: job.latencySec };
  if (job.width !== null && job.height !== null && job.steps !== null) shape.image = { width: job.width, height: job.height, steps: job.steps };
  if (job.inputTokens !== null && job.outputTokens !== null) shape.llm = { inputTokens: job.inputTokens, outputTokens: job.outputTokens };
  return checkPlausibility(plausibilityBoundsFor(schedule), model, shape);
}

const int = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

export function implausibleFlags(rows: readonly MinerImplausibleStats[]): ImplausibleFlag[] {
  return rows
    .filter((r) => r.jobs > 0)
    .map((r) => {
      const examples = r.examples.map(({ claimedMicro, ...job }) => {
        const breach = breachOf({ ...job, claimedMicro });
        const explanation = breach ? describeBreach(breach, job.modelId) : "outside the plausibility bounds";
        return { ...job, claimedPoints: microToPoints(claimedMicro), breach, explanation };
      });
      const claimedPoints = microToPoints(r.claimedMicro);
      const latest = examples[0] ? `; latest: ${examples[0].explanation}` : "";
      return {
        minerId: r.minerId,
        jobs: r.jobs,
        claimedPoints,
        examples,
        summary: `${int(r.jobs)} job${r.jobs === 1 ? "" : "s"} outside the plausibility bounds, claiming ${int(Math.round(claimedPoints))} points (paid 0)${latest}.`,
      };
    })
    .sort((a, b) => b.jobs - a.jobs || b.claimedPoints - a.claimedPoints || a.minerId.localeCompare(b.minerId));
}
