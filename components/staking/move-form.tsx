"use client";

import { useState } from "react";
import { formatUnits } from "viem";
import { formatTokenAmount } from "@/lib/market/amount";
import type { PortalContracts } from "@/lib/chain/config";
import { ESHEU, marketCalls, tokenName, type TokenId } from "./contracts";
import { AmountField, noteClass, primaryButton, TokenChoice } from "./fields";
import { parseWithin } from "./limit";
import { NodePicker, type PickedNode } from "./node-picker";
import type { useTxFlow } from "./use-tx-flow";

export function MoveForm({ minerId, contracts, staked, tx }: { minerId: string; contracts: PortalContracts; staked: readonly [bigint, bigint]; tx: ReturnType<typeof useTxFlow> }) {
  const [token, setToken] = useState<TokenId>(staked[0] === 0n && staked[1] > 0n ? 1 : 0);
  const [value, setValue] = useState("");
  const [target, setTarget] = useState<PickedNode | null>(null);
  const parsed = parseWithin(value, staked[token], `your ${tokenName(token)} stake here`);
  const amount = parsed?.ok ? parsed.value : null;
  const to = target?.row.minerId ?? null;

  if (staked[0] === 0n && staked[1] === 0n) return <p className={noteClass}>You have no stake on this node to move.</p>;
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (amount === null || !to || to === minerId) return;
        if (await tx.run([marketCalls(contracts).move(minerId, to, token, amount)], `Move ${formatTokenAmount(amount)} ${tokenName(token)}`)) setValue("");
      }}
    >
      <TokenChoice value={token} onChange={setToken} detail={(t) => `${formatTokenAmount(staked[t])} staked here`} />
      <AmountField label={`Amount to move (${tokenName(token)})`} value={value} onChange={setValue} parsed={parsed} max={staked[token]} maxLabel="Staked on this node" />
      <NodePicker source={minerId} stakeHeu={amount === null ? null : formatUnits(amount, 18)} token={token === ESHEU ? "esheu" : "heu"} value={target} onChange={setTarget} />
      <p className={noteClass}>
        Stake moves at once, with no lock. HEU already unstaked and locked cannot move.
        {token === ESHEU ? " Yields are for esHEU, which weighs more than HEU in the bribe split." : ""}
      </p>
      <button type="submit" className={primaryButton} disabled={amount === null || !to || tx.busy}>
        Move stake
      </button>
    </form>
  );
}
