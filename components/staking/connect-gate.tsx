"use client";

import type { ReactNode } from "react";
import { useAccount } from "wagmi";
import type { PortalContracts } from "@/lib/chain/config";
import { usePortalChain } from "@/components/wallet/chain-context";
import { ConnectOptions, useWrongNetwork, WrongNetworkPrompt } from "@/components/wallet/connect-options";

/** Renders `children` only for a connected wallet on the portal's chain with contracts configured. */
export function ConnectGate({ intro, children }: { intro: string; children: (ctx: { address: `0x${string}`; contracts: PortalContracts }) => ReactNode }) {
  const { address, isConnected } = useAccount();
  const { config } = usePortalChain();
  const wrongNetwork = useWrongNetwork();
  if (!config.contracts) {
    return <p className="text-sm text-zinc-700 dark:text-zinc-300">This portal is not connected to staking contracts, so staking from a wallet is off.</p>;
  }
  if (!isConnected || !address) return <ConnectOptions intro={intro} />;
  if (wrongNetwork) return <WrongNetworkPrompt />;
  return <>{children({ address, contracts: config.contracts })}</>;
}
