// The open epoch on GET /api/v1/wallets/{address} and /api/v1/miners/{minerId}: points so far and
// the esHEU settlement would grant if the epoch ended now. Amounts as esHEU numbers for display and
// exact wei strings, as in the staking API.
import { z } from "zod";
import { isoDateTime } from "./query";

const tokens = (what: string) =>
  z
    .object({
      amount: z.number().describe("esHEU, for display"),
      amountWei: z.string().regex(/^\d+$/).describe("exact, in wei (10⁻¹⁸ esHEU), as a decimal string"),
    })
    .describe(what);

const share = z.number().min(0).max(1).nullable().describe("points ÷ all points in that pool; null when the pool has no points yet");

export const openEpochSchema = z
  .object({
    epoch: z.number().int(),
    startsAt: isoDateTime,
    endsAt: isoDateTime.describe("the epoch settles after this (Friday 00:00 UTC)"),
    asOf: isoDateTime.describe("when these figures were read; points keep accruing until endsAt"),
    secondsLeft: z.number().int().min(0),
    waifuPoints: z.number().describe("points earned so far this epoch"),
    llamaPoints: z.number(),
    network: z.object({
      waifuPoints: z.number().describe("all Waifu Points earned in the network so far this epoch"),
      llamaPoints: z.number(),
      waifuPool: tokens("the Waifu pool for the points so far: base emission + an amount per point (provisional: it grows with points)"),
      llamaPool: tokens("the Llama pool, likewise"),
    }),
    waifuShare: share,
    llamaShare: share,
    waifuTokens: tokens("the Waifu pool × waifuShare, before bribes"),
    llamaTokens: tokens("the Llama pool × llamaShare, before bribes; waifuTokens + llamaTokens = tokens"),
    tokens: tokens("pool × share, both pools, before bribes"),
    toStakers: tokens("the bribe part of the nodes' tokens, paid to their stakers (bribe in force at the epoch's start, stake as held now)"),
    asMiner: tokens("tokens − toStakers: the operator's esHEU grant"),
    asStaker: tokens("wallets only: the wallet's share of the bribes of the nodes it stakes on").optional(),
    projected: tokens("asMiner + asStaker: the esHEU grant if the epoch ended now with no more jobs and no stake moved"),
    bribedNodes: z
      .array(z.object({ minerId: z.string(), bribeBps: z.number().int(), tokens: tokens("the node's pool shares"), toStakers: tokens("its bribe") }))
      .describe("the nodes (of this wallet, or this node) whose bribe pays stakers this epoch"),
    stakedNodes: z
      .array(
        z.object({
          minerId: z.string(),
          bribeBps: z.number().int(),
          nodeToStakers: tokens("the node's whole bribe"),
          weightShare: z.number().min(0).max(1).describe("the wallet's time-weighted share of the node's stake"),
          yours: tokens("the wallet's part"),
        }),
      )
      .optional()
      .describe("wallets only: nodes it stakes on whose bribe pays this epoch"),
  })
  .describe(
    "The open epoch, projected at the current rate: the provisional pools ÷ the network's points so far × these points, split as settlement splits (esHEU). It assumes the epoch ends now: more jobs of this wallet add to it, more network points share the base emission with more points. Jobs reported late for earlier epochs count at settlement, not here.",
  );
export type OpenEpoch = z.output<typeof openEpochSchema>;
