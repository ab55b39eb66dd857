// A webhook receiver on 127.0.0.1 and the rows the webhook tests start from (watches inserted
// directly; deliveries queued through the outbox as the evaluator queues them).
import pg from "pg";
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { DeliverOptions } from "@/lib/server/watches/deliver";
import { enqueueDelivery, type WebhookEvent, type WebhookFormat } from "@/lib/server/watches/outbox";
import { createOwnDatabase } from "./own-database";
import { startReceiver, type Receiver } from "./receiver";

export { startReceiver, type Answer, type Received, type Receiver } from "./receiver";

export const SECRET = "whsec-test-0123456789abcdef";
/** The largest draw Math.random can return, near enough: each retry waits its whole ceiling. */
export const TOP = 1 - 1e-12;
/** Receivers on 127.0.0.1, short timeouts, the jitter fixed at its top, and no disabling unless a test asks. */
export const LOCAL: DeliverOptions = { allowPrivate: true, timeoutMs: 2_000, maxFailures: 1_000, random: () => TOP };

/** A database of the test file's own (`prefix`), and before each test a fresh receiver and no watches. */
export function webhookFixture(prefix: string): { pool: pg.Pool; receiver: Receiver } {
  const f = {} as { pool: pg.Pool; receiver: Receiver };
  beforeAll(async () => {
    f.pool = new pg.Pool({ connectionString: await createOwnDatabase(prefix), max: 6 });
  });
  beforeEach(async () => {
    await f.receiver?.close();
    f.receiver = await startReceiver();
    await f.pool.query("TRUNCATE watches CASCADE");
  });
  afterAll(async () => {
    await f.receiver?.close();
    await f.pool.end();
  });
  return f;
}

export async function insertWatch(pool: pg.Pool, url: string, format: WebhookFormat = "json"): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    "INSERT INTO watches (owner, kind, target, webhook_url, webhook_format, webhook_secret) VALUES ($1, 'epoch', $1, $2, $3, $4) RETURNING id::text",
    ["0x00000000000000000000000000000000000000aa", url, format, SECRET],
  );
  return rows[0]!.id;
}

export function alertEvent(watchId: string, at: Date): WebhookEvent {
  return {
    type: "alert.raised",
    watch: { id: watchId, kind: "gpu_idle", target: "miner-7" },
    alerts: [
      { id: "1", kind: "gpu_idle", subject: "miner-7", wallet: "0xaa", title: "miner-7 has been idle for 30 minutes", openedAt: at.toISOString(), resolvedAt: null, detail: {} },
    ],
    createdAt: at.toISOString(),
  };
}

/** Queues an alert event for the watch through the outbox, due at `at`; the delivery's id. */
export async function queueAlert(pool: pg.Pool, watchId: string, at: Date, format: WebhookFormat = "json"): Promise<string> {
  const { rows } = await pool.query<{ webhook_url: string }>("SELECT webhook_url FROM watches WHERE id = $1", [watchId]);
  await enqueueDelivery(pool, { id: watchId, webhookUrl: rows[0]!.webhook_url, webhookFormat: format, disabledAt: null }, alertEvent(watchId, at), at);
  return (await pool.query<{ id: string }>("SELECT max(id)::text AS id FROM webhook_deliveries")).rows[0]!.id;
}

export interface DeliveryRow {
  attempts: number;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  gave_up_at: Date | null;
  created_at: Date;
}

export const deliveryRow = async (pool: pg.Pool, id: string) =>
  (await pool.query<DeliveryRow>("SELECT attempts, next_attempt_at, delivered_at, gave_up_at, created_at FROM webhook_deliveries WHERE id = $1", [id])).rows[0]!;

export const attemptRows = async (pool: pg.Pool, deliveryId: string) =>
  (
    await pool.query<{ attempt: number; at: Date; status: number | null; error: string | null }>(
      "SELECT attempt, at, status, error FROM webhook_attempts WHERE delivery_id = $1 ORDER BY attempt",
      [deliveryId],
    )
  ).rows;

export const watchRow = async (pool: pg.Pool, id: string) =>
  (
    await pool.query<{ failures: number; disabled_at: Date | null; disabled_reason: string | null }>("SELECT failures, disabled_at, disabled_reason FROM watches WHERE id = $1", [
      id,
    ])
  ).rows[0]!;
