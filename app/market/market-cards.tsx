import Link from "next/link";
import { cn } from "@/components/ui";
import { formatInt, formatMultiplier, formatPercent, formatPoints } from "@/lib/format";
import type { MarketParams } from "@/lib/market/params";
import type { MarketResponse, MarketRow } from "@/lib/schemas/market";
import { AvailabilityCell, BribeCell, NodeIdentity, RowActions, YieldCell, age, sortColumns, sortLink } from "./market-cells";

const label = "text-xs text-zinc-600 dark:text-zinc-400";

/** Sorting without column headers: the table's sort links as a row of links. */
function SortLinks({ params }: { params: MarketParams }) {
  return (
    <nav aria-label="Sort nodes" className="mb-3 flex flex-wrap items-baseline gap-x-3 gap-y-1 text-sm">
      <span className={label}>Sort by</span>
      {sortColumns(params).map((c) => {
        const { active, order, href } = sortLink(params, c.sort);
        return (
          <Link
            key={c.sort}
            href={href}
            scroll={false}
            aria-current={active ? "true" : undefined}
            className={cn("whitespace-nowrap hover:underline", active ? "font-semibold text-zinc-900 dark:text-white" : "text-indigo-700 dark:text-indigo-300")}
          >
            {c.label.replace("*", "")}
            {active ? <span aria-hidden="true"> {order === "asc" ? "▲" : "▼"}</span> : null}
            <span className="sr-only">{active ? `, sorted ${order === "asc" ? "ascending" : "descending"}; activate to reverse` : ""}</span>
          </Link>
        );
      })}
    </nav>
  );
}

function NodeCard({ r, params, asOf }: { r: MarketRow; params: MarketParams; asOf: string }) {
  const onTime = r.onTime["7d"];
  return (
    <li className="py-3">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <NodeIdentity r={r} />
        </div>
        <RowActions params={params} minerId={r.minerId} prominent />
      </div>
      {/* The cells right-align inside table columns; here they read left to right. */}
      <dl className="mt-2 grid grid-cols-3 gap-2 text-sm [&_dd_span]:whitespace-normal [&_dd>span]:items-start">
        <div>
          <dt className={label}>Yield*</dt>
          <dd>
            <YieldCell r={r} />
          </dd>
        </div>
        <div>
          <dt className={label}>Bribe</dt>
          <dd>
            <BribeCell b={r.bribe} />
          </dd>
        </div>
        <div>
          <dt className={label}>Avail. 7 d</dt>
          <dd>
            <AvailabilityCell a={r.availability["7d"]} />
          </dd>
        </div>
      </dl>
      <p className={cn(label, "mt-2")}>
        Stake {formatInt(r.stake.total)} ({formatMultiplier(r.stake.multiplierNow)}) · points 7 d {formatPoints(r.points7d.waifu + r.points7d.llama, 1)} · on time 7 d{" "}
        {onTime.ratio === null ? "—" : `${formatPercent(onTime.ratio)} of ${formatInt(onTime.jobs)} jobs`} · avail. 24 h {formatPercent(r.availability["24h"].ratio)}, 30 d{" "}
        {formatPercent(r.availability["30d"].ratio)} · latency {r.latencyMs === null ? "—" : `${formatPoints(r.latencyMs / 1000, 1)} s`} · age {age(r.firstSeenAt, asOf)}
      </p>
    </li>
  );
}

/** The market's rows as cards, for phones: every column is there, the deciding ones first. */
export function MarketCards({ market, params, caption, className }: { market: MarketResponse; params: MarketParams; caption: string; className?: string }) {
  return (
    <div className={className}>
      <SortLinks params={params} />
      <ul aria-label={caption} className="divide-y divide-zinc-100 border-t border-zinc-100 dark:divide-zinc-800 dark:border-zinc-800">
        {market.items.map((r) => (
          <NodeCard key={r.minerId} r={r} params={params} asOf={market.asOf} />
        ))}
      </ul>
    </div>
  );
}
