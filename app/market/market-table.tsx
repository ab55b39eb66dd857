import Link from "next/link";
import { EmptyState, Pagination, Table, TBody, Td, THead, Th, Tr, type SearchParamsRecord, ActionsTh } from "@/components/ui";
import { formatInt, formatMultiplier, formatPercent, formatPoints } from "@/lib/format";
import { marketHref, type MarketParams } from "@/lib/market/params";
import type { MarketResponse, MarketSort } from "@/lib/schemas/market";
import { AvailabilityCell, BribeCell, NodeIdentity, RowActions, YieldCell, age, muted, sortColumns, sortLink } from "./market-cells";
import { MarketCards } from "./market-cards";

/** A header that sorts by its column. */
function SortHeader({ params, sort, label, hint, numeric = true }: { params: MarketParams; sort: MarketSort; label: string; hint: string; numeric?: boolean }) {
  const { active, order, ascendingShown, href } = sortLink(params, sort);
  return (
    <Th numeric={numeric} aria-sort={active ? (ascendingShown ? "ascending" : "descending") : undefined}>
      <Link
        href={href}
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

export function MarketTable({ market, params, searchParams }: { market: MarketResponse; params: MarketParams; searchParams: SearchParamsRecord }) {
  if (market.total === 0) {
    return (
      <EmptyState title="No nodes match">
        Loosen a filter or clear them all:{" "}
        <Link
          href={marketHref({ ...params, q: "", gpu: undefined, minBribe: undefined, minUptime7d: undefined, maxStake: undefined, noRecentCut: undefined, new: undefined, page: 1 })}
          className="font-medium text-indigo-700 underline dark:text-indigo-300"
        >
          show every node
        </Link>
        .
      </EmptyState>
    );
  }
  const caption = `Mining nodes, page ${market.page} of ${Math.max(1, Math.ceil(market.total / market.pageSize))}`;
  return (
    <div>
      {/* Twelve columns do not fit a phone: below 640 px each node is a card that leads with what
          decides a stake (yield, bribe, availability 7 d, the Stake link); the table takes over above. */}
      <MarketCards market={market} params={params} caption={caption} className="sm:hidden" />
      <Table className="hidden sm:block" caption={caption} captionHidden label="Node table">
        <THead>
          <tr>
            <Th>Node</Th>
            {sortColumns(params).map((c) => (
              <SortHeader key={c.sort} params={params} sort={c.sort} label={c.label} hint={c.hint} />
            ))}
            <ActionsTh />
          </tr>
        </THead>
        <TBody>
          {market.items.map((r) => (
            <Tr key={r.minerId}>
              <Th scope="row" className="whitespace-nowrap">
                <NodeIdentity r={r} />
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
                <RowActions params={params} minerId={r.minerId} />
              </Td>
            </Tr>
          ))}
        </TBody>
      </Table>
      <Pagination path="/market" searchParams={searchParams} page={market.page} pageSize={market.pageSize} total={market.total} label="Node pages" scroll={false} />
    </div>
  );
}
