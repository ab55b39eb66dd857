"use client";

import type { Address } from "viem";
import { useAccount, useBlock, useReadContracts } from "wagmi";
import { esHeuAbi, heuAbi, stakingMarketAbi } from "@/lib/chain/abi";
import type { PortalContracts } from "@/lib/chain/config";
import { nodeIdOf } from "./contracts";
import { useClock } from "./countdown";

const ZERO = "0x0000000000000000000000000000000000000000" as Address;

/** The connected wallet's HEU and esHEU balances and what it allows the StakingMarket to spend. */
export function useWalletTokens(c: PortalContracts) {
  const { address } = useAccount();
  const who = address ?? ZERO;
  const q = useReadContracts({
    contracts: [
      { address: c.heu, abi: heuAbi, functionName: "balanceOf", args: [who] },
      { address: c.esHeu, abi: esHeuAbi, functionName: "balanceOf", args: [who] },
      { address: c.heu, abi: heuAbi, functionName: "allowance", args: [who, c.stakingMarket] },
      { address: c.esHeu, abi: esHeuAbi, functionName: "allowance", args: [who, c.stakingMarket] },
    ],
    allowFailure: false,
    query: { enabled: !!address },
  });
  const [heu, esHeu, heuAllowance, esHeuAllowance] = q.data ?? [];
  return {
    loading: q.isLoading,
    error: q.error,
    balance: [heu ?? 0n, esHeu ?? 0n] as const,
    allowance: [heuAllowance ?? 0n, esHeuAllowance ?? 0n] as const,
  };
}

/** The connected wallet's stake in one node per token, and the node's on-chain total. */
export function useNodePosition(c: PortalContracts, minerId: string) {
  const { address } = useAccount();
  const who = address ?? ZERO;
  const nodeId = nodeIdOf(minerId);
  const q = useReadContracts({
    contracts: [
      { address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stakeOf", args: [nodeId, who, 0] },
      { address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stakeOf", args: [nodeId, who, 1] },
      { address: c.stakingMarket, abi: stakingMarketAbi, functionName: "nodeStake", args: [nodeId] },
    ],
    allowFailure: false,
    query: { enabled: !!address },
  });
  const [heu, esHeu, node] = q.data ?? [];
  return { loading: q.isLoading, staked: [heu ?? 0n, esHeu ?? 0n] as const, nodeStake: node ?? 0n };
}

/**
 * "Now" as the chain sees it (ms, ticking each second; null before mount): the latest block's time
 * when it is ahead of this computer's clock (a test chain moved forward), else the clock. Locks and
 * epochs are judged by block time.
 */
export function useChainNow(): number | null {
  const block = useBlock({ watch: true });
  const clock = useClock();
  const blockMs = block.data ? Number(block.data.timestamp) * 1000 : 0;
  return clock === null ? null : Math.max(clock, blockMs);
}
