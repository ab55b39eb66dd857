import "server-only";
import { ensureLedgerPartitions, PARTITION_WEEKS_AHEAD } from "../../ledger-partitions";
import type { WorkerTask } from "../task";

/** Keeps the ledger's weekly partitions PARTITION_WEEKS_AHEAD weeks ahead of now: at start and every 6 hours. */
export function ledgerPartitionsTask(): WorkerTask {
  return {
    name: "ledger-partitions",
    enabled: true,
    schedule: { cron: { pattern: "23 */6 * * *", onStart: true } },
    async run({ pool, logger }) {
      const created = await ensureLedgerPartitions(pool);
      if (created) logger.info({ created, weeksAhead: PARTITION_WEEKS_AHEAD }, "weekly ledger partitions created");
    },
  };
}
