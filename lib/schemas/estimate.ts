// GET /api/v1/estimate: what one job would earn, priced by the same library as ingestion.
import { z } from "zod";
import { checkShapeFields } from "./shape-fields";
import { MODELS, SCHEDULES, findModel, findSchedule } from "@/lib/points";
import { GPU_CATALOG, findGpu } from "@/lib/gpu-catalog";
import { intParam, isoDateTime, numberParam } from "./query";

const modelIds = MODELS.map((m) => m.id).join(", ");
const scheduleIds = SCHEDULES.map((s) => s.id).join(", ");
const gpuKeys = GPU_CATALOG.map((g) => g.key).join(", ");

export const estimateQuerySchema = z
  .strictObject(
    {
      schedule: z
        .string()
        .refine((id) => findSchedule(id) !== undefined, { message: `unknown schedule; known: ${scheduleIds}` })
        .optional()
        .describe("reward schedule id; default: the one in force now (mainnet-preview is only used when asked for)"),
      gpu: z
        .string()
        .refine((key) => findGpu(key) !== undefined, { message: `unknown GPU; known: ${gpuKeys}` })
        .optional()
        .describe("GPU catalog key (as the estimator's gpu parameter): adds per hour and per day online from what that GPU model's devices did over the last 7 days"),
      model: z
        .string({ error: "model is required" })
        .refine((id) => findModel(id) !== undefined, { message: `unknown model id; known: ${modelIds}` })
        .describe("model id as in GET /api/v1/models"),
      width: intParam("width", 1, 16_384).optional().describe("image models: pixels"),
      height: intParam("height", 1, 16_384).optional().describe("image models: pixels"),
      steps: intParam("steps", 1, 1_000).optional().describe("image models: sampling steps (num_iterations)"),
      input_tokens: intParam("input_tokens", 0, 10_000_000).optional().describe("LLMs"),
      output_tokens: intParam("output_tokens", 0, 10_000_000).optional().describe("LLMs"),
      nfts: intParam("nfts", 0, 500).default(0).describe("Heurist Imaginaries NFTs in the wallet; the GPU is taken to hold a boost slot"),
      stake: numberParam("stake", 0, 1e12).default(0).describe("stHEU delegated to the node"),
    },
    { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown parameter(s): ${issue.keys.join(", ")}` : undefined) },
  )
  .superRefine((q, ctx) => checkShapeFields(q, q.model, { image: ["width", "height", "steps"], llm: ["input_tokens", "output_tokens"] }, ctx));
export type EstimateQuery = z.output<typeof estimateQuerySchema>;

export const estimateResponseSchema = z.object({
  pointType: z.enum(["waifu", "llama"]),
  points: z.number().describe("points for one job: base × modelMultiplier × nftMultiplier × stakeMultiplier"),
  schedule: z.string().describe("id of the schedule that priced it"),
  breakdown: z.object({
    base: z.number().describe("points before multipliers"),
    modelMultiplier: z.number(),
    nftMultiplier: z.number(),
    stakeMultiplier: z.number(),
  }),
  perJob: z.object({
    pointsMicro: z.number().int().describe("the exact integer the ledger would store (1 point = 1,000,000)"),
    zeroReason: z
      .enum(["status", "timeout", "implausible", "floor", "disabled", "inactive"])
      .nullable()
      .describe(
        "why it earns nothing: implausible (outside the model's plausibility bounds: too many pixels, steps or tokens, or more work than any GPU finishes within the timeout), floor (below 512×512 or 20 steps), disabled (multiplier 0), inactive (stake below the activation minimum)",
      ),
    model: z.object({ id: z.string(), kind: z.enum(["image", "llm"]), type: z.string(), category: z.string().nullable() }),
    timeoutSec: z.number().describe("latency above which a real job would earn nothing"),
    boostSlots: z.number().int().describe("GPUs the wallet's NFTs can boost (3 per NFT)"),
    stakeCurve: z.enum(["boost", "activation"]),
  }),
});
const range = z.number().nullable();

/** With `gpu`: the estimator's per-hour and per-day figures (lib/estimator/estimate.ts computeEstimate). */
export const estimateRatesSchema = z.object({
  perHour: z.number().describe("points per hour online: points per job × jobsPerHour (0 when the GPU cannot serve the model)"),
  perDay: z.number().describe("points per day online: perHour × 24 hours online"),
  perDayP25: range.describe("perDay at the 25th percentile of the GPU model's device-days (network source only)"),
  perDayP75: range.describe("perDay at the 75th percentile"),
  heuPerDay: z.number().nullable().describe("perDay × the portal's own HEU per point (the market's rate); null before any epoch has points"),
  rate: z.object({
    source: z
      .enum(["network", "scaled", "catalog"])
      .describe("network: this GPU model's own devices; scaled: another GPU model's rate × relative speed; catalog: the GPU busy the whole hour"),
    jobsPerHour: z.number().describe("successful jobs of the model's kind (image or LLM) per hour online"),
    devices: z.number().int().nullable(),
    deviceDays: z.number().int().nullable(),
    days: z.number().int().nullable(),
  }),
  network: z
    .object({
      pointsPerDayOnline: z.number().describe("what this GPU model's devices earned per day online on their own mix of jobs: GET /api/v1/gpus?window=7d's figure"),
      p25: range,
      p75: range,
      devices: z.number().int(),
      days: z.number().int(),
      from: isoDateTime,
      to: isoDateTime,
      asOf: isoDateTime,
    })
    .nullable()
    .describe("null when the GPU model had no device online in the window"),
});
export type EstimateRates = z.output<typeof estimateRatesSchema>;
export const estimateWithRatesSchema = estimateResponseSchema.extend(estimateRatesSchema.partial().shape);

export type EstimateResponse = z.output<typeof estimateResponseSchema>;
