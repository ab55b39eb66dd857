import "server-only";
import type pg from "pg";
import { raiseConditionAlerts, raiseEventAlerts, resolveConditionAlerts, watchWebhooks } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";
import { columns } from "../unnest-columns";
import { conditionStates, type ConditionState } from "./conditions";
import { watchEvents } from "./events";
import { enqueueDelivery, type AlertPayload, type WebhookEventType, type WebhookFormat } from "./outbox";

// One evaluation of every watch (the worker's evaluate-watches task; decision 0035), in one
// transaction: a condition that holds opens an episode unless one is open (a partial unique index
// makes raising twice a no-op), one that no longer holds resolves its open episode, each new event
// becomes an alert, and each watch with a webhook gets one event for what it raised and one for
// what it resolved. Everything is state in the database, so a worker that restarts, or a second
// evaluation of the same moment, raises and resolves nothing twice.

/** pg advisory-lock namespace ("HE") and key ("WA"): one evaluation at a time, cluster-wide. */
const LOCK = [0x4845, 0x5741] as const;

export interface EvaluationResult {
  raised: number;
  resolved: number;
  deliveries: number;
}

/** An alert as the evaluator's statements return it (the three share their RETURNING list). */
type AlertRow = raiseConditionAlerts.Result | resolveConditionAlerts.Result | raiseEventAlerts.Result;

async function raiseConditions(db: pg.PoolClient, firing: ConditionState[], now: Date): Promise<AlertRow[]> {
  if (firing.length === 0) return [];
  const details = firing.map((c) => JSON.stringify(c.detail));
  return queryTyped(db, raiseConditionAlerts(...columns(firing, "watchId", "kind", "subject", "wallet", "title"), now, details));
}

/** Resolves each open episode whose watch and subject are not in `firing` (its condition cleared, or the GPU left the wallet). */
async function resolveConditions(db: pg.PoolClient, firing: ConditionState[], now: Date): Promise<AlertRow[]> {
  return queryTyped(db, resolveConditionAlerts(...columns(firing, "watchId", "subject"), now));
}

async function raiseEvents(db: pg.PoolClient, now: Date): Promise<AlertRow[]> {
  const events = await watchEvents(db, now);
  if (events.length === 0) return [];
  const details = events.map((e) => JSON.stringify(e.detail));
  return queryTyped(db, raiseEventAlerts(...columns(events, "watchId", "kind", "subject", "wallet", "eventKey", "at", "title"), details));
}

export const alertPayload = (a: AlertRow): AlertPayload => ({
  id: a.id,
  kind: a.kind,
  subject: a.subject,
  wallet: a.wallet,
  title: a.title,
  openedAt: a.openedAt.toISOString(),
  resolvedAt: a.resolvedAt ? a.resolvedAt.toISOString() : null,
  // detail is the JSON object the evaluator wrote (its condition's or event's facts).
  detail: a.detail as Record<string, unknown>,
});

/** One webhook event per watch and type for the alerts it raised or resolved now. */
async function queueDeliveries(db: pg.PoolClient, batches: [WebhookEventType, AlertRow[]][], now: Date): Promise<number> {
  const ids = [...new Set(batches.flatMap(([, rows]) => rows.map((r) => r.watchId)))];
  if (ids.length === 0) return 0;
  const watches = await queryTyped(db, watchWebhooks(ids));
  let queued = 0;
  for (const w of watches) {
    // webhook_format is text a CHECK keeps to json or discord.
    const target = { id: w.id, webhookUrl: w.webhook_url, webhookFormat: w.webhook_format as WebhookFormat, disabledAt: w.disabled_at };
    for (const [type, rows] of batches) {
      const alerts = rows.filter((r) => r.watchId === w.id).map(alertPayload);
      if (alerts.length === 0) continue;
      const event = { type, watch: { id: w.id, kind: w.kind, target: w.target }, alerts, createdAt: now.toISOString() };
      if (await enqueueDelivery(db, target, event, now)) queued++;
    }
  }
  return queued;
}

/** Evaluates every watch as of `now`. */
export async function evaluateWatches(pool: pg.Pool, now = new Date()): Promise<EvaluationResult> {
  const db = await pool.connect();
  try {
    await db.query("BEGIN");
    await db.query("SET LOCAL statement_timeout = 60000");
    await db.query("SELECT pg_advisory_xact_lock($1, $2)", [...LOCK]);
    const states = await conditionStates(db, now);
    const firing = states.filter((s) => s.firing);
    const opened = await raiseConditions(db, firing, now);
    const cleared = await resolveConditions(db, firing, now);
    const events = await raiseEvents(db, now);
    const raised = [...opened, ...events];
    const deliveries = await queueDeliveries(
      db,
      [
        ["alert.raised", raised],
        ["alert.resolved", cleared],
      ],
      now,
    );
    await db.query("COMMIT");
    return { raised: raised.length, resolved: cleared.length, deliveries };
  } catch (err) {
    await db.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    db.release();
  }
}
