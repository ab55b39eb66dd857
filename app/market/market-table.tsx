import Link from "next/link";
import { AddressLink, Badge, EmptyState, Pagination, Table, TBody, Td, THead, Th, Tr, type SearchParamsRecord } from "@/components/ui";
import { formatInt, formatMultiplier, formatPercent, formatPoints, formatYieldPercent } from "@/lib/format";
import { marketQuery, type MarketParams, type MarketSort } from "@/lib/market/params";
import type { YieldEstimate } from "@/lib/market/yield";
import type { MarketNode, MarketPage } from "@/lib/server/queries/market";

export interface MarketRow {
  node: MarketNode;
  /** The node's stake multiplier on the schedule in force. */
  multiplier: number;
  /** The bribe the estimate uses (from the next epoch on); null when the operator never set one. */
  bribe: number | null;
  /** null without a bribe: stakers get nothing, there is nothing to estimate. */
  estimate: YieldEstimate | null;
}

function stakeHref(params: MarketParams, minerId: string): string {
  return `/market?${new URLSearchParams({ ...marketQuery(params), node: minerId }).toString()}#stake`;
}

function sortHref(params: MarketParams, sort: MarketSort): string {
  const qs = new URLSearchParams(marketQuery({ ...params, sort, page: 1 })).toString();
  return qs ? `/market?${qs}` : "/market";
}

function SortHeader({ params, sort, label, numeric, hint }: { params: MarketParams; sort: MarketSort; label: string; numeric?: boolean; hint: string }) {
  const active = params.sort === sort;
  return (
    <Th numeric={numeric} aria-sort={active ? (sort === "latency" || sort === "id" ? "ascending" : "descending") : undefined}>
      <Link href={sortHref(params, sort)} scroll={false} title={`Sort by ${hint}`} className="inline-flex items-center gap-1 hover:text-zinc-900 hover:underline dark:hover:text-white">
        {label}
        <span aria-hidden="true">{active ? (sort === "latency" || sort === "id" ? "▲" : "▼") : "↕"}</span>
      </Link>
    </Th>
  );
}

function yieldCell(e: YieldEstimate | null) {
  if (!e) return <span className="text-zinc-600 dark:text-zinc-400">no bribe</span>;
  if (!e.ok) return <span className="text-zinc-500 dark:text-zinc-400">{e.reason === "inactive" ? "inactive" : e.reason === "no-rate" ? "no epoch yet" : "—"}</span>;
  return (
    <span className="inline-flex flex-col items-end">
      <span className="font-semibold">{formatYieldPercent(e.apr)}</span>
      <span className="text-xs text-zinc-600 dark:text-zinc-400">{formatPoints(e.stakerHeuPerEpoch, 2)} HEU/epoch</span>
    </span>
  );
}

export function MarketTable({ page, rows, params, searchParams }: { page: MarketPage; rows: MarketRow[]; params: MarketParams; searchParams: SearchParamsRecord }) {
  if (page.total === 0) {
    return (
      <EmptyState title="No nodes match">
        {params.q || params.hardware ? "Try another search or GPU, or include idle nodes." : "No node has reported a job in the last 7 days yet."}
      </EmptyState>
    );
  }
  return (
    <div>
      <Table caption={`Mining nodes, page ${page.page}`} captionHidden label="Node table">
        <THead>
          <tr>
            <SortHeader params={params} sort="id" label="Node" hint="miner ID" />
            <Th numeric>Bribe</Th>
            <SortHeader params={params} sort="stake" label="Stake" numeric hint="total stake" />
            <SortHeader params={params} sort="uptime" label="Uptime 7d" numeric hint="availability over the last 7 days" />
            <SortHeader params={params} sort="points" label="Points 7d" numeric hint="points over the last 7 days" />
            <SortHeader params={params} sort="latency" label="Latency" numeric hint="latency, fastest first" />
            <Th numeric>
              Est. yield<span aria-hidden="true">*</span>
            </Th>
            <Th>GPU</Th>
            <Th>
              <span className="sr-only">Stake</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {rows.map(({ node: n, estimate, multiplier }) => (
            <Tr key={n.minerId}>
              <Th scope="row" className="whitespace-nowrap">
                <AddressLink id={n.minerId} kind="miner" />
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  wallet <AddressLink id={n.wallet} className="text-xs" />
                </span>
              </Th>
              <Td numeric>
                <BribeCell node={n} />
              </Td>
              <Td numeric>
                {formatInt(n.stakeHeu)}
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{formatMultiplier(multiplier)}</span>
              </Td>
              <Td numeric>
                {n.uptime7d === null ? (
                  "—"
                ) : (
                  <Badge tone={n.uptime7d >= 0.98 ? "success" : n.uptime7d >= 0.9 ? "warning" : "danger"}>{formatPercent(n.uptime7d)}</Badge>
                )}
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">{formatInt(n.jobs7d)} jobs</span>
              </Td>
              <Td numeric>
                <span className="font-medium">{formatPoints(n.waifuPoints7d + n.llamaPoints7d, 1)}</span>
                <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                  {n.llamaPoints7d > 0 && n.waifuPoints7d > 0
                    ? `${formatPoints(n.waifuPoints7d, 0)} W + ${formatPoints(n.llamaPoints7d, 1)} L`
                    : n.llamaPoints7d > 0
                      ? "Llama"
                      : "Waifu"}
                </span>
              </Td>
              <Td numeric>{n.latencyMs === null ? "—" : `${formatPoints(n.latencyMs / 1000, 1)} s`}</Td>
              <Td numeric>{yieldCell(estimate)}</Td>
              <Td className="whitespace-nowrap">{n.hardware ? n.hardware.replace(/^NVIDIA (GeForce )?/, "") : "unknown"}</Td>
              <Td>
                <Link href={stakeHref(params, n.minerId)} className="whitespace-nowrap font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                  Stake<span className="sr-only"> on {n.minerId}</span>
                </Link>
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Pagination path="/market" searchParams={searchParams} page={page.page} pageSize={page.pageSize} total={page.total} label="Node pages" scroll={false} />
    </div>
  );
}

/** Bribe in force, a pending change, and a cut against stakers in the last 30 days. */
function BribeCell({ node: n }: { node: MarketNode }) {
  return (
    <span className="inline-flex flex-col items-end gap-0.5">
      {n.bribe === null ? (
        <span title="No bribe in force" className="text-zinc-600 dark:text-zinc-400">
          —<span className="sr-only">none in force</span>
        </span>
      ) : (
        <span className="font-medium">{formatPercent(n.bribe)}</span>
      )}
      {n.pendingBribe ? (
        <span className="text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          → {formatPercent(n.pendingBribe.bribe)} from {n.pendingBribe.effectiveAt.slice(5, 10)}
          <span className="sr-only"> (pending, from {n.pendingBribe.effectiveAt.slice(0, 10)})</span>
        </span>
      ) : null}
      {n.recentCut ? (
        <Badge tone="danger" title={`Cut from ${formatPercent(n.recentCut.from)} to ${formatPercent(n.recentCut.to)} ${n.recentCut.pending ? "from" : "on"} ${n.recentCut.effectiveAt.slice(0, 10)}`}>
          {n.recentCut.pending ? "cut ahead" : "cut"}
          <span className="sr-only">
            : bribe cut from {formatPercent(n.recentCut.from)} to {formatPercent(n.recentCut.to)}
          </span>
        </Badge>
      ) : null}
    </span>
  );
}
