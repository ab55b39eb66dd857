import { AppError } from "@/lib/errors";
import { pool } from "@/lib/server/db";
import { route } from "@/lib/server/http";
import { watchIdOf, watchesOwner } from "@/lib/server/watches/owner";
import { ownedWatch } from "@/lib/server/watches/store";
import { queueTestEvent } from "@/lib/server/watches/webhook-controls";

type Ctx = { params: Promise<{ address: string; id: string }> };

export const dynamic = "force-dynamic";

/** Queues a test event to the watch's webhook: signed, retried and logged like an alert; a success re-enables a disabled webhook. */
export const POST = route(async (req, ctx: Ctx) => {
  const owner = await watchesOwner(req, ctx.params, "test its webhooks");
  const watch = await ownedWatch(owner, await watchIdOf(ctx.params));
  if (!(await queueTestEvent(pool(), watch.id))) throw new AppError("conflict", `Watch ${watch.id} has no webhook to test.`);
  return Response.json({ queued: true }, { status: 202, headers: { "cache-control": "no-store" } });
});
