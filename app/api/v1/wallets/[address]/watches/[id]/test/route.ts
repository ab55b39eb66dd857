import { pool } from "@/lib/server/db";
import { route } from "@/lib/server/http";
import { queueTestEvent } from "@/lib/server/watches/webhook-controls";
import { controlWebhook } from "../webhook-control";

type Ctx = { params: Promise<{ address: string; id: string }> };

export const dynamic = "force-dynamic";

/** Queues a test event to the watch's webhook: signed, retried and logged like an alert; a success re-enables a disabled webhook. */
export const POST = route(async (req, ctx: Ctx) => {
  await controlWebhook(req, ctx.params, "test", (id) => queueTestEvent(pool(), id));
  return Response.json({ queued: true }, { status: 202, headers: { "cache-control": "no-store" } });
});
