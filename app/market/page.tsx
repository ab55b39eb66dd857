import type { Metadata } from "next";
import { Badge, Card, PageHeading, SectionHeading, type SearchParamsRecord } from "@/components/ui";
import { formatDateTime } from "@/lib/format";
import { parseMarketParams } from "@/lib/market/params";
import { SEASON1_HEU_PER_POINT, estimateStakerYield } from "@/lib/market/yield";
import { scheduleAt } from "@/lib/points";
import { MARKET_WINDOW_DAYS, getMarketHardware, getMarketPage } from "@/lib/server/queries/market";
import { MarketControls } from "./market-controls";
import { MarketTable, type MarketRow } from "./market-table";
import { YieldExplainer } from "./yield-explainer";

export const metadata: Metadata = { title: "Staking market" };
export const dynamic = "force-dynamic";

export default async function MarketPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const sp = await searchParams;
  const params = parseMarketParams(sp);
  const now = new Date();
  const schedule = scheduleAt(now);
  const [page, hardware] = await Promise.all([getMarketPage(params, now), getMarketHardware(now)]);
  const rows: MarketRow[] = page.items.map((node) => ({
    node,
    estimate: estimateStakerYield({
      // No bribe is on chain yet: the visitor's assumption stands in until operators set one.
      bribe: node.bribe ?? params.bribePercent / 100,
      recentPoints: node.waifuPoints7d + node.llamaPoints7d,
      windowDays: MARKET_WINDOW_DAYS,
      stakeHeu: node.stakeHeu,
      extraStakeHeu: params.stakeHeu,
      curve: schedule.stakeCurve,
      heuPerPoint: SEASON1_HEU_PER_POINT,
    }),
  }));

  return (
    <div className="space-y-10">
      <PageHeading
        title="Staking market"
        description="Every mining node (one GPU, one miner ID) with its bribe, stake, uptime and recent points, and what a stake of your size might earn."
      />

      <Card as="aside" tone="warning" aria-labelledby="preview-note">
        <h2 id="preview-note" className="flex items-center gap-2 font-semibold text-zinc-900 dark:text-zinc-50">
          <Badge tone="warning">Read-only preview</Badge> Staking is not live yet
        </h2>
        <p id="bribe-note" className="mt-2 text-sm text-zinc-800 dark:text-zinc-200">
          Staking, unstaking and moving stake from your wallet arrive with the on-chain staking contracts. Until then no operator has set a
          bribe (shown as —) and every node&apos;s stake is 0 stHEU. The yield column therefore uses the bribe % you assume below; it shows
          what a node&apos;s recent work would pay you, not a commitment by its operator. Once operators can set a bribe, a change takes
          effect at the next epoch and each node&apos;s bribe history will be listed here, so a bait-and-switch cut is visible before you stake.
        </p>
      </Card>

      <section aria-labelledby="nodes" className="space-y-4">
        <SectionHeading
          id="nodes"
          title="Nodes"
          description={`Uptime and points cover the last ${MARKET_WINDOW_DAYS} days (since ${formatDateTime(page.windowFrom)}); uptime is jobs completed in time ÷ jobs received.`}
        />
        <Card>
          <MarketControls params={params} hardware={hardware} />
        </Card>
        <Card>
          <MarketTable page={page} rows={rows} params={params} searchParams={sp} />
          <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
            * Estimated yield per year for your stake at the assumed bribe, before esHEU vesting (esHEU vests into HEU linearly over one year).
          </p>
        </Card>
      </section>

      <section aria-labelledby="how">
        <SectionHeading id="how" title="How the yield estimate is computed" />
        <Card>
          <YieldExplainer
            example={rows[0]}
            stakeHeu={params.stakeHeu}
            bribePercent={params.bribePercent}
            scheduleId={schedule.id}
            heuPerPoint={SEASON1_HEU_PER_POINT}
          />
        </Card>
      </section>
    </div>
  );
}
