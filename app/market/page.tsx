import type { Metadata } from "next";
import { Badge, Card, EmptyState, PageHeading, SectionHeading, type SearchParamsRecord } from "@/components/ui";
import { LazyMyStakes } from "@/components/staking/lazy";
import { NodeStaking } from "@/components/staking/node-staking";
import { portalChainConfigOf } from "@/lib/chain/config";
import { formatDateTime, shortId } from "@/lib/format";
import { parseMarketParams } from "@/lib/market/params";
import { estimateStakerYield, nodeHeuPerPoint } from "@/lib/market/yield";
import { ppmToNumber, scheduleAt, stakeMultiplierPpm } from "@/lib/points";
import { getBribeHistory } from "@/lib/server/queries/bribes";
import { getChainStatus } from "@/lib/server/queries/chain-status";
import { getTokenRate } from "@/lib/server/queries/token-rate";
import { MARKET_WINDOW_DAYS, getMarketHardware, getMarketNode, getMarketPage, type MarketNode } from "@/lib/server/queries/market";
import { MarketControls } from "./market-controls";
import { MarketTable, type MarketRow } from "./market-table";
import { YieldExplainer } from "./yield-explainer";

export const metadata: Metadata = { title: "Staking market" };
export const dynamic = "force-dynamic";

/** The bribe a new stake earns from the next epoch on: a pending change, else the one in force. */
const forwardBribe = (n: MarketNode) => n.pendingBribe?.bribe ?? n.bribe;

export default async function MarketPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const params = parseMarketParams(sp);
  const now = new Date();
  const schedule = scheduleAt(now);
  const [page, hardware, chain, selected, selectedBribes, rate] = await Promise.all([
    getMarketPage(params, now),
    getMarketHardware(now),
    getChainStatus(),
    params.node ? getMarketNode(params.node, now) : null,
    params.node ? getBribeHistory(params.node, now) : null,
    getTokenRate(now),
  ]);
  const rows: MarketRow[] = page.items.map((node) => {
    const bribe = forwardBribe(node);
    return {
      node,
      multiplier: ppmToNumber(stakeMultiplierPpm(schedule.stakeCurve, node.stakeHeu)),
      bribe,
      estimate:
        bribe === null
          ? null
          : estimateStakerYield({
              bribe,
              recentPoints: node.waifuPoints7d + node.llamaPoints7d,
              windowDays: MARKET_WINDOW_DAYS,
              stakeHeu: node.stakeHeu,
              extraStakeHeu: params.stakeHeu,
              curve: schedule.stakeCurve,
              heuPerPoint: rate && nodeHeuPerPoint(rate, node.waifuPoints7d, node.llamaPoints7d),
            }),
    };
  });

  return (
    <div className="space-y-10">
      <PageHeading
        title="Staking market"
        description="Every mining node (one GPU, one miner ID) with its bribe, stake, uptime and recent points, and what a stake of your size might earn. Stake, unstake and move stake from your wallet."
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
        <section aria-labelledby="stake-title" id="stake" className="scroll-mt-20">
          <SectionHeading id="stake-title" title={`Node ${shortId(params.node)}`} description={<span className="font-mono break-all">{params.node}</span>} />
          {selected && selectedBribes ? (
            <NodeStaking node={selected} bribes={selectedBribes} chain={chain} rate={rate} windowDays={MARKET_WINDOW_DAYS} now={now} titleId="stake-panel-title" eager />
          ) : (
            <EmptyState title="Unknown node">No GPU with this miner ID has reported a job, so it is not in the market.</EmptyState>
          )}
        </section>
      ) : null}

      <section aria-labelledby="my-stakes-title" id="my-stakes" className="scroll-mt-20">
        <SectionHeading
          id="my-stakes-title"
          title="My stakes"
          description="Your stake per node and your unstaked HEU, locked for 30 days before you can withdraw it. esHEU comes back at once."
        />
        <Card>
          {chain.contracts ? (
            <LazyMyStakes chain={portalChainConfigOf(chain)} />
          ) : (
            <p className="text-sm text-zinc-700 dark:text-zinc-300">Staking from a wallet is off on this portal.</p>
          )}
        </Card>
      </section>

      <section aria-labelledby="nodes" className="space-y-4">
        <SectionHeading
          id="nodes"
          title="Nodes"
          description={`Uptime and points cover the last ${MARKET_WINDOW_DAYS} days (since ${formatDateTime(page.windowFrom)}); uptime is jobs completed in time ÷ jobs received. Stake and bribes as indexed from the chain${chain.indexedBlock !== null ? ` up to block ${chain.indexedBlock}` : ""}.`}
        />
        <Card>
          <MarketControls params={params} hardware={hardware} />
        </Card>
        <Card>
          <MarketTable page={page} rows={rows} params={params} searchParams={sp} />
          <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
            * Estimated yield per year for your stake at the node&apos;s bribe from the next epoch on, before esHEU vesting (esHEU vests into HEU linearly over
            one year). A red &ldquo;cut&rdquo; marks a node whose bribe in force or pending is lower than one it paid in the last 30 days.
          </p>
        </Card>
      </section>

      <section aria-labelledby="how">
        <SectionHeading id="how" title="How the yield estimate is computed" />
        <Card>
          <YieldExplainer example={rows.find((r) => r.estimate?.ok) ?? rows[0]} stakeHeu={params.stakeHeu} scheduleId={schedule.id} rate={rate} />
        </Card>
      </section>
    </div>
  );
}
