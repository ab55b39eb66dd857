import "server-only";
import { chainEnv } from "@/lib/env";
import type { ChainConfigResponse } from "@/lib/schemas/staking";
import type pg from "pg";
import { readPool } from "../db";
import { chainCursor } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

export interface IndexedHead {
  block: number | null;
  blockTime: Date | null;
  updatedAt: Date | null;
}

/** Where the chain indexer stands (its cursor), or nulls before its first batch; a snapshot rebuild passes the primary. */
export async function indexedHead(db: pg.Pool | pg.ClientBase = readPool()): Promise<IndexedHead> {
  const [r] = await queryTyped(db, chainCursor("main"));
  return r ? { block: Number(r.block_number), blockTime: r.block_time, updatedAt: r.updated_at } : { block: null, blockTime: null, updatedAt: null };
}

/**
 * The time chain rules (lock expiry, bribe epochs) are judged at: the later of the server clock and
 * the last indexed block. They agree on a live chain; a test chain moved ahead (evm_increaseTime)
 * is ahead of the clock, and the contract goes by block time.
 */
export function chainTime(head: IndexedHead, now: Date): Date {
  return head.blockTime && head.blockTime.getTime() > now.getTime() ? head.blockTime : now;
}

/** The runtime chain configuration a browser wallet needs, plus the indexer's progress. */
export async function getChainStatus(): Promise<ChainConfigResponse> {
  const chain = chainEnv();
  const head = await indexedHead();
  return {
    chainId: chain.chainId,
    rpcUrl: chain.publicRpcUrl,
    contracts: chain.contracts,
    confirmations: chain.confirmations,
    indexedBlock: head.block,
    indexedBlockTime: head.blockTime?.toISOString() ?? null,
    indexedAt: head.updatedAt?.toISOString() ?? null,
  };
}
