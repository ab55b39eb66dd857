import "server-only";
import { chainEnv, serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { pool } from "../db";
import { followChain } from "./indexer";

const state = globalThis as unknown as { heuristIndexer?: AbortController };

/**
 * Runs the chain indexer inside this server process, on the app's own connection pool. That is
 * the only safe way on the embedded database (one session for everything), and saves a worker in
 * production; several servers doing it is safe too (each batch takes the cursor row's lock).
 * Off with CHAIN_INDEXER=off (then run `npm run indexer` as its own process).
 */
export function startInProcessIndexer(): void {
  const chain = chainEnv();
  if (!chain.contracts || serverEnv().CHAIN_INDEXER === "off" || state.heuristIndexer) return;
  state.heuristIndexer = new AbortController();
  log().info({ component: "indexer", chainId: chain.chainId, confirmations: chain.confirmations }, "following the chain in-process");
  void followChain({ chain: { ...chain, contracts: chain.contracts }, pool: pool(), signal: state.heuristIndexer.signal });
}
