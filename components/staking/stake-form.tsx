"use client";

import { useState } from "react";
import { formatUnits } from "viem";
import { formatInt, formatMultiplier, formatPercent, formatPoints, formatYieldPercent } from "@/lib/format";
import { availabilityShort } from "@/lib/dashboard/availability";
import { formatTokenAmount } from "@/lib/market/amount";
import { stakeRisks, type StakeRisk } from "@/lib/market/stake-risks";
import { estimateStakerYield } from "@/lib/market/yield";
import { ppmToNumber, stakeMultiplierPpm } from "@/lib/points";
import type { PortalContracts } from "@/lib/chain/config";
import { ESHEU, marketCalls, tokenName, type TokenId } from "./contracts";
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
  const risks = stakeRisks(node);
  const [confirmed, setConfirmed] = useState(false);
  const allowance = tokens.allowance[token];

  const submit = async () => {
    if (amount === null) return;
    const steps = [...(needsApproval ? [calls.approve(token, amount)] : []), calls.stake(node.minerId, token, amount)];
    if (await tx.run(steps, `Stake ${formatTokenAmount(amount)} ${tokenName(token)}`)) {
      setValue("");
      setConfirmed(false);
    }
  };
  const revoke = () => void tx.run([calls.approve(token, 0n)], `Revoke the market's ${tokenName(token)} allowance`);

  return (
    <form
      className="space-y-4"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <TokenChoice
        value={token}
        onChange={setToken}
        detail={(t) =>
          `${formatTokenAmount(tokens.balance[t])} in wallet${t === ESHEU && node.esHeuWeight !== 1 ? `, weighs ${formatMultiplier(node.esHeuWeight)} in the bribe split` : ""}`
        }
      />
      <AmountField label={`Amount to stake (${tokenName(token)})`} value={value} onChange={setValue} parsed={parsed} max={balance} maxLabel={`Wallet balance`} />
      <p className={noteClass}>
        The staking market may spend {allowance >= UNLIMITED ? "any amount" : formatTokenAmount(allowance)} of your {tokenName(token)}
        {allowance >= UNLIMITED ? " (unlimited)" : ""}.
        {needsApproval ? ` Staking this amount first asks you to approve ${formatTokenAmount(amount!)} ${tokenName(token)}, then to stake it (two transactions).` : ""}
        {allowance > 0n ? (
          <>
            {" "}
            <button type="button" onClick={revoke} disabled={tx.busy} className="underline hover:no-underline">
              Revoke
            </button>
          </>
        ) : null}
      </p>
      {amount !== null ? <YieldPreview node={node} extraHeu={Number(formatUnits(amount, 18))} token={token} /> : null}
      {amount !== null && risks.length > 0 ? (
        <RiskConfirmation risks={risks} node={node} extraHeu={Number(formatUnits(amount, 18))} token={token} confirmed={confirmed} onConfirm={setConfirmed} />
      ) : null}
      <button type="submit" className={primaryButton} disabled={amount === null || tx.busy || (risks.length > 0 && !confirmed)}>
        {needsApproval ? `Approve and stake ${tokenName(token)}` : `Stake ${tokenName(token)}`}
      </button>
    </form>
  );
}

/** The market's yield formula for `extraHeu` of `token` on the node at `bribe` (the esHEU weight in the split for esHEU). */
function yieldAt(node: NodeSummary, bribe: number, extraHeu: number, token: TokenId) {
  return estimateStakerYield({
    bribe,
    recentPoints: node.recentPoints,
    windowDays: node.windowDays,
    stakeHeu: node.stakeHeu,
    splitStakeHeu: node.splitStakeHeu,
    extraStakeHeu: extraHeu,
    extraWeight: token === ESHEU ? node.esHeuWeight : 1,
    curve: node.curve,
    heuPerPoint: node.heuPerPoint,
  });
}

/** An ERC-20 allowance this large is "unlimited" (wallets approve 2^256 − 1); its 78 digits help nobody. */
const UNLIMITED = 2n ** 255n;

function riskText(r: StakeRisk, node: NodeSummary): string {
  switch (r.kind) {
    case "bribe-cut":
      return `The operator ${r.pending ? "has announced a cut of" : "cut"} the bribe from ${formatPercent(r.from)} to ${formatPercent(r.to)}, ${r.pending ? "from" : "in force since"} ${r.effectiveAt.slice(0, 10)}.`;
    case "idle":
      return "This node completed no job in the last 7 days: it earns nothing its stakers could share.";
    case "unavailable":
      return `The job router saw this node online ${formatPercent(r.availability.ratio)} of the last 24 hours (${availabilityShort(r.availability)}): while it is offline it earns nothing its stakers could share.`;
    case "capped":
      return `The node's stake (${formatInt(node.stakeHeu)} stHEU) is already at the multiplier's cap (${formatInt(r.capHeu)}): more stake does not raise its rewards, it only divides them among more stakers.`;
  }
}

/** The risks stated next to the button, the yield before and after a cut, and one more confirmation. */
function RiskConfirmation({
  risks,
  node,
  extraHeu,
  token,
  confirmed,
  onConfirm,
}: {
  risks: StakeRisk[];
  node: NodeSummary;
  extraHeu: number;
  token: TokenId;
  confirmed: boolean;
  onConfirm: (v: boolean) => void;
}) {
  const cut = risks.find((r) => r.kind === "bribe-cut");
  const before = cut ? yieldAt(node, cut.from, extraHeu, token) : null;
  const after = cut ? yieldAt(node, cut.to, extraHeu, token) : null;
  return (
    <div
      role="group"
      aria-labelledby="stake-risks-title"
      className="space-y-2 rounded-lg border border-amber-400 bg-amber-50 p-3 text-sm text-amber-950 dark:border-amber-500 dark:bg-amber-950 dark:text-amber-100"
    >
      <p id="stake-risks-title" className="font-semibold">
        Before you stake on this node
      </p>
      <ul className="list-disc space-y-1 pl-5">
        {risks.map((r) => (
          <li key={r.kind}>{riskText(r, node)}</li>
        ))}
        {before?.ok && after?.ok ? (
          <li>
            Your estimated yield: {formatYieldPercent(before.apr)} at the old bribe, {formatYieldPercent(after.apr)} at the new one.
          </li>
        ) : null}
      </ul>
      <label className="flex items-start gap-2">
        <input type="checkbox" checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} className="mt-1" />
        <span>I have read this and still want to stake on this node.</span>
      </label>
    </div>
  );
}

/**
 * What the amount being typed does: the node's multiplier on the stake curve (every token alike),
 * and the market's yield formula on its indexed stake and bribe (esHEU weighed more in the split).
 */
function YieldPreview({ node, extraHeu, token }: { node: NodeSummary; extraHeu: number; token: TokenId }) {
  const m = (stake: number) => ppmToNumber(stakeMultiplierPpm(node.curve, stake));
  const bribe = node.pendingBribe?.bribe ?? node.bribe;
  const e = bribe === null ? null : yieldAt(node, bribe, extraHeu, token);
  const weighs = token === ESHEU && node.esHeuWeight !== 1;
  return (
    <p className={noteClass} data-testid="stake-yield-preview">
      With your {formatInt(extraHeu)} stHEU the node&apos;s stake goes {formatInt(node.stakeHeu)} → {formatInt(node.stakeHeu + extraHeu)} and its multiplier{" "}
      {formatMultiplier(m(node.stakeHeu))} → {formatMultiplier(m(node.stakeHeu + extraHeu))}.{" "}
      {weighs ? `In the bribe split your esHEU weighs ${formatMultiplier(node.esHeuWeight)}: it counts as ${formatInt(extraHeu * node.esHeuWeight)}. ` : ""}
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
