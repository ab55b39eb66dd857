"use client";

// The wallet-dependent staking UI in one chunk, loaded on demand by ./lazy.tsx: wagmi, viem and
// the query client stay out of the pages' first load.
import type { PortalChainConfig } from "@/lib/chain/config";
import { ClaimPanel } from "@/components/rewards/claim-panel";
import { WalletProviders } from "@/components/wallet/wallet-providers";
import { MyStakes } from "./my-stakes";
import type { NodeSummary } from "./node-context";
import { StakePanel } from "./stake-panel";

export function StakePanelIsland({ chain, node }: { chain: PortalChainConfig; node: NodeSummary }) {
  return (
    <WalletProviders chain={chain}>
      <StakePanel node={node} />
    </WalletProviders>
  );
}

export function MyStakesIsland({ chain }: { chain: PortalChainConfig }) {
  return (
    <WalletProviders chain={chain}>
      <MyStakes />
    </WalletProviders>
  );
}

export function ClaimPanelIsland({ chain, wallet, nodes }: { chain: PortalChainConfig; wallet: string; nodes: string[] }) {
  return (
    <WalletProviders chain={chain}>
      <ClaimPanel wallet={wallet} nodes={nodes} />
    </WalletProviders>
  );
}
