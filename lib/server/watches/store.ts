import "server-only";
import { randomBytes } from "node:crypto";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { MAX_WATCHES_PER_WALLET, type AlertView, type CreateWatchBody, type WatchKind, type WatchView } from "@/lib/schemas/watches";
import { serverEnv } from "@/lib/env";
import { prismaOn } from "../prisma-on";
import { isoOf } from "../queries/convert";
import type { WebhookEventType, WebhookFormat } from "./outbox";
import { webhookUrlProblem } from "./webhook-target";

// A wallet's watches as its signed-in owner reads and changes them (decision 0035). Only the owner
// reads them: a watch names a webhook, whose URL may be private. Always the primary: a watch just
// created must be in the list the page reloads.

const RECENT = 10;

type AlertRecord = { id: bigint; kind: string; subject: string; title: string; openedAt: Date; resolvedAt: Date | null; detail: unknown };

export const alertView = (a: AlertRecord): AlertView => ({
  id: a.id.toString(),
  kind: a.kind as WatchKind,
  subject: a.subject,
  title: a.title,
  openedAt: isoOf(a.openedAt),
  resolvedAt: a.resolvedAt ? isoOf(a.resolvedAt) : null,
  detail: a.detail as Record<string, unknown>,
});

const ALERT_FIELDS = { id: true, kind: true, subject: true, title: true, openedAt: true, resolvedAt: true, detail: true } as const;
const DELIVERY_FIELDS = { id: true, event: true, createdAt: true, attempts: true, deliveredAt: true, gaveUpAt: true } as const;
const LAST_ATTEMPT = { orderBy: { attempt: "desc" }, take: 1, select: { status: true, error: true } } as const;

/**
 * The owner's watches, newest first, each with its latest alerts and webhook deliveries. One query
 * per watch for those: Prisma applies a nested `take` in memory, after reading every row of every
 * watch, so `LIMIT` is said where the database sees it (decision 0039).
 */
export async function listWatches(owner: string, db?: pg.Pool): Promise<WatchView[]> {
  const client = prismaOn(db);
  const found = await client.watch.findMany({ where: { owner }, orderBy: { id: "desc" } });
  const ids = found.map((w) => w.id);
  const [open, watches] = await Promise.all([
    ids.length === 0 ? [] : client.alert.groupBy({ by: ["watchId"], where: { watchId: { in: ids }, resolvedAt: null }, _count: true }),
    Promise.all(
      found.map(async (w) => {
        const [alerts, deliveries] = await Promise.all([
          client.alert.findMany({ where: { watchId: w.id }, orderBy: { id: "desc" }, take: RECENT, select: ALERT_FIELDS }),
          client.webhookDelivery.findMany({ where: { watchId: w.id }, orderBy: { id: "desc" }, take: RECENT, select: { ...DELIVERY_FIELDS, attemptLog: LAST_ATTEMPT } }),
        ]);
        return { ...w, alerts, deliveries };
      }),
    ),
  ]);
  const openAlerts = new Map(open.map((o) => [o.watchId, o._count]));
  return watches.map((w) => {
    const kind = w.kind as WatchKind;
    return {
      id: w.id.toString(),
      kind,
      target: w.target,
      idleMinutes: kind === "gpu_idle" ? w.threshold : null,
      availabilityBelowPercent: kind === "gpu_availability" && w.threshold !== null ? w.threshold / 100 : null,
      createdAt: isoOf(w.createdAt),
      state: (openAlerts.get(w.id) ?? 0) > 0 && (kind === "gpu_idle" || kind === "gpu_availability") ? "alerting" : "ok",
      openAlerts: openAlerts.get(w.id) ?? 0,
      webhook: w.webhookUrl
        ? {
            url: w.webhookUrl,
            format: w.webhookFormat as WebhookFormat,
            failures: w.failures,
            disabledAt: w.disabledAt ? isoOf(w.disabledAt) : null,
            disabledReason: w.disabledReason,
          }
        : null,
      recentAlerts: w.alerts.map(alertView),
      deliveries: w.deliveries.map((d) => ({
        id: d.id.toString(),
        event: d.event as WebhookEventType,
        createdAt: isoOf(d.createdAt),
        attempts: d.attempts,
        lastStatus: d.attemptLog[0]?.status ?? null,
        lastError: d.attemptLog[0]?.error ?? null,
        state: d.deliveredAt ? "delivered" : d.gaveUpAt ? "gave-up" : "pending",
      })),
    };
  });
}

/** A new watch of `owner`'s, and its webhook's secret (returned here only). */
export async function createWatch(owner: string, body: CreateWatchBody, db?: pg.Pool): Promise<{ watch: WatchView; webhookSecret: string | null }> {
  // Where the worker will post: refused now if it is not a public address (decision 0036), and again before every attempt.
  const problem = body.webhook ? await webhookUrlProblem(body.webhook.url, { allowPrivate: serverEnv().WEBHOOK_ALLOW_PRIVATE }) : null;
  if (problem) throw new AppError("validation_failed", `The webhook URL is refused: ${problem}`, [{ field: "webhook.url", reason: problem }]);
  const threshold = body.kind === "gpu_idle" ? body.idleMinutes! : body.kind === "gpu_availability" ? Math.round(body.availabilityBelowPercent! * 100) : null;
  const secret = body.webhook ? `whsec_${randomBytes(32).toString("base64url")}` : null;
  // The count and the insert under one lock per owner: two requests at once cannot pass the cap together.
  const { id } = await prismaOn(db).$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended('watches:' || ${owner}, 0))`;
    if ((await tx.watch.count({ where: { owner } })) >= MAX_WATCHES_PER_WALLET) {
      throw new AppError("conflict", `A wallet can have ${MAX_WATCHES_PER_WALLET} watches; delete one first.`);
    }
    return tx.watch.create({
      data: { owner, kind: body.kind, target: body.target, threshold, webhookUrl: body.webhook?.url ?? null, webhookFormat: body.webhook?.format ?? "json", webhookSecret: secret },
      select: { id: true },
    });
  });
  const watch = (await listWatches(owner, db)).find((w) => w.id === id.toString())!;
  return { watch, webhookSecret: secret };
}

/** The owner's watch `id`, or a 404 (another wallet's watch is not found either: ids are not secrets, but nothing about them leaks). */
export async function ownedWatch(owner: string, id: string, db?: pg.Pool): Promise<{ id: string; kind: WatchKind; target: string }> {
  const w = await prismaOn(db).watch.findFirst({ where: { id: BigInt(id), owner }, select: { kind: true, target: true } });
  if (!w) throw new AppError("not_found", `This wallet has no watch ${id}.`);
  return { id, kind: w.kind as WatchKind, target: w.target };
}

/** Deletes the owner's watch with its alerts and deliveries. */
export async function deleteWatch(owner: string, id: string, db?: pg.Pool): Promise<void> {
  const { count } = await prismaOn(db).watch.deleteMany({ where: { id: BigInt(id), owner } });
  if (!count) throw new AppError("not_found", `This wallet has no watch ${id}.`);
}
