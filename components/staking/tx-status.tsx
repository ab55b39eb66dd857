"use client";

import type { Hash } from "viem";
import { usePortalChain } from "@/components/wallet/chain-context";
import type { TxState } from "./use-tx-flow";

function TxHash({ hash }: { hash: Hash }) {
  const { chain } = usePortalChain();
  const short = `${hash.slice(0, 10)}…${hash.slice(-6)}`;
  const explorer = chain.blockExplorers?.default.url;
  return explorer ? (
    <a href={`${explorer}/tx/${hash}`} className="font-mono underline" target="_blank" rel="noreferrer" title={hash}>
      {short}
    </a>
  ) : (
    <span className="font-mono" title={hash}>
      {short}
    </span>
  );
}

/** Where a transaction stands, announced politely to screen readers as it moves; failures as alerts. */
export function TxStatus({ state }: { state: TxState }) {
  const step = (s: { step: number; steps: number }) => (s.steps > 1 ? `Step ${s.step} of ${s.steps}: ` : "");
  return (
    <div aria-live="polite" aria-atomic="true" className="min-h-5 text-sm">
      {state.kind === "signing" && (
        <p className="text-zinc-700 dark:text-zinc-300">
          {step(state)}
          {state.label}: waiting for your signature in the wallet…
        </p>
      )}
      {state.kind === "pending" && (
        <p className="text-zinc-700 dark:text-zinc-300">
          {step(state)}
          {state.label}: pending, transaction <TxHash hash={state.hash} /> sent, waiting for a block…
        </p>
      )}
      {state.kind === "indexing" && (
        <p className="text-zinc-700 dark:text-zinc-300">
          {state.label}: confirmed in block {state.block.toString()}. Indexing…{" "}
          <span className="text-zinc-600 dark:text-zinc-400">
            (the portal has read up to block {state.indexedBlock ?? "—"}; tables update once it reaches {state.block.toString()})
          </span>
        </p>
      )}
      {state.kind === "done" && (
        <p className="text-emerald-700 dark:text-emerald-400">
          {state.label}: confirmed in block {state.block.toString()} (<TxHash hash={state.hash} />)
          {state.indexed ? " and indexed." : "; the portal has not indexed it yet, so the tables may lag a little."}
        </p>
      )}
      {state.kind === "failed" && (
        <p role="alert" className="text-red-700 dark:text-red-400">
          {state.label} failed: {state.message}
        </p>
      )}
    </div>
  );
}
