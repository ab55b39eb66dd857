// The chain the portal follows (GET /api/v1/chain), what a staker has staked (GET
// /api/v1/stakers/{address}) and a node's bribe history (GET /api/v1/miners/{minerId}/bribes).
// Amounts come twice: as HEU numbers for display and as exact wei strings.
import { z } from "zod";
import { minerIdSchema, walletAddressSchema } from "./ids";
import { isoDateTime } from "./query";

const address = z
  .string()
  .regex(/^0x[0-9a-f]{40}$/)
  .describe("lower-cased 0x address");
const wei = z.string().regex(/^\d+$/).describe("exact amount in wei (10⁻¹⁸ HEU), as a decimal string");
const heu = z.number().min(0).describe("the same amount in HEU, for display");

export const chainConfigSchema = z.object({
  chainId: z.number().int().positive(),
  rpcUrl: z.string().describe("JSON-RPC a browser wallet should use for this chain (CHAIN_PUBLIC_RPC_URL)"),
  contracts: z
    .object({
      heu: address,
      esHeu: address,
      imaginaries: address,
      stakingMarket: address,
      rewardDistributor: address.nullable().describe("the epochs' reward distributor; null when none is configured"),
    })
    .nullable()
    .describe("null when no contracts are configured: NFT counts and stakes are then zero everywhere"),
  confirmations: z.number().int().min(0).describe("blocks an event must be buried under before the indexer applies it"),
  indexedBlock: z.number().int().nullable().describe("last block the indexer applied; null before its first batch"),
  indexedBlockTime: isoDateTime.nullable().describe("timestamp of that block"),
  indexedAt: isoDateTime.nullable().describe("when the indexer last committed"),
});
export type ChainConfigResponse = z.output<typeof chainConfigSchema>;

export const stakerParamsSchema = z.object({ address: walletAddressSchema.describe("0x + 40 hex (case-insensitive)") });

export const STAKE_TOKENS = ["HEU", "esHEU"] as const;

export const stakePositionSchema = z.object({
  minerId: z.string(),
  token: z.enum(STAKE_TOKENS),
  amount: heu,
  amountWei: wei,
  nodeStake: heu.describe("the node's total stake (all stakers, both tokens), HEU"),
});

export const LOCK_STATUSES = ["locked", "unlocked", "withdrawn"] as const;

export const stakeLockSchema = z.object({
  lockId: z.string().regex(/^\d+$/).describe("the StakingMarket lock id (uint256 as a decimal string)"),
  minerId: z.string().describe("the node the HEU was unstaked from"),
  amount: heu,
  amountWei: wei,
  createdAt: isoDateTime,
  unlockAt: isoDateTime.describe("from then on `withdraw(lockId)` pays the HEU back"),
  withdrawnAt: isoDateTime.nullable(),
  status: z.enum(LOCK_STATUSES).describe("locked until unlockAt, then unlocked (withdrawable) until withdrawn"),
});

const total = (what: string) => z.object({ amount: heu, amountWei: wei }).describe(what);

export const stakerResponseSchema = z.object({
  address,
  asOf: isoDateTime.describe("the time statuses are judged at: the later of server time and the last indexed block's time"),
  indexedBlock: z.number().int().nullable(),
  positions: z.array(stakePositionSchema).describe("non-zero stakes, largest first"),
  locks: z.array(stakeLockSchema).describe("unstaked HEU, newest first"),
  totals: z.object({
    staked: total("HEU + esHEU staked now"),
    stakedHeu: total("HEU staked now"),
    stakedEsHeu: total("esHEU staked now"),
    locked: total("unstaked HEU still locked"),
    withdrawable: total("unstaked HEU past its unlock date, not yet withdrawn"),
  }),
});
export type StakerResponse = z.output<typeof stakerResponseSchema>;

export const bribeParamsSchema = z.object({
  minerId: minerIdSchema.describe("wallet address with an optional -tag, e.g. 0xabc…-4090rig (case-insensitive)"),
});

export const BRIBE_STATUSES = ["in_force", "pending", "superseded"] as const;

export const bribeEntrySchema = z.object({
  bps: z.number().int().min(0).max(10_000).describe("share of the node's rewards paid to its stakers, in basis points"),
  effectiveEpoch: z.number().int(),
  effectiveAt: isoDateTime.describe("start of the epoch it applies from (Friday 00:00 UTC)"),
  setAt: isoDateTime.describe("block time of the BribeSet transaction"),
  blockNumber: z.number().int(),
  status: z.enum(BRIBE_STATUSES).describe("superseded: replaced, either after it was in force or before its epoch began"),
  inForceFrom: isoDateTime.nullable().describe("null when a later set for the same epoch replaced it before it applied"),
  inForceUntil: isoDateTime.nullable(),
});

export const bribeCutSchema = z
  .object({
    fromBps: z.number().int().describe("the highest bribe in force during the last 30 days"),
    toBps: z.number().int().describe("the lower bribe now in force or pending"),
    effectiveAt: isoDateTime,
    pending: z.boolean().describe("true while the cut has not taken effect"),
  })
  .describe("present when the bribe in force or pending is lower than one in force during the last 30 days");

export const bribeHistoryResponseSchema = z.object({
  minerId: z.string(),
  operator: address.describe("the wallet the miner ID starts with: the only address that can set its bribe"),
  asOf: isoDateTime,
  currentBps: z.number().int().nullable().describe("the bribe in force; null when none has taken effect (stakers then get 0)"),
  currentSince: isoDateTime.nullable(),
  pending: z.object({ bps: z.number().int(), effectiveEpoch: z.number().int(), effectiveAt: isoDateTime }).nullable(),
  recentCut: bribeCutSchema.nullable(),
  history: z.array(bribeEntrySchema).describe("every BribeSet, newest first"),
});
export type BribeHistoryResponse = z.output<typeof bribeHistoryResponseSchema>;
