import "server-only";
import type { WorkerTask } from "./task";
import { chainIndexTask } from "./tasks/chain-index";
import { deliverWebhooksTask } from "./tasks/deliver-webhooks";
import { evaluateWatchesTask } from "./tasks/evaluate-watches";
import { foldTask } from "./tasks/fold";
import { ledgerPartitionsTask } from "./tasks/ledger-partitions";
import { publishRootsTask } from "./tasks/publish-roots";
import { purgeAuthTask } from "./tasks/purge-auth";
import { rollupRetentionTask } from "./tasks/rollup-retention";
import { settleEpochsTask } from "./tasks/settle-epochs";
import { snapshotTasks } from "./tasks/snapshots";

/**
 * Every background task, registered here and nowhere else: name, schedule and handler (see
 * ./task.ts for the schedule kinds). Each is a singleton across all worker processes. To add one,
 * write lib/server/worker/tasks/<name>.ts returning a WorkerTask and list it below.
 */
export function workerTasks(): WorkerTask[] {
  return [
    foldTask(),
    chainIndexTask(),
    settleEpochsTask(),
    publishRootsTask(),
    purgeAuthTask(),
    ledgerPartitionsTask(),
    rollupRetentionTask(),
    evaluateWatchesTask(),
    deliverWebhooksTask(),
    ...snapshotTasks(),
  ];
}
