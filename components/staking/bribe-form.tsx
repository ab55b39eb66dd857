"use client";

import { useId, useState } from "react";
import { formatDateTime, formatPercent } from "@/lib/format";
import { formatBps, parseBribePercent } from "@/lib/market/amount";
import { nextEpochStartSec } from "@/lib/rewards/epoch";
import type { PortalContracts } from "@/lib/chain/config";
import { marketCalls } from "./contracts";
import { DecimalInput, inputClass, labelClass, noteClass, primaryButton } from "./fields";
import type { NodeSummary } from "./node-context";
import type { useTxFlow } from "./use-tx-flow";

/** For the node's operator: a new bribe, in force from the next epoch (Friday 00:00 UTC). */
export function BribeForm({ node, contracts, chainNow, tx }: { node: NodeSummary; contracts: PortalContracts; chainNow: number | null; tx: ReturnType<typeof useTxFlow> }) {
  const id = useId();
  const [value, setValue] = useState("");
  const parsed = value.trim() === "" ? null : parseBribePercent(value);
  const effective = chainNow === null ? null : new Date(nextEpochStartSec(Math.floor(chainNow / 1000)) * 1000).toISOString();
  const invalid = parsed !== null && !parsed.ok;

  return (
    <form
      className="space-y-4"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!parsed?.ok) return;
        if (await tx.run([marketCalls(contracts).setBribe(node.minerId, parsed.value)], `Set bribe to ${formatBps(parsed.value)}`)) setValue("");
      }}
    >
      <p className={noteClass}>
        In force now: {node.bribe === null ? "none (stakers get 0 %)" : formatPercent(node.bribe)}
        {node.pendingBribe ? `; ${formatPercent(node.pendingBribe.bribe)} pending from ${formatDateTime(node.pendingBribe.effectiveAt)}` : ""}.
      </p>
      <div>
        <label htmlFor={id} className={labelClass}>
          New bribe (% of the node&apos;s rewards paid to its stakers)
        </label>
        <DecimalInput id={id} value={value} onChange={setValue} invalid={invalid} describedBy={`${id}-note`} className={`${inputClass} max-w-40 tabular-nums`} placeholder="10" />
        {invalid ? <p className="mt-1 text-xs text-red-700 dark:text-red-400">{parsed.reason}</p> : null}
      </div>
      <p id={`${id}-note`} className={noteClass}>
        Takes effect at the next epoch
        {effective ? (
          <>
            : <strong>{formatDateTime(effective)}</strong>
          </>
        ) : (
          ""
        )}{" "}
        (Friday 00:00 UTC). Until then stakers keep the bribe in force, and the market shows yours as pending; setting it again before then replaces it. Cuts stay visible in the
        node&apos;s bribe history.
      </p>
      <button type="submit" className={primaryButton} disabled={!parsed?.ok || tx.busy}>
        Set bribe
      </button>
    </form>
  );
}
