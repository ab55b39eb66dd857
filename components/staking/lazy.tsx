"use client";

import dynamic from "next/dynamic";
import { useState, type ReactNode } from "react";
import type { PortalChainConfig } from "@/lib/chain/config";
import { useWasConnected } from "@/components/wallet/use-was-connected";
import type { NodeSummary } from "./node-context";

const loading = () => (
  <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
    Loading wallet…
  </p>
);
const StakePanelIsland = dynamic(() => import("./islands").then((m) => m.StakePanelIsland), { ssr: false, loading });
const MyStakesIsland = dynamic(() => import("./islands").then((m) => m.MyStakesIsland), { ssr: false, loading });
const ClaimPanelIsland = dynamic(() => import("./islands").then((m) => m.ClaimPanelIsland), { ssr: false, loading });

/**
 * Shows `button` until the visitor asks for the wallet UI; a visitor whose wallet is remembered
 * (wagmi's cookie), or a page that says `eager`, gets it at once.
 */
function OnDemand({ eager, label, children }: { eager?: boolean; label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const remembered = useWasConnected();
  if (open || eager || remembered) return <>{children}</>;
  return (
    <button
      type="button"
      onClick={() => setOpen(true)}
      className="h-10 rounded-md bg-zinc-900 px-4 text-sm font-medium text-white hover:bg-zinc-700 focus-visible:outline-2 focus-visible:outline-offset-2 dark:bg-zinc-100 dark:text-zinc-900 dark:hover:bg-zinc-300"
    >
      {label}
    </button>
  );
}

export function LazyStakePanel({ chain, node, eager }: { chain: PortalChainConfig; node: NodeSummary; eager?: boolean }) {
  return (
    <OnDemand eager={eager} label="Connect a wallet to stake">
      <StakePanelIsland chain={chain} node={node} />
    </OnDemand>
  );
}

export function LazyMyStakes({ chain }: { chain: PortalChainConfig }) {
  return (
    <OnDemand label="Connect a wallet to see your stakes">
      <MyStakesIsland chain={chain} />
    </OnDemand>
  );
}

export function LazyClaimPanel({ chain, wallet, nodes }: { chain: PortalChainConfig; wallet: string; nodes: string[] }) {
  return (
    <OnDemand label="Connect this wallet to claim">
      <ClaimPanelIsland chain={chain} wallet={wallet} nodes={nodes} />
    </OnDemand>
  );
}
