"use client";

import { useState } from "react";
import { formatDateTime } from "@/lib/format";
import { formatTokenAmount } from "@/lib/market/amount";
import type { PortalContracts } from "@/lib/chain/config";
import { marketCalls, tokenName, type TokenId } from "./contracts";
import { AmountField, noteClass, primaryButton, TokenChoice } from "./fields";
import { parseWithin } from "./limit";
import type { useTxFlow } from "./use-tx-flow";

export const LOCK_DAYS = 30;

export function UnstakeForm({
  minerId,
  contracts,
  staked,
  chainNow,
  tx,
}: {
  minerId: string;
  contracts: PortalContracts;
  staked: readonly [bigint, bigint];
  chainNow: number | null;
  tx: ReturnType<typeof useTxFlow>;
}) {
  const [token, setToken] = useState<TokenId>(staked[0] === 0n && staked[1] > 0n ? 1 : 0);
  const [value, setValue] = useState("");
  const parsed = parseWithin(value, staked[token], `your ${tokenName(token)} stake here`);
  const amount = parsed?.ok ? parsed.value : null;
  const unlockAt = chainNow === null ? null : new Date(chainNow + LOCK_DAYS * 86_400_000).toISOString();

  if (staked[0] === 0n && staked[1] === 0n) return <p className={noteClass}>You have no stake on this node.</p>;
  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (amount === null) return;
        if (await tx.run([marketCalls(contracts).unstake(minerId, token, amount)], `Unstake ${formatTokenAmount(amount)} ${tokenName(token)}`)) setValue("");
      }}
    >
      <TokenChoice value={token} onChange={setToken} detail={(t) => `${formatTokenAmount(staked[t])} staked here`} />
      <AmountField label={`Amount to unstake (${tokenName(token)})`} value={value} onChange={setValue} parsed={parsed} max={staked[token]} maxLabel="Staked on this node" />
      <p className={noteClass}>
        {token === 0 ? (
          <>
            Unstaked HEU stops counting as stake at once and stays <strong>locked for {LOCK_DAYS} days</strong>: if you unstake now you can withdraw it{" "}
            {unlockAt ? (
              <>
                from <strong>{formatDateTime(unlockAt)}</strong>
              </>
            ) : (
              `${LOCK_DAYS} days later`
            )}
            . Locks and their countdowns are listed under My stakes.
          </>
        ) : (
          <>esHEU comes back to your wallet at once, in the same transaction.</>
        )}
      </p>
      <button type="submit" className={primaryButton} disabled={amount === null || tx.busy}>
        Unstake {tokenName(token)}
      </button>
    </form>
  );
}
