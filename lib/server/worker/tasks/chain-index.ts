import "server-only";
import { chainEnv, serverEnv } from "@/lib/env";
import { followChain } from "../../chain/indexer";
import { forAtMost } from "../chunk";
import type { WorkerTask } from "../task";

/**
 * The chain indexer, in chunks: each job follows the chain (index to the confirmed head, wait
 * CHAIN_POLL_MS, again) for INDEXER_CHUNK_SECONDS (a minute) or until shutdown, then the next job takes over at once.
 * Every batch commits with the cursor, so a chunk cut anywhere loses nothing.
 */
export function chainIndexTask(): WorkerTask {
  const chain = chainEnv();
  const contracts = chain.contracts;
  return {
    name: "chain-index",
    enabled: contracts !== null && serverEnv().CHAIN_INDEXER === "on",
    schedule: { every: { everyMs: 0 } },
    async run({ pool, signal }) {
      if (!contracts) return;
      await forAtMost(signal, chain.chunkMs, (chunk) => followChain({ chain: { ...chain, contracts }, pool, signal: chunk }));
    },
  };
}
