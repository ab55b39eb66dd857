import { Suspense } from "react";
import { Skeleton } from "@/components/ui";
import { shortId } from "@/lib/format";
import { NODE_HISTORY_DAYS } from "@/lib/schemas/node-history";
import { getNodeHistories } from "@/lib/server/queries/node-history";
import { NodeHistoryCharts } from "./node-history";

// Columns as the compare cards above, so each node's history sits under its own card.
const GRID = "grid gap-4 sm:grid-cols-2 xl:grid-cols-4";

/**
 * The compared nodes' histories side by side (bribe, stake, availability per day): one query for
 * all of them, streamed in after the cards so the numbers a staker compares come first.
 */
export function CompareHistory({ minerIds, now }: { minerIds: readonly string[]; now: Date }) {
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-zinc-900 dark:text-zinc-50">History, last {NODE_HISTORY_DAYS} days</h3>
      <Suspense
        fallback={
          <div className={GRID}>
            {minerIds.map((id) => (
              <Skeleton key={id} className="h-96 rounded-xl" />
            ))}
          </div>
        }
      >
        <Histories minerIds={minerIds} now={now} />
      </Suspense>
    </div>
  );
}

async function Histories({ minerIds, now }: { minerIds: readonly string[]; now: Date }) {
  const histories = await getNodeHistories(minerIds, now);
  return (
    <div className={GRID}>
      {minerIds.map((id) => {
        const h = histories.get(id);
        return (
          <div key={id} role="group" aria-label={`History of node ${id}`} className="min-w-0 space-y-2">
            <p className="font-mono text-xs text-zinc-600 dark:text-zinc-400" title={id}>
              {shortId(id)}
            </p>
            {h ? <NodeHistoryCharts history={h} stacked /> : <p className="text-sm text-zinc-700 dark:text-zinc-300">No history: this node has not reported a job yet.</p>}
          </div>
        );
      })}
    </div>
  );
}
