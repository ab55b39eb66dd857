// GET /prod/stats: Heurist's public stats API at its own path, with its parameter names, field
// names and JSON types, so tools written against Heurist's work here by changing their base URL
// (decision 0033). The numbers are the /api/v1 queries' own; this is a compatibility layer.
import { z } from "zod";
import { MINER_ID_PATTERN } from "./ids";
import { isoDateTime } from "./query";

/** A parameter given twice arrives as an array (see compat/params.ts) and is refused by name. */
const once = (name: string) => z.string({ error: `${name} must be given once` });

export const heuristStatsQuerySchema = z.strictObject(
  {
    details: once("details")
      .pipe(z.enum(["true", "false"], { error: "details must be true or false" }))
      .transform((v) => v === "true")
      .optional()
      .describe("true: add minerDetails, one row per miner ID of the network (from a snapshot the worker rebuilds every minute)"),
    minerId: once("minerId")
      .pipe(z.string().max(120, "minerId is at most 120 characters").regex(MINER_ID_PATTERN, "minerId must be a wallet address (0x + 40 hex) or a miner ID (wallet-tag)"))
      .transform((s) => s.toLowerCase())
      .optional()
      .describe("a wallet address (0x + 40 hex: all its miner IDs together) or one miner ID (wallet-tag), case-insensitive; takes precedence over details"),
  },
  { error: (issue) => (issue.code === "unrecognized_keys" ? `unknown parameter(s): ${issue.keys.join(", ")}; use details=true or minerId=<address>` : undefined) },
);
export type HeuristStatsQuery = z.output<typeof heuristStatsQuerySchema>;

export const HEURIST_STATUSES = ["active", "idle"] as const;
export type HeuristStatus = (typeof HEURIST_STATUSES)[number];

const status = z
  .enum(HEURIST_STATUSES)
  .describe("active: the router saw it online in at least one 5-minute bucket of the last 24 hours (availability24h.onlineBuckets > 0 in /api/v1); idle: in none");
const count = z.number().int().min(0);
// Heurist's minerDetails sent its counts as strings (its tools parse them with parseInt and int()).
const countText = z.string().regex(/^\d+$/).describe("a count as a string of decimal digits, as Heurist's minerDetails sent it");

export const heuristStatsSummarySchema = z.object({
  last24HrsImageCount: count.describe("image jobs completed within the timeout by the whole network over the last 24 hourly buckets"),
  last24HrsTextCount: count.describe("LLM jobs, likewise"),
  minerCount: count.describe("miner IDs that have reported a job (rows of minerDetails)"),
  activeMinerCount: count.describe("of them, those whose status is active"),
  asOf: isoDateTime.describe("when the worker built the snapshot these figures come from"),
});
export type HeuristStatsSummary = z.output<typeof heuristStatsSummarySchema>;

export const heuristMinerDetailSchema = z.object({
  miner_id: z.string().describe("the miner ID, lowercased (the first key of each row)"),
  hardware: z.string().describe("GPU model as last reported by the router; unknown when it never said"),
  total_image_count: countText,
  total_text_count: countText,
  last_24_hours_image_count: countText,
  last_24_hours_text_count: countText,
  status,
});
export type HeuristMinerDetail = z.output<typeof heuristMinerDetailSchema>;

export const heuristStatsDetailsSchema = heuristStatsSummarySchema.extend({
  minerDetails: z.array(heuristMinerDetailSchema).describe("every miner ID, by miner ID"),
});

const points = z.number().describe("points (not micro-points)");
const esHeu = z.number().describe("esHEU");

export const s2RewardDaySchema = z.object({
  daily_date: z.iso.date().describe("UTC day, YYYY-MM-DD"),
  llama_points: points.describe("Llama Points earned that day (the /api/v1 daily series)"),
  waifu_points: points,
  llama_reward_tokens: esHeu.describe(
    "that day's part of its epoch's Llama pool share: the settled share (epoch_miner_rewards) or, in the open epoch, its projection, split over the epoch's days by their points",
  ),
  waifu_reward_tokens: esHeu,
});

export const heuristMinerStatsSchema = z.object({
  hardware: z
    .string()
    .describe('a miner ID: its GPU model (unknown when never reported); a wallet: each model with its number of GPUs, most first ("NVIDIA GeForce RTX 4090 ×12, …")'),
  status,
  totalImageCount: count,
  totalTextCount: count,
  last24HrsImageCount: count,
  last24HrsTextCount: count,
  last24HrsAvailability: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe("5-minute buckets online ÷ buckets measured over the last 24 hours (/api/v1's); null when nothing was measured"),
  totalLlamaPoints: points,
  totalWaifuPoints: points,
  s2CurrentEpochLlamaPoints: points.describe("Llama Points so far in the open epoch (its settlement bucket)"),
  s2CurrentEpochWaifuPoints: points,
  s2CurrentEpochLlamaRewards: esHeu.describe("the open epoch's Llama pool share if it ended now (before bribes to stakers)"),
  s2CurrentEpochWaifuRewards: esHeu,
  s2Rewards: z
    .array(s2RewardDaySchema)
    .describe("every UTC day with activity, oldest first; its reward columns add up to the settled epochs' pool shares plus the open epoch's projection"),
  minerId: z.string().describe("what was asked for, lowercased"),
  gpuCount: count.describe("miner IDs counted: 1 for a miner ID, the wallet's GPUs for a wallet"),
  s2CurrentEpoch: z.number().int().describe("the open epoch's number"),
  asOf: isoDateTime,
});
export type HeuristMinerStats = z.output<typeof heuristMinerStatsSchema>;
