"use client";

import { useState } from "react";
import { formatUnits } from "viem";
import { formatInt, formatMultiplier, formatPercent, formatPoints, formatYieldPercent } from "@/lib/format";
import { formatTokenAmount } from "@/lib/market/amount";
import { estimateStakerYield } from "@/lib/market/yield";
import { ppmToNumber, stakeMultiplierPpm } from "@/lib/points";
import type { PortalContracts } from "@/lib/chain/config";
import { marketCalls, tokenName, type TokenId } from "./contracts";
import { AmountField, noteClass, primaryButton, TokenChoice } from "./fields";
import { parseWithin } from "./limit";
import type { NodeSummary } from "./node-context";
import type { useTxFlow } from "./use-tx-flow";
import type { useWalletTokens } from "./use-staking-reads";

export function StakeForm({
  node,
  contracts,
  tokens,
  tx,
}: {
  node: NodeSummary;
  contracts: PortalContracts;
  tokens: ReturnType<typeof useWalletTokens>;
  tx: ReturnType<typeof useTxFlow>;
}) {
  const [token, setToken] = useState<TokenId>(0);
  const [value, setValue] = useState("");
  const balance = tokens.balance[token];
  const parsed = parseWithin(value, balance, `your ${tokenName(token)} balance`);
  const amount = parsed?.ok ? parsed.value : null;
  const needsApproval = amount !== null && tokens.allowance[token] < amount;
  const calls = marketCalls(contracts);

  const submit = async () => {
    if (amount === null) return;
    const steps = [...(needsApproval ? [calls.approve(token, amount)] : []), calls.stake(node.minerId, token, amount)];
    if (await tx.run(steps, `Stake ${formatTokenAmount(amount)} ${tokenName(token)}`)) setValue("");
  };

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <TokenChoice value={token} onChange={setToken} detail={(t) => `${formatTokenAmount(tokens.balance[t])} in wallet`} />
      <AmountField label={`Amount to stake (${tokenName(token)})`} value={value} onChange={setValue} parsed={parsed} max={balance} maxLabel={`Wallet balance`} />
      <p className={noteClass}>
        The staking market may spend {formatTokenAmount(tokens.allowance[token])} of your {tokenName(token)}.
        {needsApproval ? ` Staking this amount first asks you to approve ${formatTokenAmount(amount!)} ${tokenName(token)}, then to stake it (two transactions).` : ""}
      </p>
      {amount !== null ? <YieldPreview node={node} extraHeu={Number(formatUnits(amount, 18))} /> : null}
      <button type="submit" className={primaryButton} disabled={amount === null || tx.busy}>
        {needsApproval ? `Approve and stake ${tokenName(token)}` : `Stake ${tokenName(token)}`}
      </button>
    </form>
  );
}

/** What the amount being typed does: the node's multiplier on the stake curve, and the market's yield formula on its indexed stake and bribe. */
function YieldPreview({ node, extraHeu }: { node: NodeSummary; extraHeu: number }) {
  const m = (stake: number) => ppmToNumber(stakeMultiplierPpm(node.curve, stake));
  const bribe = node.pendingBribe?.bribe ?? node.bribe;
  const e =
    bribe === null
      ? null
      : estimateStakerYield({
          bribe,
          recentPoints: node.recentPoints,
          windowDays: node.windowDays,
          stakeHeu: node.stakeHeu,
          extraStakeHeu: extraHeu,
          curve: node.curve,
          heuPerPoint: node.heuPerPoint,
        });
  return (
    <p className={noteClass}>
      With your {formatInt(extraHeu)} stHEU the node&apos;s stake goes {formatInt(node.stakeHeu)} → {formatInt(node.stakeHeu + extraHeu)} and its multiplier{" "}
      {formatMultiplier(m(node.stakeHeu))} → {formatMultiplier(m(node.stakeHeu + extraHeu))}.{" "}
      {bribe === null ? (
        "Its operator has not set a bribe: stakers receive no share of its rewards until they do."
      ) : e?.ok ? (
        <>
          At a {formatPercent(bribe)} bribe your share ({formatPercent(e.share)}) of its recent rewards would be about{" "}
          <strong>
            {formatPoints(e.stakerHeuPerEpoch, 2)} HEU an epoch, {formatInt(e.stakerHeuPerYear)} a year ({formatYieldPercent(e.apr)})
          </strong>
          .
        </>
      ) : null}
    </p>
  );
}
