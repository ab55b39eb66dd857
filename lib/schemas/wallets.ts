// GET /api/v1/wallets/{address}: a reward wallet and its GPUs (1 to 2,500+ of them).
import { z } from "zod";
import { walletAddressSchema, withoutNul } from "./jobs";
import { availability24hSchema, availabilityWindowShape, dailyPointsSchema, last24HrsShape, onTime24hSchema, totalsShape } from "./activity";
import { openEpochSchema } from "./open-epoch";
import { daysQuery, isoDateTime, pageQuery, paginatedSchema } from "./query";

export const walletParamsSchema = z.object({ address: walletAddressSchema.describe("0x + 40 hex (case-insensitive)") });

export const WALLET_MINER_SORTS = ["totalWaifuPoints", "totalLlamaPoints", "lastSeenAt", "firstSeenAt", "minerId", "hardware", "availability24h"] as const;
export type WalletMinerSort = (typeof WALLET_MINER_SORTS)[number];

/** A wallet's headline availability counts GPUs with a received job this recently, or online in the window. */
export const ACTIVE_GPU_DAYS = 7;

export const walletQuerySchema = z.object({
  ...pageQuery,
  ...daysQuery,
  sort: z
    .enum(WALLET_MINER_SORTS, { error: `sort must be one of ${WALLET_MINER_SORTS.join(", ")}` })
    .default("totalWaifuPoints")
    .describe("availability24h: by availability over the last 24 hours; ties by miner ID"),
  order: z.enum(["asc", "desc"], { error: "order must be asc or desc" }).default("desc"),
  q: z.string().trim().max(100, "q is at most 100 characters").refine(...withoutNul("q")).optional().describe("keeps miners whose ID or hardware contains this text (case-insensitive)"),
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
      gpus: z.number().int().describe(`GPUs counted: those with a received job in the last ${ACTIVE_GPU_DAYS} days or online in the window (GPUs retired before that are left out)`),
    })
    .describe("the wallet's measured availability over the last 24 hours: its counted GPUs' online buckets ÷ their measured buckets (buckets = gpus × each GPU's buckets); last24HrsAvailability is its ratio"),
  dailyPoints: dailyPointsSchema,
  openEpoch: openEpochSchema.nullable().describe("the open epoch so far and the esHEU it is on course to grant (null without a reward configuration)"),
  miners: paginatedSchema(walletMinerSchema),
});
export type WalletResponse = z.output<typeof walletResponseSchema>;
