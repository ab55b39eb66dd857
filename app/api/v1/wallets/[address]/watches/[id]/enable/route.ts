import { pool } from "@/lib/server/db";
import { route } from "@/lib/server/http";
import { enableWebhook } from "@/lib/server/watches/webhook-controls";
import { controlWebhook } from "../webhook-control";

type Ctx = { params: Promise<{ address: string; id: string }> };

export const dynamic = "force-dynamic";

/** Turns a disabled webhook back on (its failure count starts again at 0). */
export const POST = route(async (req, ctx: Ctx) => {
  await controlWebhook(req, ctx.params, "enable", (id) => enableWebhook(pool(), id));
  return Response.json({ enabled: true }, { headers: { "cache-control": "no-store" } });
});
