import "server-only";
import { serverEnv } from "@/lib/env";
import { storeMissingRewardTrees } from "../../epochs/reward-tree";
import { settleDueEpochs } from "../../epochs/settle";
import type { WorkerTask } from "../task";

/**
 * Settles every epoch whose grace period (EPOCH_SETTLE_GRACE_HOURS) has ended: first
 * EPOCH_SETTLE_START_DELAY_S after a worker starts (room for a history backfill), then every 10
 * minutes. Settling is idempotent in SQL: an epoch already settled is never settled again. Each
 * settlement stores the epoch's reward tree; epochs settled before trees existed get theirs here.
 */
export function settleEpochsTask(): WorkerTask {
  const env = serverEnv();
  return {
    name: "settle-epochs",
    enabled: env.EPOCH_SETTLEMENT === "on",
    schedule: { every: { everyMs: 10 * 60_000, firstAfterMs: env.EPOCH_SETTLE_START_DELAY_S * 1000 } },
    async run({ pool, logger }) {
      const started = performance.now();
      const settled = await settleDueEpochs(
        pool,
        new Date(),
        (r) => logger.info({ epoch: r.epoch, miners: r.miners, stakers: r.stakers }, "epoch settled"),
        env.EPOCH_SETTLE_GRACE_HOURS * 3_600_000,
      );
      if (settled.length) logger.info({ epochs: settled.length, ms: Math.round(performance.now() - started) }, "settlement pass done");
      const trees = await storeMissingRewardTrees(pool);
      if (trees.length) logger.info({ epochs: trees }, "reward trees built for epochs settled before trees");
    },
  };
}
