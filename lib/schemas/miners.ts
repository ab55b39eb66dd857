// GET /api/v1/miners/{minerId}: one mining node (one GPU).
import { z } from "zod";
import { minerIdSchema } from "./ids";
import { availability24hSchema, availabilityWindowShape, dailyPointsSchema, last24HrsShape, totalsShape } from "./activity";
import { openEpochSchema } from "./open-epoch";
import { daysQuery, isoDateTime } from "./query";

export const minerParamsSchema = z.object({
  minerId: minerIdSchema.describe("wallet address with an optional -tag, e.g. 0xabc…-4090rig (case-insensitive)"),
});

export const minerQuerySchema = z.object({ ...daysQuery });
export type MinerQuery = z.output<typeof minerQuerySchema>;

export const multipliersInForceSchema = z
  .object({
    scheduleId: z.string().describe("the reward schedule in force now"),
    hasBoostSlot: z.boolean().describe("whether this GPU holds one of its wallet's 3-per-NFT boost slots"),
    nftMultiplier: z.number().describe("e.g. 1.1; 1 without a slot"),
    stakeMultiplier: z.number().describe("from the schedule's stake curve at the node's current stake; 0 = inactive"),
  })
  .describe("what the next job of this node would be multiplied by");

export const minerResponseSchema = z.object({
  minerId: z.string(),
  wallet: z.string(),
  deviceTag: z.string().nullable(),
  hardware: z.string().nullable().describe("GPU model as last reported by the router"),
  firstSeenAt: isoDateTime,
  lastSeenAt: isoDateTime,
  ...totalsShape,
  ...last24HrsShape,
  availability24h: availability24hSchema
    .extend(availabilityWindowShape)
    .describe("measured availability over the last 24 hours with the sample it rests on; last24HrsAvailability is its ratio"),
  latencyMs: z.number().int().nullable().describe("moving average of inference latency (ms)"),
  stake: z.number().describe("stHEU delegated to this node"),
  nftCount: z.number().int().describe("Heurist Imaginaries NFTs held by the wallet"),
  multipliers: multipliersInForceSchema,
  dailyPoints: dailyPointsSchema,
  openEpoch: openEpochSchema.nullable().describe("the open epoch so far and the esHEU this node is on course to grant its operator (null without a reward configuration)"),
});
export type MinerResponse = z.output<typeof minerResponseSchema>;
