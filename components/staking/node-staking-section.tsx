import { Suspense } from "react";
import { Section, Skeleton } from "@/components/ui";
import { getBribeHistory } from "@/lib/server/queries/bribes";
import { getChainStatus } from "@/lib/server/queries/chain-status";
import { getMarketNode, MARKET_WINDOW_DAYS } from "@/lib/server/queries/market";
import { getTokenRate } from "@/lib/server/queries/token-rate";
import { NodeStaking } from "./node-staking";

/** The miner page's staking section: reads its own data and streams in, so the page only places it. */
export function NodeStakingSection({ minerId }: { minerId: string }) {
  return (
    <Suspense fallback={<Skeleton className="h-64 rounded-xl" />}>
      <NodeStakingData minerId={minerId} />
    </Suspense>
  );
}

async function NodeStakingData({ minerId }: { minerId: string }) {
  const now = new Date();
  const [node, bribes, chain, rate] = await Promise.all([getMarketNode(minerId, now), getBribeHistory(minerId, now), getChainStatus(), getTokenRate(now)]);
  if (!node) return null;
  return (
    <Section
      id="staking"
      title="Staking and bribe"
      description="Stakers delegate HEU or esHEU to this GPU: its stake sets the stake multiplier of its jobs, and its operator's bribe is the share of its rewards paid to them."
    >
      <NodeStaking node={node} bribes={bribes} chain={chain} rate={rate} windowDays={MARKET_WINDOW_DAYS} now={now} titleId="staking-panel" />
    </Section>
  );
}
