// Watches and alerts (issue 15, decision 0035): what a signed-in wallet asks to be told about, and
// what the worker raised. The webhook's secret is in the answer to its creation only.
import { z } from "zod";
import { minerIdSchema } from "./ids";
import { isoDateTime } from "./query";

export const WATCH_KINDS = ["gpu_idle", "gpu_availability", "node_bribe", "node_stake", "miner_slash", "epoch"] as const;
export type WatchKind = (typeof WATCH_KINDS)[number];

/** What each kind is about, in users' words (the form's options and the alerts' titles). */
export const WATCH_KIND_LABELS: Record<WatchKind, string> = {
  gpu_idle: "No completed job for a while",
  gpu_availability: "Availability over 24 h below a floor",
  node_bribe: "A node's bribe changes",
  node_stake: "Stake moves into or out of a node",
  miner_slash: "A miner is slashed",
  epoch: "An epoch settles or becomes claimable",
};

export const MAX_WATCHES_PER_WALLET = 50;
export const IDLE_MINUTES = { min: 5, max: 7 * 24 * 60 } as const;

const webhookSchema = z
  .object({
    url: z
      .string()
      .trim()
      .max(2000, "the webhook URL is at most 2,000 characters")
      .url("the webhook URL must be an absolute http(s) URL")
      .refine((u) => /^https?:\/\//i.test(u), "the webhook URL must start with http:// or https://"),
    format: z.enum(["json", "discord"]).default("json").describe("json: the event as JSON; discord: a Discord webhook message"),
  })
  .strict();

export const createWatchBodySchema = z
  .object({
    kind: z.enum(WATCH_KINDS),
    target: minerIdSchema.describe("a miner ID (that GPU or node), or a wallet address (each of its GPUs or nodes; for `epoch`, the wallet)"),
    idleMinutes: z.number().int().min(IDLE_MINUTES.min).max(IDLE_MINUTES.max).optional().describe("gpu_idle: minutes without a completed job"),
    availabilityBelowPercent: z.number().gt(0).max(100).optional().describe("gpu_availability: alert when a GPU's availability over the last 24 h is below this"),
    webhook: webhookSchema.optional(),
  })
  .strict()
  .superRefine((b, ctx) => {
    const needs = (field: "idleMinutes" | "availabilityBelowPercent", kind: WatchKind) => {
      if (b.kind === kind && b[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: `${field} is required for a ${kind} watch` });
      if (b.kind !== kind && b[field] !== undefined) ctx.addIssue({ code: "custom", path: [field], message: `${field} applies to ${kind} watches only` });
    };
    needs("idleMinutes", "gpu_idle");
    needs("availabilityBelowPercent", "gpu_availability");
    if (b.kind === "epoch" && b.target.includes("-"))
      ctx.addIssue({ code: "custom", path: ["target"], message: "an epoch watch is for a wallet address (epochs pay wallets, not miner IDs)" });
  });
export type CreateWatchBody = z.output<typeof createWatchBodySchema>;

export const alertSchema = z.object({
  id: z.string(),
  kind: z.enum(WATCH_KINDS),
  subject: z.string().describe("the GPU or node it is about, or the wallet (epochs)"),
  title: z.string(),
  openedAt: isoDateTime,
  resolvedAt: isoDateTime.nullable().describe("when the condition cleared (an event: when it was raised); null while it lasts"),
  detail: z.record(z.string(), z.unknown()),
});
export type AlertView = z.output<typeof alertSchema>;

export const deliverySchema = z.object({
  id: z.string(),
  event: z.enum(["alert.raised", "alert.resolved", "test"]),
  createdAt: isoDateTime,
  attempts: z.number().int(),
  lastStatus: z.number().int().nullable().describe("the receiver's HTTP status at the last attempt; null when none came"),
  lastError: z.string().nullable(),
  state: z.enum(["pending", "delivered", "gave-up"]),
});

export const watchSchema = z.object({
  id: z.string(),
  kind: z.enum(WATCH_KINDS),
  target: z.string(),
  idleMinutes: z.number().int().nullable(),
  availabilityBelowPercent: z.number().nullable(),
  createdAt: isoDateTime,
  state: z.enum(["ok", "alerting"]).describe("alerting while an episode of its condition is open"),
  openAlerts: z.number().int(),
  webhook: z
    .object({ url: z.string(), format: z.enum(["json", "discord"]), failures: z.number().int(), disabledAt: isoDateTime.nullable(), disabledReason: z.string().nullable() })
    .nullable(),
  recentAlerts: z.array(alertSchema),
  deliveries: z.array(deliverySchema).describe("the webhook's latest deliveries, newest first"),
});
export type WatchView = z.output<typeof watchSchema>;

export const watchListSchema = z.object({ wallet: z.string(), watches: z.array(watchSchema), max: z.number().int() });
export const createdWatchSchema = watchSchema.extend({
  webhookSecret: z.string().nullable().describe("the HMAC key the webhook's signatures use; shown here once and never again"),
});
