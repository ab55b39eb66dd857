import { AppError } from "@/lib/errors";
import { pool } from "@/lib/server/db";
import { route } from "@/lib/server/http";
import { watchIdOf, watchesOwner } from "@/lib/server/watches/owner";
import { ownedWatch } from "@/lib/server/watches/store";
import { enableWebhook } from "@/lib/server/watches/webhook-controls";

type Ctx = { params: Promise<{ address: string; id: string }> };

export const dynamic = "force-dynamic";

/** Turns a disabled webhook back on (its failure count starts again at 0). */
export const POST = route(async (req, ctx: Ctx) => {
  const owner = await watchesOwner(req, ctx.params, "enable its webhooks");
  const watch = await ownedWatch(owner, await watchIdOf(ctx.params));
  if (!(await enableWebhook(pool(), watch.id))) throw new AppError("conflict", `Watch ${watch.id} has no webhook to enable.`);
  return Response.json({ enabled: true }, { headers: { "cache-control": "no-store" } });
});
