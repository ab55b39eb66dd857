// The chain the portal follows (CHAIN_*, the contracts' *_ADDRESS variables, the indexer's pace).
import { z } from "zod";
import { parseOrThrow, type EnvVars } from "./parse";

const address = (name: string) =>
  z
    .string()
    .regex(/^0x[0-9a-fA-F]{40}$/, `${name} must be a 0x address (40 hex digits)`)
    .transform((a) => a.toLowerCase() as `0x${string}`);

const chainSchema = z
  .object({
    CHAIN_ID: z.coerce.number().int().positive().default(31337),
    /** JSON-RPC the server (indexer) reads; the browser's wallet uses its own. */
    CHAIN_RPC_URL: z.url("CHAIN_RPC_URL must be a URL").default("http://127.0.0.1:8545"),
    /** JSON-RPC a wallet is told to add for this chain; defaults to CHAIN_RPC_URL. */
    CHAIN_PUBLIC_RPC_URL: z.url("CHAIN_PUBLIC_RPC_URL must be a URL").optional(),
    HEU_ADDRESS: address("HEU_ADDRESS").optional(),
    ESHEU_ADDRESS: address("ESHEU_ADDRESS").optional(),
    IMAGINARIES_ADDRESS: address("IMAGINARIES_ADDRESS").optional(),
    STAKING_MARKET_ADDRESS: address("STAKING_MARKET_ADDRESS").optional(),
    /** The epochs' Merkle distributor (decision 0030); needs the other four. Unset: rewards are not published or claimed on chain. */
    REWARD_DISTRIBUTOR_ADDRESS: address("REWARD_DISTRIBUTOR_ADDRESS").optional(),
    /** First block the indexer reads (the deployment block). */
    CHAIN_START_BLOCK: z.coerce.bigint().min(0n).default(0n),
    /** Blocks an event must be buried under before the indexer applies it. */
    CHAIN_CONFIRMATIONS: z.coerce.number().int().min(0).max(1000).default(2),
    CHAIN_POLL_MS: z.coerce.number().int().min(10).max(600_000).default(1000),
    /** Blocks per eth_getLogs request (and per database transaction). */
    INDEXER_BATCH_BLOCKS: z.coerce.number().int().min(1).max(100_000).default(2000),
    /** Longest one indexer job follows the chain before the next job takes over (graphile-worker unlocks any job locked 4 h). */
    INDEXER_CHUNK_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  })
  .refine((e) => [e.HEU_ADDRESS, e.ESHEU_ADDRESS, e.IMAGINARIES_ADDRESS, e.STAKING_MARKET_ADDRESS].filter(Boolean).length % 4 === 0, {
    message: "HEU_ADDRESS, ESHEU_ADDRESS, IMAGINARIES_ADDRESS and STAKING_MARKET_ADDRESS are set together (or none of them)",
  })
  .refine((e) => !e.REWARD_DISTRIBUTOR_ADDRESS || e.STAKING_MARKET_ADDRESS, {
    message: "REWARD_DISTRIBUTOR_ADDRESS needs HEU_ADDRESS, ESHEU_ADDRESS, IMAGINARIES_ADDRESS and STAKING_MARKET_ADDRESS",
  });

export interface ChainContracts {
  heu: `0x${string}`;
  esHeu: `0x${string}`;
  imaginaries: `0x${string}`;
  stakingMarket: `0x${string}`;
  /** null: no distributor configured (REWARD_DISTRIBUTOR_ADDRESS). */
  rewardDistributor: `0x${string}` | null;
}

export interface ChainEnv {
  chainId: number;
  rpcUrl: string;
  publicRpcUrl: string;
  /** null when no contracts are configured: NFT counts and stakes are then zero everywhere. */
  contracts: ChainContracts | null;
  startBlock: bigint;
  confirmations: number;
  pollMs: number;
  batchBlocks: number;
  /** The worker's indexer job length (INDEXER_CHUNK_SECONDS). */
  chunkMs: number;
}

/** The chain the portal follows, from CHAIN_* and the *_ADDRESS variables of `env` (./index.ts passes the environment and keeps the result). */
export function parseChainEnv(env: EnvVars): ChainEnv {
  const e = parseOrThrow(chainSchema, env, "chain");
  return {
    chainId: e.CHAIN_ID,
    rpcUrl: e.CHAIN_RPC_URL,
    publicRpcUrl: e.CHAIN_PUBLIC_RPC_URL ?? e.CHAIN_RPC_URL,
    contracts: e.STAKING_MARKET_ADDRESS
      ? {
          heu: e.HEU_ADDRESS!,
          esHeu: e.ESHEU_ADDRESS!,
          imaginaries: e.IMAGINARIES_ADDRESS!,
          stakingMarket: e.STAKING_MARKET_ADDRESS,
          rewardDistributor: e.REWARD_DISTRIBUTOR_ADDRESS ?? null,
        }
      : null,
    startBlock: e.CHAIN_START_BLOCK,
    confirmations: e.CHAIN_CONFIRMATIONS,
    pollMs: e.CHAIN_POLL_MS,
    batchBlocks: e.INDEXER_BATCH_BLOCKS,
    chunkMs: e.INDEXER_CHUNK_SECONDS * 1000,
  };
}
