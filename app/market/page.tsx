import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, EmptyState, PageHeading, Section, type SearchParamsRecord } from "@/components/ui";
import { LazyMyStakes } from "@/components/staking/lazy";
import { NodeStaking } from "@/components/staking/node-staking";
import { portalChainConfigOf } from "@/lib/chain/config";
import { formatDateTime, formatInt, formatMultiplier, shortId } from "@/lib/format";
import { everyLabel } from "@/lib/snapshots/schedule";
import { apiQuery, marketHref, parseMarketParams } from "@/lib/market/params";
import { getBribeHistory } from "@/lib/server/queries/bribes";
import { getChainStatus } from "@/lib/server/queries/chain-status";
import { getTokenRate } from "@/lib/server/queries/token-rate";
import { getMarket, getMarketRowsById, marketIntervalSeconds } from "@/lib/server/market/query";
import { SnapshotPending } from "@/components/snapshot-pending";
import { MARKET_WINDOW_DAYS, getMarketNode } from "@/lib/server/queries/market";
import { CompareHistory } from "@/components/market/compare-history";
import { CompareNodes } from "./compare";
import { MarketControls } from "./market-controls";
import { MarketTable } from "./market-table";
import { YieldExplainer } from "./yield-explainer";

export const metadata: Metadata = { title: "Staking market" };
export const dynamic = "force-dynamic";

export default async function MarketPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const params = parseMarketParams(sp);
  const now = new Date();
  const [market, chain, compared, selected, selectedBribes, rate] = await Promise.all([
    getMarket(params, now),
    getChainStatus(),
    params.compare.length ? getMarketRowsById(params.compare, params.stake, now) : null,
    params.node ? getMarketNode(params.node, now) : null,
    params.node ? getBribeHistory(params.node, now) : null,
    params.node ? getTokenRate(now) : null,
  ]);
  const csvHref = `/api/v1/market.csv?${new URLSearchParams({ ...apiQuery(params), page: "1" }).toString()}`;

  return (
    <div className="space-y-10">
      <PageHeading
        title="Staking market"
        description="Every mining node (one GPU, one miner ID) with its bribe, stake, availability and recent points, and what a stake of your size might earn. Sort by any column, filter, compare up to 4, and stake, unstake or move stake from your wallet."
      />

      {!chain.contracts ? (
        <Card as="aside" tone="warning" aria-labelledby="preview-note">
          <h2 id="preview-note" className="flex items-center gap-2 font-semibold text-zinc-900 dark:text-zinc-50">
            <Badge tone="warning">Read-only</Badge> No staking contracts configured
          </h2>
          <p className="mt-2 text-sm text-zinc-800 dark:text-zinc-200">
            This portal is not following a staking contract, so every node&apos;s stake is 0 stHEU, no bribe is set and wallets cannot stake here.
          </p>
        </Card>
      ) : null}

      {params.node ? (
        <Section
          id="stake-title"
          title={`Node ${shortId(params.node)}`}
          description={<span className="font-mono break-all">{params.node}</span>}
          anchor="stake"
          className="scroll-mt-20"
        >
          {selected && selectedBribes ? (
            <NodeStaking node={selected} bribes={selectedBribes} chain={chain} rate={rate} windowDays={MARKET_WINDOW_DAYS} now={now} titleId="stake-panel-title" eager />
          ) : (
            <EmptyState title="Unknown node">No GPU with this miner ID has reported a job, so it is not in the market.</EmptyState>
          )}
        </Section>
      ) : null}

      <Section
        id="my-stakes-title"
        title="My stakes"
        description="Your stake per node and your unstaked HEU, locked for 30 days before you can withdraw it. esHEU comes back at once."
        anchor="my-stakes"
        className="scroll-mt-20"
      >
        <Card>
          {chain.contracts ? (
            <LazyMyStakes chain={portalChainConfigOf(chain)} />
          ) : (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">Staking from a wallet is off on this portal.</p>
          )}
        </Card>
      </Section>

      {compared && compared.rows.length ? (
        <Section
          id="compare-title"
          title={`Comparing ${compared.rows.length} node${compared.rows.length === 1 ? "" : "s"}`}
          description={
            <>
              For your stake of {formatInt(params.stake)} HEU, as of {formatDateTime(compared.asOf)}. Add up to 4 from the table.{" "}
              <Link href={marketHref(params, { compare: [] })} className="font-medium text-indigo-700 underline dark:text-indigo-300">
                Clear
              </Link>
            </>
          }
          anchor="compare"
          className="scroll-mt-20 space-y-4"
        >
          <CompareNodes rows={compared.rows} params={params} />
          <CompareHistory minerIds={compared.rows.map((r) => r.minerId)} now={now} />
        </Section>
      ) : null}

      {market ? (
        <>
          <Section
            id="nodes"
            title="Nodes"
            description={
              <>
                Snapshot as of {formatDateTime(market.asOf)}
                {market.stale ? ` (behind: the worker rebuilds it ${everyLabel(marketIntervalSeconds())})` : ""}. Availability is the share of 5-minute buckets the job router saw
                the node polling for work (before its heartbeats began, hours with a received job: marked &ldquo;jobs&rdquo;); on time is jobs completed in time ÷ jobs received.
                Stake and bribes as indexed from the chain{chain.indexedBlock !== null ? ` up to block ${chain.indexedBlock}` : ""}.
              </>
            }
            className="space-y-4"
          >
            <Card>
              <MarketControls params={params} gpus={market.gpus} />
              {params.ignored.length ? (
                <p role="status" className="mt-3 text-sm text-amber-800 dark:text-amber-200">
                  Ignored {params.ignored.join(", ")}: not a valid value.
                </p>
              ) : null}
            </Card>
            <Card>
              <div className="mb-3 flex flex-wrap items-center justify-between gap-2 text-sm text-zinc-700 dark:text-zinc-300">
                <p>
                  {formatInt(market.total)} node{market.total === 1 ? "" : "s"} · yields for {formatInt(params.stake)} HEU
                </p>
                <a href={csvHref} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300" download>
                  Download CSV<span className="sr-only"> of these {formatInt(market.total)} nodes</span>
                </a>
              </div>
              <MarketTable market={market} params={params} searchParams={sp} />
              <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
                * Estimated yield per year for your stake at the node&apos;s bribe from the next epoch on, before esHEU vesting (esHEU vests into HEU linearly over one year). The
                second figure is the same stake in esHEU, which weighs {formatMultiplier(market.esHeuWeight)} in the bribe split. A red &ldquo;cut&rdquo; marks a node whose bribe
                in force or pending is lower than one it paid in the last 30 days. &ldquo;new&rdquo;: first seen under 14 days ago.
              </p>
            </Card>
          </Section>

          <Section id="how" title="How the yield estimate is computed">
            <Card>
              <YieldExplainer example={market.items.find((r) => r.yield !== null) ?? market.items[0]} market={market} />
            </Card>
          </Section>
        </>
      ) : (
        <Section id="nodes" title="Nodes" className="space-y-4">
          <SnapshotPending what="The staking market" intervalSeconds={marketIntervalSeconds()} />
        </Section>
      )}
    </div>
  );
}
