import "server-only";
import type pg from "pg";

// What a watch's webhook receives (decision 0035): one event per evaluation and watch, carrying
// every alert it raised or resolved, rendered once in the watch's format and stored as the exact
// body every attempt posts and signs. The deliverer (./deliver.ts) sends what is due.

export type WebhookEventType = "alert.raised" | "alert.resolved" | "test";
export type WebhookFormat = "json" | "discord";

export interface AlertPayload {
  id: string;
  kind: string;
  subject: string;
  wallet: string;
  title: string;
  openedAt: string;
  resolvedAt: string | null;
  detail: Record<string, unknown>;
}

export interface WebhookEvent {
  type: WebhookEventType;
  watch: { id: string; kind: string; target: string };
  alerts: AlertPayload[];
  /** When the event was created (each attempt's own time is in its signature header). */
  createdAt: string;
}

const DISCORD_MAX_EMBEDS = 10;

/** The body as posted: the event itself, or a Discord webhook message (content plus an embed per alert, at most 10). */
export function renderWebhookBody(format: WebhookFormat, event: WebhookEvent): string {
  if (format === "json") return JSON.stringify(event);
  const verb = event.type === "alert.raised" ? "raised" : event.type === "alert.resolved" ? "resolved" : "test";
  const content =
    event.type === "test"
      ? `Test event for watch ${event.watch.id} (${event.watch.kind} on ${event.watch.target}): this webhook works.`
      : `${event.alerts.length} alert${event.alerts.length === 1 ? "" : "s"} ${verb}: ${event.watch.kind} on ${event.watch.target}`;
  const embeds = event.alerts.slice(0, DISCORD_MAX_EMBEDS).map((a) => ({
    title: a.title.slice(0, 256),
    description: `${a.subject}${a.resolvedAt && a.resolvedAt !== a.openedAt ? ` · resolved ${a.resolvedAt}` : ""}`.slice(0, 4096),
    timestamp: a.resolvedAt ?? a.openedAt,
    color: a.resolvedAt && a.resolvedAt !== a.openedAt ? 0x16a34a : 0xdc2626,
  }));
  return JSON.stringify({ username: "Heurist Mining Points", content: content.slice(0, 2000), embeds, allowed_mentions: { parse: [] } });
}

export interface WebhookTarget {
  id: bigint | string;
  webhookUrl: string | null;
  webhookFormat: WebhookFormat;
  disabledAt: Date | null;
}

/** Queues `event` for the watch's webhook, due now, in the caller's transaction; false when there is no webhook or it is disabled. */
export async function enqueueDelivery(client: pg.PoolClient | pg.Pool, watch: WebhookTarget, event: WebhookEvent, now = new Date()): Promise<boolean> {
  if (!watch.webhookUrl || watch.disabledAt) return false;
  await client.query("INSERT INTO webhook_deliveries (watch_id, event, body, next_attempt_at, created_at) VALUES ($1, $2, $3, $4, $4)", [
    watch.id.toString(),
    event.type,
    renderWebhookBody(watch.webhookFormat, event),
    now,
  ]);
  return true;
}
