// GET /api/v1/wallets/{address}: a reward wallet and its GPUs (1 to 2,500+ of them).
import { z } from "zod";
import { walletAddressSchema, withoutNul } from "./jobs";
import { dailyPointsSchema, last24HrsShape, totalsShape } from "./activity";
import { daysQuery, isoDateTime, pageQuery, paginatedSchema } from "./query";

export const walletParamsSchema = z.object({ address: walletAddressSchema.describe("0x + 40 hex (case-insensitive)") });

export const WALLET_MINER_SORTS = ["totalWaifuPoints", "totalLlamaPoints", "lastSeenAt", "firstSeenAt", "minerId", "hardware"] as const;
export type WalletMinerSort = (typeof WALLET_MINER_SORTS)[number];

export const walletQuerySchema = z.object({
  ...pageQuery,
  ...daysQuery,
  sort: z.enum(WALLET_MINER_SORTS, { error: `sort must be one of ${WALLET_MINER_SORTS.join(", ")}` }).default("totalWaifuPoints"),
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
  last24HrsAvailability: z.number().nullable(),
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
  dailyPoints: dailyPointsSchema,
  miners: paginatedSchema(walletMinerSchema),
});
export type WalletResponse = z.output<typeof walletResponseSchema>;
