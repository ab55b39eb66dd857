import "server-only";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { MAX_WATCHES_PER_WALLET, type AlertView, type CreateWatchBody, type WatchKind, type WatchView } from "@/lib/schemas/watches";
import { serverEnv } from "@/lib/env";
import { pool } from "../db";
import { isoOf } from "../queries/convert";
import { webhookUrlProblem } from "./webhook-target";

// A wallet's watches as its signed-in owner reads and changes them (decision 0035). Only the owner
// reads them: a watch names a webhook, whose URL may be private. Always the primary: a watch just
// created must be in the list the page reloads.

const RECENT = 10;

interface WatchRow {
  id: string;
  kind: WatchKind;
  target: string;
  threshold: number | null;
  webhook_url: string | null;
  webhook_format: "json" | "discord";
  failures: number;
  disabled_at: Date | null;
  disabled_reason: string | null;
  created_at: Date;
  open_alerts: number;
}

interface AlertRow {
  id: string;
  watch_id: string;
  kind: WatchKind;
  subject: string;
  title: string;
  opened_at: Date;
  resolved_at: Date | null;
  detail: Record<string, unknown>;
}

export const alertView = (a: AlertRow): AlertView => ({
  id: a.id,
  kind: a.kind,
  subject: a.subject,
  title: a.title,
  openedAt: isoOf(a.opened_at),
  resolvedAt: a.resolved_at ? isoOf(a.resolved_at) : null,
  detail: a.detail,
});

const WATCH_COLUMNS = `w.id::text, w.kind, w.target, w.threshold, w.webhook_url, w.webhook_format, w.failures, w.disabled_at, w.disabled_reason, w.created_at,
  (SELECT count(*)::int FROM alerts a WHERE a.watch_id = w.id AND a.resolved_at IS NULL) AS open_alerts`;

/** The owner's watches, newest first, each with its latest alerts and webhook deliveries. */
export async function listWatches(owner: string, db: pg.Pool = pool()): Promise<WatchView[]> {
  const watches = await db.query<WatchRow>(`SELECT ${WATCH_COLUMNS} FROM watches w WHERE w.owner = $1 ORDER BY w.id DESC`, [owner]);
  if (watches.rows.length === 0) return [];
  const ids = watches.rows.map((w) => w.id);
  const [alerts, deliveries] = await Promise.all([
    db.query<AlertRow>(
      `SELECT a.id::text, a.watch_id::text, a.kind, a.subject, a.title, a.opened_at, a.resolved_at, a.detail
         FROM unnest($1::bigint[]) AS w(id)
         CROSS JOIN LATERAL (SELECT * FROM alerts a WHERE a.watch_id = w.id ORDER BY a.id DESC LIMIT ${RECENT}) a`,
      [ids],
    ),
    db.query<{ id: string; watch_id: string; event: "alert.raised" | "alert.resolved" | "test"; created_at: Date; attempts: number; delivered_at: Date | null; gave_up_at: Date | null; status: number | null; error: string | null }>(
      `SELECT d.id::text, d.watch_id::text, d.event, d.created_at, d.attempts, d.delivered_at, d.gave_up_at, l.status, l.error
         FROM unnest($1::bigint[]) AS w(id)
         CROSS JOIN LATERAL (SELECT * FROM webhook_deliveries d WHERE d.watch_id = w.id ORDER BY d.id DESC LIMIT ${RECENT}) d
         LEFT JOIN LATERAL (SELECT status, error FROM webhook_attempts t WHERE t.delivery_id = d.id ORDER BY t.attempt DESC LIMIT 1) l ON true`,
      [ids],
    ),
  ]);
  return watches.rows.map((w) => ({
    id: w.id,
    kind: w.kind,
    target: w.target,
    idleMinutes: w.kind === "gpu_idle" ? w.threshold : null,
    availabilityBelowPercent: w.kind === "gpu_availability" && w.threshold !== null ? w.threshold / 100 : null,
    createdAt: isoOf(w.created_at),
    state: w.open_alerts > 0 && (w.kind === "gpu_idle" || w.kind === "gpu_availability") ? "alerting" : "ok",
    openAlerts: w.open_alerts,
    webhook: w.webhook_url
      ? { url: w.webhook_url, format: w.webhook_format, failures: w.failures, disabledAt: w.disabled_at ? isoOf(w.disabled_at) : null, disabledReason: w.disabled_reason }
      : null,
    recentAlerts: alerts.rows.filter((a) => a.watch_id === w.id).map(alertView),
    deliveries: deliveries.rows
      .filter((d) => d.watch_id === w.id)
      .map((d) => ({
        id: d.id,
        event: d.event,
        createdAt: isoOf(d.created_at),
        attempts: d.attempts,
        lastStatus: d.status,
        lastError: d.error,
        state: d.delivered_at ? "delivered" : d.gave_up_at ? "gave-up" : "pending",
      })),
  }));
}

/** A new watch of `owner`'s, and its webhook's secret (returned here only). */
export async function createWatch(owner: string, body: CreateWatchBody, db: pg.Pool = pool()): Promise<{ watch: WatchView; webhookSecret: string | null }> {
  // Where the worker will post: refused now if it is not a public address (decision 0036), and again before every attempt.
  const problem = body.webhook ? await webhookUrlProblem(body.webhook.url, { allowPrivate: serverEnv().WEBHOOK_ALLOW_PRIVATE }) : null;
  if (problem) throw new AppError("validation_failed", `The webhook URL is refused: ${problem}`, [{ field: "webhook.url", reason: problem }]);
  const threshold = body.kind === "gpu_idle" ? body.idleMinutes! : body.kind === "gpu_availability" ? Math.round(body.availabilityBelowPercent! * 100) : null;
  const secret = body.webhook ? `whsec_${randomBytes(32).toString("base64url")}` : null;
  // The count and the insert under one lock per owner: two requests at once cannot pass the cap together.
  const client = await db.connect();
  let id: string;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended('watches:' || $1, 0))", [owner]);
    const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM watches WHERE owner = $1", [owner]);
    if (rows[0]!.n >= MAX_WATCHES_PER_WALLET) throw new AppError("conflict", `A wallet can have ${MAX_WATCHES_PER_WALLET} watches; delete one first.`);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO watches (owner, kind, target, threshold, webhook_url, webhook_format, webhook_secret) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id::text`,
      [owner, body.kind, body.target, threshold, body.webhook?.url ?? null, body.webhook?.format ?? "json", secret],
    );
    id = inserted.rows[0]!.id;
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
  const watch = (await listWatches(owner, db)).find((w) => w.id === id)!;
  return { watch, webhookSecret: secret };
}

/** The owner's watch `id`, or a 404 (another wallet's watch is not found either: ids are not secrets, but nothing about them leaks). */
export async function ownedWatch(owner: string, id: string, db: pg.Pool = pool()): Promise<{ id: string; kind: WatchKind; target: string }> {
  const { rows } = await db.query<{ id: string; kind: WatchKind; target: string }>("SELECT id::text, kind, target FROM watches WHERE id = $1 AND owner = $2", [id, owner]);
  if (!rows[0]) throw new AppError("not_found", `This wallet has no watch ${id}.`);
  return rows[0];
}

/** Deletes the owner's watch with its alerts and deliveries. */
export async function deleteWatch(owner: string, id: string, db: pg.Pool = pool()): Promise<void> {
  const { rowCount } = await db.query("DELETE FROM watches WHERE id = $1 AND owner = $2", [id, owner]);
  if (!rowCount) throw new AppError("not_found", `This wallet has no watch ${id}.`);
}
