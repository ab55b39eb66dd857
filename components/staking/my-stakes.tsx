"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useAccount } from "wagmi";
import { Badge, QueryStatus } from "@/components/ui";
import { shortId } from "@/lib/format";
import { formatTokenAmount } from "@/lib/market/amount";
import type { StakerResponse } from "@/lib/schemas/staking";
import type { PortalContracts } from "@/lib/chain/config";
import { ConnectGate } from "./connect-gate";
import { marketCalls } from "./contracts";
import { Countdown } from "./countdown";
import { secondaryButton } from "./fields";
import { StakeLocksTable, StakePositionsTable } from "./stake-tables";
import { TxStatus } from "./tx-status";
import { useChainNow } from "./use-staking-reads";
import { useTxFlow } from "./use-tx-flow";

export function stakerQueryKey(address: string) {
  return ["staker", address.toLowerCase()] as const;
}

async function fetchStaker(address: string): Promise<StakerResponse> {
  const res = await fetch(`/api/v1/stakers/${address.toLowerCase()}`, { cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `Loading your stakes failed (${res.status})`);
  return body as StakerResponse;
}

/** The connected wallet's stakes per node and its HEU locks, with withdraw once a lock opens. */
export function MyStakes() {
  return (
    <ConnectGate intro="Connect the wallet you stake from to see its stakes and locks.">
      {({ address, contracts }) => <StakesOf address={address} contracts={contracts} />}
    </ConnectGate>
  );
}

function StakesOf({ address, contracts }: { address: string; contracts: PortalContracts }) {
  const { isConnected } = useAccount();
  const q = useQuery({ queryKey: stakerQueryKey(address), queryFn: () => fetchStaker(address) });
  const tx = useTxFlow();
  const chainNow = useChainNow();
  if (!isConnected) return null;
  if (q.isLoading || q.error || !q.data) return <QueryStatus query={q} loading="Loading your stakes…" />;
  const s = q.data;
  return (
    <div className="space-y-5">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Wallet <span className="font-mono">{shortId(address)}</span> has <strong>{formatTokenAmount(BigInt(s.totals.staked.amountWei))} stHEU</strong> staked (
        {formatTokenAmount(BigInt(s.totals.stakedHeu.amountWei))} HEU + {formatTokenAmount(BigInt(s.totals.stakedEsHeu.amountWei))} esHEU),{" "}
        {formatTokenAmount(BigInt(s.totals.locked.amountWei))} HEU locked and {formatTokenAmount(BigInt(s.totals.withdrawable.amountWei))} HEU ready to withdraw.
        {s.indexedBlock !== null ? ` As indexed up to block ${s.indexedBlock}.` : ""}
      </p>
      {s.positions.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">No stake yet: pick a node in the market and stake on it.</p>
      ) : (
        <StakePositionsTable
          positions={s.positions}
          caption="Your stakes per node and token"
          label="Your stakes"
          amountHeading="Your stake"
          actions={(p) => (
            <Link href={`/market?node=${encodeURIComponent(p.minerId)}#stake`} className="whitespace-nowrap underline">
              Unstake or move<span className="sr-only"> stake on {p.minerId}</span>
            </Link>
          )}
        />
      )}
      {s.locks.length > 0 ? (
        <StakeLocksTable
          locks={s.locks}
          caption="Your unstaked HEU, locked for 30 days"
          label="Your HEU locks"
          nodeColumn
          countdown={(l) => (l.status !== "withdrawn" ? <Countdown to={l.unlockAt} nowMs={chainNow} done="open now" /> : null)}
          status={(l) =>
            l.status === "withdrawn" ? (
              <Badge tone="neutral">Withdrawn {l.withdrawnAt?.slice(0, 10)}</Badge>
            ) : chainNow !== null && Date.parse(l.unlockAt) <= chainNow ? (
              <button
                type="button"
                className={secondaryButton}
                disabled={tx.busy}
                onClick={() => void tx.run([marketCalls(contracts).withdraw(BigInt(l.lockId))], `Withdraw ${formatTokenAmount(BigInt(l.amountWei))} HEU (lock #${l.lockId})`)}
              >
                Withdraw<span className="sr-only"> lock #{l.lockId}</span>
              </button>
            ) : (
              <Badge tone="warning">Locked</Badge>
            )
          }
        />
      ) : null}
      <TxStatus state={tx.state} />
    </div>
  );
}
