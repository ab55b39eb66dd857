import { Suspense } from "react";
import { Section, Skeleton } from "@/components/ui";
import { NODE_HISTORY_DAYS } from "@/lib/schemas/node-history";
import { getNodeHistory } from "@/lib/server/queries/node-history";
import { NodeHistoryCharts } from "./node-history";

/** The miner page's "Node history": loads one node's history and streams in, so the page only places it. */
export function NodeHistorySection({ minerId, now }: { minerId: string; now: Date }) {
  return (
    <Section
      id="history"
      title="Node history"
      description={`What a staker weighs: the bribe over time (a pending change dashed), the total stake and the availability per UTC day over the last ${NODE_HISTORY_DAYS} days. Each chart's numbers are under “Show numbers”.`}
    >
      <Suspense fallback={<Skeleton className="h-72 rounded-xl" />}>
        <NodeHistoryData minerId={minerId} now={now} />
      </Suspense>
    </Section>
  );
}

async function NodeHistoryData({ minerId, now }: { minerId: string; now: Date }) {
  const history = await getNodeHistory(minerId, now);
  return history ? <NodeHistoryCharts history={history} /> : null;
}
