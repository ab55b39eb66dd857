"use client";

import { useId, useState } from "react";
import { formatTokenAmount } from "@/lib/market/amount";
import type { PortalContracts } from "@/lib/chain/config";
import { marketCalls, tokenName, type TokenId } from "./contracts";
import { AmountField, inputClass, labelClass, noteClass, primaryButton, TokenChoice } from "./fields";
import { parseWithin } from "./limit";
import type { useTxFlow } from "./use-tx-flow";

const MINER_ID = /^0x[a-fA-F0-9]{40}(-[A-Za-z0-9_]+)?$/;

export function MoveForm({
  minerId,
  contracts,
  staked,
  tx,
}: {
  minerId: string;
  contracts: PortalContracts;
  staked: readonly [bigint, bigint];
  tx: ReturnType<typeof useTxFlow>;
}) {
  const id = useId();
  const [token, setToken] = useState<TokenId>(staked[0] === 0n && staked[1] > 0n ? 1 : 0);
  const [value, setValue] = useState("");
  const [target, setTarget] = useState("");
  const parsed = parseWithin(value, staked[token], `your ${tokenName(token)} stake here`);
  const amount = parsed?.ok ? parsed.value : null;
  const to = target.trim().toLowerCase();
  const targetError = to === "" ? null : !MINER_ID.test(to) || to.length > 120 ? "A miner ID is 0x + 40 hex characters, optionally -tag." : to === minerId ? "That is this node." : null;

  if (staked[0] === 0n && staked[1] === 0n) return <p className={noteClass}>You have no stake on this node to move.</p>;
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (amount === null || !to || targetError) return;
        if (await tx.run([marketCalls(contracts).move(minerId, to, token, amount)], `Move ${formatTokenAmount(amount)} ${tokenName(token)}`)) setValue("");
      }}
    >
      <div>
        <label htmlFor={id} className={labelClass}>
          Move to node (miner ID)
        </label>
        <input
          id={id}
          value={target}
          onChange={(e) => setTarget(e.target.value)}
          placeholder="0x…-tag"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!!targetError}
          aria-describedby={`${id}-hint`}
          className={`${inputClass} font-mono`}
        />
        <p id={`${id}-hint`} className={targetError ? "mt-1 text-xs text-red-700 dark:text-red-400" : "mt-1 text-xs text-zinc-600 dark:text-zinc-400"}>
          {targetError ?? "Any node of the market; copy its miner ID from the table."}
        </p>
      </div>
      <TokenChoice value={token} onChange={setToken} detail={(t) => `${formatTokenAmount(staked[t])} staked here`} />
      <AmountField label={`Amount to move (${tokenName(token)})`} value={value} onChange={setValue} parsed={parsed} max={staked[token]} maxLabel="Staked on this node" />
      <p className={noteClass}>Stake moves at once, with no lock. HEU already unstaked and locked cannot move.</p>
      <button type="submit" className={primaryButton} disabled={amount === null || !to || !!targetError || tx.busy}>
        Move stake
      </button>
    </form>
  );
}
