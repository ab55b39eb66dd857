"use client";

// Claiming a wallet's settled epochs from the RewardDistributor (decision 0030), then vesting the
// esHEU into HEU: the connected wallet must be the page's wallet (a proof only pays its own account).
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import type { Abi } from "viem";
import { useReadContracts } from "wagmi";
import { esHeuAbi, heuAbi, rewardDistributorAbi, stakingMarketAbi } from "@/lib/chain/abi";
import type { PortalContracts } from "@/lib/chain/config";
import { formatDateTime } from "@/lib/format";
import { formatTokenAmount } from "@/lib/market/amount";
import type { WalletClaims } from "@/lib/schemas/claims";
import { ConnectGate } from "@/components/staking/connect-gate";
import { errorsOf, type ContractCall } from "@/components/staking/contracts";
import { primaryButton, secondaryButton } from "@/components/staking/fields";
import { TxStatus } from "@/components/staking/tx-status";
import { useTxFlow } from "@/components/staking/use-tx-flow";
import { QueryStatus } from "@/components/ui";

// Every revert a claim can hit decodes by name: the distributor's, esHEU's, the market's (a stake) and HEU's.
const distributorAbi: Abi = [...rewardDistributorAbi, ...[esHeuAbi, stakingMarketAbi, heuAbi].flatMap((a) => errorsOf(a as Abi))];

export const claimsQueryKey = (address: string) => ["claims", address.toLowerCase()] as const;

async function fetchClaims(address: string): Promise<WalletClaims> {
  const res = await fetch(`/api/v1/wallets/${address.toLowerCase()}/claims`, { cache: "no-store" });
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new Error(body?.error?.message ?? `Loading your claims failed (${res.status})`);
  return body as WalletClaims;
}

export function ClaimPanel({ wallet, nodes }: { wallet: string; nodes: string[] }) {
  return (
    <ConnectGate intro="Connect this wallet to claim its esHEU and vest it into HEU.">
      {({ address, contracts }) =>
        address.toLowerCase() === wallet ? (
          <ClaimsOf address={wallet} contracts={contracts} nodes={nodes} />
        ) : (
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            The connected wallet is <span className="font-mono">{address.toLowerCase()}</span>: only this page&apos;s wallet can claim its rewards.
          </p>
        )
      }
    </ConnectGate>
  );
}

function ClaimsOf({ address, contracts, nodes }: { address: string; contracts: PortalContracts; nodes: string[] }) {
  const q = useQuery({ queryKey: claimsQueryKey(address), queryFn: () => fetchClaims(address) });
  const tx = useTxFlow();
  const [node, setNode] = useState(nodes[0] ?? "");
  if (q.isLoading || q.error || !q.data) return <QueryStatus query={q} loading="Loading your claims…" />;
  const distributor = contracts.rewardDistributor;
  const open = q.data.claims.filter((c) => c.status === "claimable");
  const total = open.reduce((s, c) => s + BigInt(c.amountWei), 0n);
  const claimAll = (minerId: string): ContractCall => ({
    label: minerId ? `Claim and stake into ${minerId}` : `Claim ${open.length} epoch${open.length === 1 ? "" : "s"}`,
    address: distributor!,
    abi: distributorAbi,
    functionName: "claimMany",
    args: [open.map((c) => ({ epoch: BigInt(c.epoch), amount: BigInt(c.amountWei), proof: c.proof })), minerId],
  });
  return (
    <div className="space-y-4">
      {!distributor ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">This portal has no reward distributor configured, so nothing is claimable on chain yet.</p>
      ) : open.length === 0 ? (
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          Nothing to claim right now
          {q.data.claims.some((c) => c.status === "unpublished") ? ": the latest epoch's root is not published on chain yet." : "."}
        </p>
      ) : (
        <div className="space-y-3">
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            <strong>{formatTokenAmount(total)} esHEU</strong> claimable from {open.length} epoch{open.length === 1 ? "" : "s"} ({open.map((c) => c.epoch).join(", ")}), vesting from
            each epoch&apos;s end.
          </p>
          <div className="flex flex-wrap items-end gap-3">
            <button type="button" className={primaryButton} disabled={tx.busy} onClick={() => void tx.run([claimAll("")], "Claim")}>
              Claim {formatTokenAmount(total)} esHEU
            </button>
            {nodes.length > 0 ? (
              <>
                <label className="flex flex-col gap-1 text-sm">
                  <span>Stake it into</span>
                  <select
                    value={node}
                    onChange={(e) => setNode(e.target.value)}
                    className="h-10 max-w-[16rem] rounded-md border border-zinc-300 bg-white px-2 font-mono text-xs dark:border-zinc-700 dark:bg-zinc-900"
                  >
                    {nodes.map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="button" className={secondaryButton} disabled={tx.busy || !node} onClick={() => void tx.run([claimAll(node)], "Claim and stake")}>
                  Claim and stake
                </button>
              </>
            ) : null}
          </div>
        </div>
      )}
      <TxStatus state={tx.state} />
      <Vesting address={address as `0x${string}`} contracts={contracts} tx={tx} />
    </div>
  );
}

/** The esHEU grants of the wallet as the contract holds them, what has vested, and "vest to HEU". */
function Vesting({ address, contracts, tx }: { address: `0x${string}`; contracts: PortalContracts; tx: ReturnType<typeof useTxFlow> }) {
  const es = { address: contracts.esHeu, abi: esHeuAbi } as const;
  const base = useReadContracts({
    contracts: [
      { ...es, functionName: "grantCount", args: [address] },
      { ...es, functionName: "claimable", args: [address] },
      { ...es, functionName: "balanceOf", args: [address] },
      { address: contracts.heu, abi: heuAbi, functionName: "balanceOf", args: [address] },
    ],
  });
  const count = Number(base.data?.[0]?.result ?? 0n);
  const grants = useReadContracts({
    contracts: Array.from({ length: count }, (_, i) => ({ ...es, functionName: "grantOf" as const, args: [address, BigInt(i)] as const })),
    query: { enabled: count > 0 },
  });
  if (base.isLoading) return null;
  const claimable = (base.data?.[1]?.result as bigint | undefined) ?? 0n;
  const esBalance = (base.data?.[2]?.result as bigint | undefined) ?? 0n;
  const heuBalance = (base.data?.[3]?.result as bigint | undefined) ?? 0n;
  const rows = (grants.data ?? []).map((g) => g.result as readonly [bigint, bigint, bigint, bigint] | undefined).filter((g) => g !== undefined);
  return (
    <div className="space-y-2">
      <h3 className="text-base font-semibold">Vesting</h3>
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        In this wallet: <strong>{formatTokenAmount(esBalance)} esHEU</strong> and <strong>{formatTokenAmount(heuBalance)} HEU</strong>. {formatTokenAmount(claimable)} esHEU has
        vested and can become HEU now (staked esHEU must be unstaked first).
      </p>
      {rows.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full text-sm" aria-label="esHEU grants">
            <thead>
              <tr className="text-left text-zinc-600 dark:text-zinc-400">
                <th scope="col" className="py-1 pr-3 font-medium">
                  Grant
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  esHEU
                </th>
                <th scope="col" className="py-1 pr-3 text-right font-medium">
                  Vested to HEU
                </th>
                <th scope="col" className="py-1 font-medium">
                  Vests
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(([amount, claimed, start, end], i) => (
                <tr key={i} className="border-t border-zinc-200 dark:border-zinc-800">
                  <td className="py-1 pr-3">#{i + 1}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatTokenAmount(amount)}</td>
                  <td className="py-1 pr-3 text-right tabular-nums">{formatTokenAmount(claimed)}</td>
                  <td className="py-1">
                    {formatDateTime(new Date(Number(start) * 1000).toISOString())} → {new Date(Number(end) * 1000).toISOString().slice(0, 10)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {/* A few wei vest every second: offer it once there is something to show (0.0001 HEU). */}
      {formatTokenAmount(claimable) !== "0" ? (
        <button
          type="button"
          className={secondaryButton}
          disabled={tx.busy}
          onClick={() => void tx.run([{ label: "Vest to HEU", address: contracts.esHeu, abi: esHeuAbi as Abi, functionName: "claim", args: [] }], "Vest to HEU")}
        >
          Vest {formatTokenAmount(claimable)} esHEU to HEU
        </button>
      ) : null}
    </div>
  );
}
