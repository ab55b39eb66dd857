import "server-only";
import { chainEnv, serverEnv } from "@/lib/env";
import { publishAsOperator } from "../../epochs/publish-root";
import type { WorkerTask } from "../task";

/**
 * Publishes every settled epoch's reward root not yet on chain (decision 0030), oldest first, as
 * the operator (OPERATOR_PRIVATE_KEY), every 10 minutes. Only when a key and a distributor are
 * configured; otherwise `npm run cli -- publish --epoch n` does it by hand.
 */
export function publishRootsTask(): WorkerTask {
  const key = serverEnv().OPERATOR_PRIVATE_KEY;
  const chain = chainEnv();
  const distributor = chain.contracts?.rewardDistributor;
  return {
    name: "publish-roots",
    enabled: Boolean(key && distributor),
    schedule: { every: { everyMs: 10 * 60_000, firstAfterMs: 30_000 } },
    async run({ pool, logger, signal }) {
      const { rows } = await pool.query<{ epoch: number }>(
        "SELECT r.epoch FROM reward_roots r WHERE NOT EXISTS (SELECT 1 FROM reward_publications p WHERE p.epoch = r.epoch) ORDER BY r.epoch",
      );
      for (const { epoch } of rows) {
        signal.throwIfAborted();
        const r = await publishAsOperator(pool, epoch, { ...chain, contracts: chain.contracts! }, key!);
        if (r.tx) logger.info({ epoch, root: r.root, totalWei: r.totalWei.toString(), tx: r.tx }, "reward root published");
      }
    },
  };
}
