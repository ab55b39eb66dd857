// GET /api/v1/miners/{minerId}/history: a node's last 30 UTC days as a staker weighs it: its
// availability and on-time rate per day, its total stake over time and its bribe history.
import { z } from "zod";
import { availability24hSchema, onTime24hSchema } from "./activity";
import { isoDateTime } from "./query";
import { bribeHistoryResponseSchema } from "./staking";

/** Days of history the miner page and the market's compare view show. */
export const NODE_HISTORY_DAYS = 30;

export const nodeHistoryDaySchema = z.object({
  date: z.iso.date().describe("UTC day, YYYY-MM-DD"),
  from: isoDateTime.describe("start of the day"),
  to: isoDateTime.describe("end of what was measured: the next midnight, or for today the start of the current 5-minute bucket"),
  availability: availability24hSchema.describe(
    "availability over [from, to): 5-minute buckets in which the router saw the node online ÷ buckets measured; hours before the router's heartbeats began count a received job as online (source jobs or mixed)",
  ),
  onTime: onTime24hSchema.describe("on-time rate of the day's hourly rollups: jobs completed within the timeout ÷ jobs received (not availability)"),
});
export type NodeHistoryDay = z.output<typeof nodeHistoryDaySchema>;

export const STAKE_POINT_KINDS = ["start", "change", "now"] as const;

export const stakePointSchema = z.object({
  at: isoDateTime,
  stakeWei: z.string().regex(/^\d+$/).describe("total stake on the node (both tokens, all stakers) from `at` on, in wei"),
  stake: z.number().min(0).describe("the same in stHEU, for display"),
  kind: z
    .enum(STAKE_POINT_KINDS)
    .describe("start: the stake in force when the window began (set by an earlier change); change: an indexed stake, unstake or move at `at`; now: the stake in force now"),
});
export type StakePoint = z.output<typeof stakePointSchema>;

export const nodeHistoryResponseSchema = z.object({
  minerId: z.string(),
  from: isoDateTime.describe(`start of the first of the ${NODE_HISTORY_DAYS} UTC days`),
  asOf: isoDateTime.describe("when the history was read"),
  days: z.array(nodeHistoryDaySchema).describe(`the last ${NODE_HISTORY_DAYS} UTC days, oldest first, today (so far) last`),
  stake: z
    .array(stakePointSchema)
    .describe(
      "total stake as a step series: each value holds until the next point; empty when the node was never staked on. Several changes at one instant are one point (the last)",
    ),
  bribes: bribeHistoryResponseSchema.describe("the node's whole bribe history, as GET /api/v1/miners/{minerId}/bribes answers it"),
});
export type NodeHistory = z.output<typeof nodeHistoryResponseSchema>;
