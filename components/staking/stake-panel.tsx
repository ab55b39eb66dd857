"use client";

import { useState } from "react";
import { useAccount } from "wagmi";
import { shortId } from "@/lib/format";
import { formatTokenAmount } from "@/lib/market/amount";
import type { PortalContracts } from "@/lib/chain/config";
import { BribeForm } from "./bribe-form";
import { ConnectGate } from "./connect-gate";
import { operatorOf } from "./contracts";
import { MoveForm } from "./move-form";
import type { NodeSummary } from "./node-context";
import { StakeForm } from "./stake-form";
import { Tabs, type Tab } from "./tabs";
import { TxStatus } from "./tx-status";
import { UnstakeForm } from "./unstake-form";
import { useChainNow, useNodePosition, useWalletTokens } from "./use-staking-reads";
import { useTxFlow } from "./use-tx-flow";

type Action = "stake" | "unstake" | "move" | "bribe";

/** Stake on one node, unstake, move, and for its operator set the bribe: the connected wallet acts. */
export function StakePanel({ node }: { node: NodeSummary }) {
  return (
    <ConnectGate intro="Connect the wallet you stake from to stake on this node.">
      {({ address, contracts }) => <Actions node={node} address={address} contracts={contracts} />}
    </ConnectGate>
  );
}

function Actions({ node, address, contracts }: { node: NodeSummary; address: `0x${string}`; contracts: PortalContracts }) {
  const { isConnected } = useAccount();
  const tokens = useWalletTokens(contracts);
  const position = useNodePosition(contracts, node.minerId);
  const chainNow = useChainNow();
  const tx = useTxFlow();
  const isOperator = operatorOf(node.minerId) === address.toLowerCase();
  const [action, setAction] = useState<Action>("stake");
  const tabs: Tab<Action>[] = [
    { key: "stake", label: "Stake" },
    { key: "unstake", label: "Unstake" },
    { key: "move", label: "Move" },
    ...(isOperator ? [{ key: "bribe" as const, label: "Set bribe" }] : []),
  ];

  if (!isConnected) return null;
  return (
    <div className="space-y-4">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Wallet</dt>
          <dd className="font-mono">{shortId(address)}</dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">In wallet</dt>
          <dd className="tabular-nums">
            {formatTokenAmount(tokens.balance[0])} HEU · {formatTokenAmount(tokens.balance[1])} esHEU
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Your stake here</dt>
          <dd className="tabular-nums">
            {formatTokenAmount(position.staked[0])} HEU · {formatTokenAmount(position.staked[1])} esHEU
          </dd>
        </div>
        <div>
          <dt className="text-xs text-zinc-600 dark:text-zinc-400">Node stake on chain</dt>
          <dd className="tabular-nums">{formatTokenAmount(position.nodeStake)} stHEU</dd>
        </div>
      </dl>
      <Tabs
        label="Staking actions"
        tabs={tabs}
        value={action}
        onChange={(a) => {
          setAction(a);
          if (!tx.busy) tx.reset();
        }}
      >
        {action === "stake" && <StakeForm node={node} contracts={contracts} tokens={tokens} tx={tx} />}
        {action === "unstake" && <UnstakeForm minerId={node.minerId} contracts={contracts} staked={position.staked} chainNow={chainNow} tx={tx} />}
        {action === "move" && <MoveForm minerId={node.minerId} contracts={contracts} staked={position.staked} tx={tx} />}
        {action === "bribe" && isOperator && <BribeForm node={node} contracts={contracts} chainNow={chainNow} tx={tx} />}
      </Tabs>
      {!isOperator ? (
        <p className="text-xs text-zinc-600 dark:text-zinc-400">Only the node&apos;s operator, wallet {shortId(operatorOf(node.minerId))}, can set its bribe.</p>
      ) : null}
      <TxStatus state={tx.state} />
    </div>
  );
}
