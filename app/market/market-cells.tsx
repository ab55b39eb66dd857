import Link from "next/link";
import { AddressLink, Badge, cn } from "@/components/ui";
import { formatInt, formatPercent, formatPoints, formatYieldPercent } from "@/lib/format";
import { formatBps } from "@/lib/market/amount";
import { gpuName } from "@/lib/market/node-option";
import { MAX_COMPARE, marketHref, type MarketParams } from "@/lib/market/params";
import { DEFAULT_ORDER, type MarketRow, type MarketSort } from "@/lib/schemas/market";

// The market's cells, shared by the table (from 640 px) and the node cards (phones).

export const muted = "block text-xs text-zinc-600 dark:text-zinc-400";

/** A node's miner ID (with a "new" badge), GPU and wallet: the table's row header and a card's title. */
export function NodeIdentity({ r }: { r: MarketRow }) {
  return (
    <>
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
    </>
  );
}

/** Availability with the sample under it; a window measured partly from received jobs says so. */
export function AvailabilityCell({ a }: { a: MarketRow["availability"]["24h"] }) {
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

export function BribeCell({ b }: { b: MarketRow["bribe"] }) {
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
        <Badge
          tone="danger"
          title={`Cut from ${formatBps(b.recentCut.fromBps)} to ${formatBps(b.recentCut.toBps)} ${b.recentCut.pending ? "from" : "on"} ${b.recentCut.effectiveAt.slice(0, 10)}`}
        >
          {b.recentCut.pending ? "cut ahead" : "recent cut"}
          <span className="sr-only">
            : from {formatBps(b.recentCut.fromBps)} to {formatBps(b.recentCut.toBps)}
          </span>
        </Badge>
      ) : null}
    </span>
  );
}

export function YieldCell({ r }: { r: MarketRow }) {
  if (!r.yield) {
    const why = { "no-bribe": "no bribe", inactive: "inactive", "no-rate": "no epoch yet" } as const;
    return <span className="text-zinc-600 dark:text-zinc-400">{r.yieldUnavailable ? why[r.yieldUnavailable] : "—"}</span>;
  }
  return (
    <span className="inline-flex flex-col items-end">
      <span className="font-semibold">{formatYieldPercent(r.yield.percentPerYear / 100)}</span>
      <span className={`${muted} whitespace-nowrap`}>{formatPoints(r.yield.heuPerEpoch, 2)} HEU/epoch</span>
      {r.yieldEsHeu ? <span className={`${muted} whitespace-nowrap`}>esHEU {formatYieldPercent(r.yieldEsHeu.percentPerYear / 100)}</span> : null}
    </span>
  );
}

export function age(firstSeenAt: string, asOf: string): string {
  const days = Math.floor((Date.parse(asOf) - Date.parse(firstSeenAt)) / 86_400_000);
  return days < 1 ? "today" : `${formatInt(days)} d`;
}

/** Stake on the node, and add it to (or remove it from) the comparison while there is room. */
export function RowActions({ params, minerId, prominent = false }: { params: MarketParams; minerId: string; prominent?: boolean }) {
  const inCompare = params.compare.includes(minerId);
  const compareNext = inCompare ? params.compare.filter((id) => id !== minerId) : [...params.compare, minerId];
  return (
    <span className="flex items-center gap-3">
      <Link
        href={marketHref(params, { node: minerId }, "#stake")}
        className={cn(
          "font-medium",
          prominent
            ? "rounded-md bg-indigo-600 px-3 py-1.5 text-sm text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
            : "text-indigo-700 hover:underline dark:text-indigo-300",
        )}
      >
        Stake<span className="sr-only"> on {minerId}</span>
      </Link>
      {inCompare || params.compare.length < MAX_COMPARE ? (
        <Link
          href={marketHref(params, { compare: compareNext }, compareNext.length ? "#compare" : "")}
          scroll={false}
          className="font-medium text-zinc-700 hover:underline dark:text-zinc-300"
        >
          {inCompare ? "Remove" : "Compare"}
          <span className="sr-only"> {minerId}</span>
        </Link>
      ) : null}
    </span>
  );
}

/** The link that sorts by a column: best first on the first click, the other way on the next. */
export function sortLink(params: MarketParams, sort: MarketSort) {
  const active = params.sort === sort;
  const order = params.order ?? DEFAULT_ORDER[params.sort];
  const next = active ? (order === "asc" ? "desc" : "asc") : DEFAULT_ORDER[sort];
  // "age, descending" reads oldest first; aria-sort describes the column's values as shown.
  const ascendingShown = sort === "age" ? order === "desc" : order === "asc";
  return { active, order, ascendingShown, href: marketHref(params, { sort, order: next, page: 1 }) };
}

/** The sortable columns in table order; the phone cards' sort links use the same labels. */
export function sortColumns(params: MarketParams): { sort: MarketSort; label: string; hint: string }[] {
  return [
    { sort: "yield", label: "Yield*", hint: `estimated yield for ${formatInt(params.stake)} HEU` },
    { sort: "bribe", label: "Bribe", hint: "bribe for a new stake" },
    { sort: "stake", label: "Stake", hint: "total stake" },
    { sort: "uptime24h", label: "Avail. 24 h", hint: "availability over the last 24 hours" },
    { sort: "uptime7d", label: "Avail. 7 d", hint: "availability over the last 7 days" },
    { sort: "uptime30d", label: "Avail. 30 d", hint: "availability over the last 30 days" },
    { sort: "onTime7d", label: "On time 7 d", hint: "jobs completed in time over the last 7 days" },
    { sort: "points", label: "Points 7 d", hint: "points over the last 7 days" },
    { sort: "latency", label: "Latency", hint: "median latency, fastest first" },
    { sort: "age", label: "Age", hint: "age, oldest first" },
  ];
}
