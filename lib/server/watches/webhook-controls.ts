import "server-only";
import type pg from "pg";
import { withTransaction } from "../db";
import { lockWatchWebhook } from "../generated/prisma/sql";
import { prismaOn } from "../prisma-on";
import { queryTyped } from "../typed-pg";
import { enqueueDelivery, type WebhookFormat } from "./outbox";

// What a watch's owner does to its webhook (decision 0036), for the watch API to call once it has
// checked that the session's wallet owns the watch.

/**
 * Clears a disabled webhook and its failure count; deliveries given up meanwhile stay given up.
 * False when the watch does not exist or has no webhook.
 */
export async function enableWebhook(pool: pg.Pool, watchId: bigint | string): Promise<boolean> {
  const { count } = await prismaOn(pool).watch.updateMany({
    where: { id: BigInt(watchId), webhookUrl: { not: null } },
    data: { failures: 0, disabledAt: null, disabledReason: null },
  });
  return count === 1;
}

/**
 * Queues a `test` event, due now, through the same path as alerts (signed, retried, logged). Allowed
 * on a disabled webhook: the owner checks a fixed receiver with it, and its success enables the
 * webhook again (a failure does not re-disable or count twice). At most one test is pending per
 * watch: a new one stops the previous (given up; one already being posted is still logged), so
 * repeated clicks cannot queue a day of retries each. False when the watch has no webhook.
 * Raw SQL on one pg transaction: the row lock, and the outbox insert it shares with the evaluator's transaction.
 */
export async function queueTestEvent(pool: pg.Pool, watchId: bigint | string, now = new Date()): Promise<boolean> {
  return withTransaction(
    async (client) => {
      const [w] = await queryTyped(client, lockWatchWebhook(watchId.toString()));
      if (!w?.webhook_url) return false;
      await client.query("UPDATE webhook_deliveries SET next_attempt_at = NULL, gave_up_at = $2 WHERE watch_id = $1 AND event = 'test' AND next_attempt_at IS NOT NULL", [
        w.id,
        now,
      ]);
      return enqueueDelivery(
        client,
        // webhook_format: a CHECK keeps it json or discord. disabledAt null on purpose: enqueueDelivery skips
        // disabled webhooks, and a test is the exception.
        { id: w.id, webhookUrl: w.webhook_url, webhookFormat: w.webhook_format as WebhookFormat, disabledAt: null },
        { type: "test", watch: { id: w.id, kind: w.kind, target: w.target }, alerts: [], createdAt: now.toISOString() },
        now,
      );
    },
    { db: pool },
  );
}
