import "server-only";
import { deliverDue, DELIVERY_BATCH } from "../../watches/deliver";
import { passesFor } from "../chunk";
import type { WorkerTask } from "../task";

/** One-minute jobs, like the folder's: no job comes near graphile-worker's 4-hour unlock. */
const CHUNK_MS = 60_000;
/** How long a pass that found nothing more to do waits before looking again. */
const POLL_MS = 2_000;

/**
 * Posts the watches' due webhook deliveries (decision 0036): a pass every 2 s, at once again while
 * passes find full batches. A chunk cut by SIGTERM cuts the attempts under way short; they are
 * logged as failed and retried.
 */
export function deliverWebhooksTask(): WorkerTask {
  return {
    name: "deliver-webhooks",
    enabled: true,
    schedule: { every: { everyMs: 0 } },
    run: (ctx) =>
      passesFor(ctx, CHUNK_MS, POLL_MS, async ({ pool, signal, logger }) => {
        const t = await deliverDue(pool, { signal });
        const handled = t.delivered + t.retrying + t.gaveUp;
        if (handled || t.stopped) logger.info({ delivered: t.delivered, retrying: t.retrying, gaveUp: t.gaveUp, stopped: t.stopped }, "webhook deliveries");
        for (const d of t.disabled) logger.warn(d, "webhook disabled");
        return handled >= DELIVERY_BATCH;
      }),
  };
}
