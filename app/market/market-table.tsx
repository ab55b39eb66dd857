import Link from "next/link";
import { AddressLink, Badge, EmptyState, Pagination, Table, TBody, Td, THead, Th, Tr, type SearchParamsRecord } from "@/components/ui";
import { formatInt, formatMultiplier, formatPercent, formatPoints, formatYieldPercent } from "@/lib/format";
import { formatBps } from "@/lib/market/amount";
import { MAX_COMPARE, marketHref, type MarketParams } from "@/lib/market/params";
import { DEFAULT_ORDER, type MarketResponse, type MarketRow, type MarketSort } from "@/lib/schemas/market";

const muted = "block text-xs text-zinc-600 dark:text-zinc-400";
const gpuName = (gpu: string | null) => (gpu ? gpu.replace(/^NVIDIA (GeForce )?/, "") : "unknown GPU");

/** A header that sorts by its column: best first on the first click, the other way on the next. */
function SortHeader({ params, sort, label, hint, numeric = true }: { params: MarketParams; sort: MarketSort; label: string; hint: string; numeric?: boolean }) {
  const active = params.sort === sort;
  const order = params.order ?? DEFAULT_ORDER[params.sort];
  const next = active ? (order === "asc" ? "desc" : "asc") : DEFAULT_ORDER[sort];
  // "age, descending" reads oldest first; aria-sort describes the column's values as shown.
  const ascendingShown = sort === "age" ? order === "desc" : order === "asc";
  return (
    <Th numeric={numeric} aria-sort={active ? (ascendingShown ? "ascending" : "descending") : undefined}>
      <Link
        href={marketHref(params, { sort, order: next, page: 1 })}
        scroll={false}
        title={`Sort by ${hint}`}
        className="inline-flex items-center gap-1 whitespace-nowrap hover:text-zinc-900 hover:underline dark:hover:text-white"
      >
        {label}
        <span aria-hidden="true">{active ? (order === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">{active ? `, sorted ${order === "asc" ? "ascending" : "descending"}; activate to reverse` : ""}</span>
      </Link>
    </Th>
  );
}

/** Availability with the sample under it; a window measured partly from received jobs says so. */
function AvailabilityCell({ a }: { a: MarketRow["availability"]["24h"] }) {
  if (a.ratio === null) return <span className="text-zinc-600 dark:text-zinc-400">—</span>;
  const hours = a.buckets / 12;
  return (
    <span className="inline-flex flex-col items-end">
      <Badge tone={a.ratio >= 0.98 ? "success" : a.ratio >= 0.9 ? "warning" : "danger"}>{formatPercent(a.ratio)}</Badge>
      <span className={`${muted} whitespace-nowrap`} title={`${formatInt(a.onlineBuckets)} of ${formatInt(a.buckets)} 5-minute buckets`}>
        {formatInt(a.onlineBuckets / 12)} of {formatInt(hours)} h{a.source === "jobs" || a.source === "mixed" ? " · jobs" : ""}
      </span>
    </span>
  );
}

function BribeCell({ b }: { b: MarketRow["bribe"] }) {
  return (
    <span className="inline-flex flex-col items-end gap-0.5">
      {b.bps === null ? (
        <span className="text-zinc-600 dark:text-zinc-400">
          —<span className="sr-only">no bribe in force</span>
        </span>
      ) : (
        <span className="font-medium">{formatBps(b.bps)}</span>
      )}
      {b.pending ? (
        <span className="text-xs whitespace-nowrap text-zinc-600 dark:text-zinc-400">
          → {formatBps(b.pending.bps)} epoch {b.pending.epoch}
          <span className="sr-only"> (pending, from {b.pending.effectiveAt.slice(0, 10)})</span>
        </span>
      ) : null}
      {b.recentCut ? (
        <Badge tone="danger" title={`Cut from ${formatBps(b.recentCut.fromBps)} to ${formatBps(b.recentCut.toBps)} ${b.recentCut.pending ? "from" : "on"} ${b.recentCut.effectiveAt.slice(0, 10)}`}>
          {b.recentCut.pending ? "cut ahead" : "recent cut"}
          <span className="sr-only">
            : from {formatBps(b.recentCut.fromBps)} to {formatBps(b.recentCut.toBps)}
          </span>
        </Badge>
      ) : null}
    </span>
  );
}

function YieldCell({ r }: { r: MarketRow }) {
  if (!r.yield) {
    const why = { "no-bribe": "no bribe", inactive: "inactive", "no-rate": "no epoch yet" } as const;
    return <span className="text-zinc-600 dark:text-zinc-400">{r.yieldUnavailable ? why[r.yieldUnavailable] : "—"}</span>;
  }
  return (
    <span className="inline-flex flex-col items-end">
      <span className="font-semibold">{formatYieldPercent(r.yield.percentPerYear / 100)}</span>
      <span className={`${muted} whitespace-nowrap`}>{formatPoints(r.yield.heuPerEpoch, 2)} HEU/epoch</span>
    </span>
  );
}

function age(firstSeenAt: string, asOf: string): string {
  const days = Math.floor((Date.parse(asOf) - Date.parse(firstSeenAt)) / 86_400_000);
  return days < 1 ? "today" : `${formatInt(days)} d`;
}

export function MarketTable({ market, params, searchParams }: { market: MarketResponse; params: MarketParams; searchParams: SearchParamsRecord }) {
  if (market.total === 0) {
    return (
      <EmptyState title="No nodes match">
        Loosen a filter or clear them all: <Link href={marketHref({ ...params, q: "", gpu: undefined, minBribe: undefined, minUptime7d: undefined, maxStake: undefined, noRecentCut: undefined, new: undefined, page: 1 })} className="font-medium text-indigo-700 underline dark:text-indigo-300">show every node</Link>.
      </EmptyState>
    );
  }
  const comparing = new Set(params.compare);
  return (
    <div>
      <Table caption={`Mining nodes, page ${market.page} of ${Math.max(1, Math.ceil(market.total / market.pageSize))}`} captionHidden label="Node table">
        <THead>
          <tr>
            <Th>Node</Th>
            <SortHeader params={params} sort="yield" label="Yield*" hint={`estimated yield for ${formatInt(params.stake)} HEU`} />
            <SortHeader params={params} sort="bribe" label="Bribe" hint="bribe for a new stake" />
            <SortHeader params={params} sort="stake" label="Stake" hint="total stake" />
            <SortHeader params={params} sort="uptime24h" label="Avail. 24 h" hint="availability over the last 24 hours" />
            <SortHeader params={params} sort="uptime7d" label="Avail. 7 d" hint="availability over the last 7 days" />
            <SortHeader params={params} sort="uptime30d" label="Avail. 30 d" hint="availability over the last 30 days" />
            <SortHeader params={params} sort="onTime7d" label="On time 7 d" hint="jobs completed in time over the last 7 days" />
            <SortHeader params={params} sort="points" label="Points 7 d" hint="points over the last 7 days" />
            <SortHeader params={params} sort="latency" label="Latency" hint="median latency, fastest first" />
            <SortHeader params={params} sort="age" label="Age" hint="age, oldest first" />
            <Th>
              <span className="sr-only">Actions</span>
            </Th>
          </tr>
        </THead>
        <TBody>
          {market.items.map((r) => {
            const inCompare = comparing.has(r.minerId);
            const compareNext = inCompare ? params.compare.filter((id) => id !== r.minerId) : [...params.compare, r.minerId];
            return (
              <Tr key={r.minerId}>
                <Th scope="row" className="whitespace-nowrap">
                  <span className="inline-flex items-center gap-1.5">
                    <AddressLink id={r.minerId} kind="miner" />
                    {r.isNew ? (
                      <Badge tone="info" title={`First seen ${r.firstSeenAt.slice(0, 10)}`}>
                        new
                      </Badge>
                    ) : null}
                  </span>
                  <span className={muted}>
                    {gpuName(r.gpu)} · wallet <AddressLink id={r.wallet} className="text-xs" />
                  </span>
                </Th>
                <Td numeric>
                  <YieldCell r={r} />
                </Td>
                <Td numeric>
                  <BribeCell b={r.bribe} />
                </Td>
                <Td numeric>
                  {formatInt(r.stake.total)}
                  <span className={muted}>{formatMultiplier(r.stake.multiplierNow)}</span>
                </Td>
                <Td numeric>
                  <AvailabilityCell a={r.availability["24h"]} />
                </Td>
                <Td numeric>
                  <AvailabilityCell a={r.availability["7d"]} />
                </Td>
                <Td numeric>
                  <AvailabilityCell a={r.availability["30d"]} />
                </Td>
                <Td numeric>
                  {r.onTime["7d"].ratio === null ? "—" : formatPercent(r.onTime["7d"].ratio)}
                  <span className={muted}>{formatInt(r.onTime["7d"].jobs)} jobs</span>
                </Td>
                <Td numeric>
                  <span className="font-medium">{formatPoints(r.points7d.waifu + r.points7d.llama, 1)}</span>
                  <span className={muted}>{r.points7d.llama > 0 && r.points7d.waifu > 0 ? "Waifu + Llama" : r.points7d.llama > 0 ? "Llama" : "Waifu"}</span>
                </Td>
                <Td numeric>{r.latencyMs === null ? "—" : `${formatPoints(r.latencyMs / 1000, 1)} s`}</Td>
                <Td numeric className="whitespace-nowrap">
                  {age(r.firstSeenAt, market.asOf)}
                </Td>
                <Td className="whitespace-nowrap">
                  <span className="flex items-center gap-3">
                    <Link href={marketHref(params, { node: r.minerId }, "#stake")} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                      Stake<span className="sr-only"> on {r.minerId}</span>
                    </Link>
                    {inCompare || params.compare.length < MAX_COMPARE ? (
                      <Link
                        href={marketHref(params, { compare: compareNext }, compareNext.length ? "#compare" : "")}
                        scroll={false}
                        className="font-medium text-zinc-700 hover:underline dark:text-zinc-300"
                      >
                        {inCompare ? "Remove" : "Compare"}
                        <span className="sr-only"> {r.minerId}</span>
                      </Link>
                    ) : null}
                  </span>
                </Td>
              </Tr>
            );
          })}
        </TBody>
      </Table>
      <Pagination path="/market" searchParams={searchParams} page={market.page} pageSize={market.pageSize} total={market.total} label="Node pages" scroll={false} />
    </div>
  );
}
