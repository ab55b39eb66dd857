// GET /api/v1/wallets/{address}: a reward wallet and its GPUs (1 to 2,500+ of them).
import { z } from "zod";
import { withoutNul } from "./jobs";
import { walletAddressSchema } from "./ids";
import { availability24hSchema, availabilityWindowShape, dailyPointsSchema, last24HrsShape, onTime24hSchema, totalsShape } from "./activity";
import { openEpochSchema } from "./open-epoch";
import { daysQuery, isoDateTime, pageQuery, paginatedSchema } from "./query";

export const walletParamsSchema = z.object({ address: walletAddressSchema.describe("0x + 40 hex (case-insensitive)") });

export const WALLET_MINER_SORTS = [
  "totalWaifuPoints",
  "totalLlamaPoints",
  "lastSeenAt",
  "firstSeenAt",
  "minerId",
  "hardware",
  "availability24h",
  "points24h",
  "pointsPerJob24h",
  "vsMedian",
  "onTime24h",
  "stake",
] as const;
export type WalletMinerSort = (typeof WALLET_MINER_SORTS)[number];

/** The fleet table's filters (AND-ed), as URL and API flags (`idle=1`). */
export const FLEET_FILTERS = ["idle", "belowMedian", "zeroEarning"] as const;
export type FleetFilter = (typeof FLEET_FILTERS)[number];

const flag = (name: string) => z.enum(["1", "0", "true", "false"], { error: `${name} must be 1 or 0` }).transform((v) => v === "1" || v === "true");

/** A wallet's headline availability counts GPUs with a received job this recently, or online in the window. */
export const ACTIVE_GPU_DAYS = 7;

export const walletQuerySchema = z.object({
  ...pageQuery,
  ...daysQuery,
  sort: z
    .enum(WALLET_MINER_SORTS, { error: `sort must be one of ${WALLET_MINER_SORTS.join(", ")}` })
    .default("totalWaifuPoints")
    .describe(
      "availability24h, onTime24h, points24h, pointsPerJob24h (points ÷ jobs received over the last 24 hourly buckets), vsMedian (pointsPerJob24h ÷ the median of the wallet's GPUs of the same model and point type); GPUs without the figure come last either way; ties by miner ID ascending",
    ),
  order: z.enum(["asc", "desc"], { error: "order must be asc or desc" }).default("desc"),
  q: z
    .string()
    .trim()
    .max(100, "q is at most 100 characters")
    .refine(...withoutNul("q"))
    .optional()
    .describe("keeps miners whose ID or hardware contains this text (case-insensitive)"),
  idle: flag("idle").optional().describe("1: only idle GPUs: measured over the last 24 hours and online in none of it (availability24h.onlineBuckets 0)"),
  belowMedian: flag("belowMedian").optional().describe("1: only GPUs whose points per job are below the median of the wallet's GPUs of the same model (vsMedian.ratio < 1)"),
  zeroEarning: flag("zeroEarning").optional().describe("1: only GPUs that received jobs in the last 24 hours and earned no points from them"),
});
export type WalletQuery = z.output<typeof walletQuerySchema>;

export const walletMinerSchema = z.object({
  minerId: z.string(),
  hardware: z.string().nullable(),
  firstSeenAt: isoDateTime,
  lastSeenAt: isoDateTime,
  totalWaifuPoints: z.number(),
  totalLlamaPoints: z.number(),
  totalImageCount: z.number().int(),
  totalTextCount: z.number().int(),
  last24HrsWaifuPoints: z.number(),
  last24HrsLlamaPoints: z.number(),
  last24HrsAvailability: last24HrsShape.last24HrsAvailability,
  availability24h: availability24hSchema.describe("measured availability over the wallet's 24-hour window (availability24h.from/to of the wallet)"),
  onTime24h: onTime24hSchema,
  latencyMs: z.number().int().nullable(),
  stake: z.number().describe("stHEU delegated to this node"),
  hasBoostSlot: z.boolean(),
  pointType: z.enum(["waifu", "llama"]).describe("the kind of jobs the GPU serves (most of its jobs ever): its points and the median it is compared with are of this kind"),
  points24h: z.number().describe("Waifu plus Llama points over the last 24 hourly buckets (a GPU serves one kind)"),
  pointsPerJob24h: z.number().nullable().describe("points24h ÷ onTime24h.jobs (every job received, earning or not); null without jobs"),
  vsMedian: z
    .object({
      ratio: z.number().nullable().describe("pointsPerJob24h ÷ median; null without jobs, with fewer than 2 GPUs to compare or a median of 0"),
      median: z.number().nullable().describe("median pointsPerJob24h of the wallet's GPUs of the same hardware and pointType with jobs in the window (this one included)"),
      gpus: z.number().int().describe("how many GPUs the median is taken over"),
    })
    .describe("this GPU against the wallet's other GPUs of its model, over the same 24 hours"),
  idle: z.boolean().describe("measured and online in none of the last 24 hours (availability24h.onlineBuckets 0 of buckets > 0)"),
});
export type WalletMiner = z.output<typeof walletMinerSchema>;

export const walletResponseSchema = z.object({
  address: z.string(),
  gpuCount: z.number().int(),
  firstSeenAt: isoDateTime.describe("first job of the wallet's earliest GPU"),
  lastSeenAt: isoDateTime,
  nftCount: z.number().int(),
  boostSlots: z.number().int().describe("3 per NFT; held by the wallet's earliest-registered GPUs"),
  stake: z.number().describe("stHEU delegated to all of the wallet's nodes"),
  ...totalsShape,
  ...last24HrsShape,
  availability24h: availability24hSchema
    .extend({
      ...availabilityWindowShape,
      gpus: z
        .number()
        .int()
        .describe(`GPUs counted: those with a received job in the last ${ACTIVE_GPU_DAYS} days or online in the window (GPUs retired before that are left out)`),
    })
    .describe(
      "the wallet's measured availability over the last 24 hours: its counted GPUs' online buckets ÷ their measured buckets (buckets = gpus × each GPU's buckets); last24HrsAvailability is its ratio",
    ),
  dailyPoints: dailyPointsSchema,
  openEpoch: openEpochSchema.nullable().describe("the open epoch so far and the esHEU it is on course to grant (null without a reward configuration)"),
  idleGpus: z.number().int().describe("GPUs of the wallet that are idle (see miners.items[].idle): the same definition as the idle filter"),
  miners: paginatedSchema(walletMinerSchema),
});
export type WalletResponse = z.output<typeof walletResponseSchema>;
