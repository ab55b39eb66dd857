// GET /api/v1/epochs, /api/v1/epochs/{epoch}, /api/v1/epochs/{epoch}/rewards: weekly epochs and
// what each wallet earned in them. Token amounts are HEU as decimal strings (exact to the wei).
import { z } from "zod";
import { walletAddressSchema } from "./ids";
import { isoDateTime } from "./query";

const heu = z
  .string()
  .regex(/^-?\d+(\.\d{1,18})?$/)
  .describe("HEU as a decimal string, exact to 10⁻¹⁸");

export const epochParamsSchema = z.object({
  epoch: z.coerce.number({ error: "epoch must be a number" }).int("epoch must be a whole number").min(0, "epoch must be ≥ 0").max(100_000, "epoch must be ≤ 100000"),
});

export const epochRewardsQuerySchema = z.object({ wallet: walletAddressSchema });

export const epochSummarySchema = z.object({
  epoch: z.number().int(),
  startsAt: isoDateTime,
  endsAt: isoDateTime,
  status: z.enum(["settled", "open"]).describe("open: points still accrue and pools are provisional"),
  waifuPool: heu,
  llamaPool: heu,
  waifuPoints: z.number(),
  llamaPoints: z.number(),
  /** Points from entries reported after their own epoch was settled, and corrections. */
  latePoints: z.number(),
  adjustmentPoints: z.number(),
  minerCount: z.number().int(),
  settledAt: isoDateTime.nullable(),
});
export type EpochSummary = z.output<typeof epochSummarySchema>;

export const epochListSchema = z.object({ items: z.array(epochSummarySchema) });

export const epochDetailSchema = epochSummarySchema.extend({
  config: z.object({
    waifuBase: heu,
    llamaBase: heu,
    waifuPerPoint: heu,
    llamaPerPoint: heu,
    esHeuWeight: z.number().describe("how much esHEU stake weighs in a node's bribe split against HEU (1.25: 100 esHEU count as 125 HEU)"),
    effectiveEpoch: z.number().int(),
  }),
  topMiners: z.array(z.object({ minerId: z.string(), wallet: z.string(), waifuPoints: z.number(), llamaPoints: z.number(), tokens: heu })),
});
export type EpochDetail = z.output<typeof epochDetailSchema>;

export const minerRewardSchema = z.object({
  minerId: z.string(),
  waifuPoints: z.number(),
  llamaPoints: z.number(),
  waifuTokens: heu,
  llamaTokens: heu,
  bribeBps: z.number().int(),
  operatorTokens: heu.describe("what the node's operator keeps after the bribe"),
  stakersTokens: heu,
});

export const stakerRewardSchema = z.object({ minerId: z.string(), tokens: heu, weight: z.string().describe("time-weighted stake, wei × seconds") });

export const epochRewardsSchema = z.object({
  epoch: z.number().int(),
  wallet: z.string(),
  status: z.enum(["settled", "open"]),
  asMiner: z.array(minerRewardSchema),
  asStaker: z.array(stakerRewardSchema),
  total: heu.describe("esHEU granted to the wallet for this epoch (operator share + staker share)"),
});
export type EpochRewards = z.output<typeof epochRewardsSchema>;
