import "server-only";
import { serverEnv } from "@/lib/env";
import { metrics } from "@/lib/metrics";
import { evaluateWatches } from "../../watches/evaluate";
import type { WorkerTask } from "../task";

/** Evaluates every watch every WATCHES_EVALUATE_SECONDS: raises and resolves alerts, queues their webhooks (decision 0035). */
export function evaluateWatchesTask(): WorkerTask {
  const everyMs = serverEnv().WATCHES_EVALUATE_SECONDS * 1000;
  return {
    name: "evaluate-watches",
    enabled: true,
    schedule: { every: { everyMs, firstAfterMs: Math.min(everyMs, 10_000) } },
    async run({ pool, logger }) {
      const r = await evaluateWatches(pool);
      if (r.raised || r.resolved) logger.info(r, "watches evaluated");
      metrics().alerts.inc({ change: "raised" }, r.raised);
      metrics().alerts.inc({ change: "resolved" }, r.resolved);
    },
  };
}
