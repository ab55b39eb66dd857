"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useCallback, useRef, useState } from "react";
import type { Hash } from "viem";
import { useConfig } from "wagmi";
import { simulateContract, waitForTransactionReceipt, writeContract } from "wagmi/actions";
import { describeTxError } from "@/lib/market/tx-errors";
import { chainConfigKey, chainStatusKey, fetchChainStatus } from "@/components/wallet/chain-queries";
import type { ContractCall } from "./contracts";

export type TxState =
  | { kind: "idle" }
  | { kind: "signing"; label: string; step: number; steps: number }
  | { kind: "pending"; label: string; step: number; steps: number; hash: Hash }
  | { kind: "indexing"; label: string; hash: Hash; block: bigint; indexedBlock: number | null }
  | { kind: "done"; label: string; hash: Hash; block: bigint; indexed: boolean }
  | { kind: "failed"; label: string; message: string };

const INDEX_POLL_MS = 700;
const INDEX_WAIT_MS = 120_000;

/**
 * Runs contract calls one after another: each is simulated first (a revert is explained before the
 * wallet asks for a signature), signed, and waited for. Afterwards wallet reads refresh at once,
 * and the server-rendered tables once the indexer has read the receipt's block.
 */
export function useTxFlow() {
  const config = useConfig();
  const client = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<TxState>({ kind: "idle" });
  const running = useRef(false);

  const run = useCallback(
    async (calls: ContractCall[], summary: string): Promise<boolean> => {
      if (running.current || calls.length === 0) return false;
      running.current = true;
      let label = calls[0]!.label;
      try {
        let hash: Hash | undefined;
        let block = 0n;
        for (const [i, call] of calls.entries()) {
          label = call.label;
          setState({ kind: "signing", label, step: i + 1, steps: calls.length });
          const { address, abi, functionName, args } = call;
          const { request } = await simulateContract(config, { address, abi, functionName, args } as unknown as Parameters<typeof simulateContract>[1]);
          hash = await writeContract(config, request as unknown as Parameters<typeof writeContract>[1]);
          setState({ kind: "pending", label, step: i + 1, steps: calls.length, hash });
          const receipt = await waitForTransactionReceipt(config, { hash });
          if (receipt.status !== "success") throw new Error("The transaction reverted on chain.");
          block = receipt.blockNumber;
          // Balances, allowances and on-chain stake are read straight from the chain: refresh now.
          await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== chainConfigKey[0] && q.queryKey[0] !== chainStatusKey[0] });
        }
        setState({ kind: "indexing", label: summary, hash: hash!, block, indexedBlock: null });
        const indexed = await waitForIndexer(block, (indexedBlock) => setState({ kind: "indexing", label: summary, hash: hash!, block, indexedBlock }));
        // Read from the portal's API: fresh once the indexer has the block.
        await client.invalidateQueries({ predicate: (q) => q.queryKey[0] === "staker" || q.queryKey[0] === "bribes" || q.queryKey[0] === "claims" });
        router.refresh();
        setState({ kind: "done", label: summary, hash: hash!, block, indexed });
        return true;
      } catch (err) {
        setState({ kind: "failed", label, message: describeTxError(err) });
        return false;
      } finally {
        running.current = false;
      }
    },
    [client, config, router],
  );

  const reset = useCallback(() => setState({ kind: "idle" }), []);
  const busy = state.kind === "signing" || state.kind === "pending" || state.kind === "indexing";
  return { state, run, reset, busy };
}

/** Polls /api/v1/chain until the indexer has applied `block` (true) or the wait runs out (false). */
async function waitForIndexer(block: bigint, onProgress: (indexedBlock: number | null) => void): Promise<boolean> {
  const deadline = Date.now() + INDEX_WAIT_MS;
  while (Date.now() < deadline) {
    const status = await fetchChainStatus().catch(() => null);
    if (status) onProgress(status.indexedBlock);
    if (status?.indexedBlock != null && BigInt(status.indexedBlock) >= block) return true;
    await new Promise((r) => setTimeout(r, INDEX_POLL_MS));
  }
  return false;
}
