import { AppError } from "@/lib/errors";
import { MAX_WATCHES_PER_WALLET, createWatchBodySchema } from "@/lib/schemas/watches";
import { describeIssues, jsonBodyOf, route } from "@/lib/server/http";
import { watchesOwner } from "@/lib/server/watches/owner";
import { createWatch, listWatches } from "@/lib/server/watches/store";

type Ctx = { params: Promise<{ address: string }> };

export const dynamic = "force-dynamic";

export const GET = route(async (req, ctx: Ctx) => {
  const owner = await watchesOwner(req, ctx.params, "read its watches");
  return Response.json({ wallet: owner, watches: await listWatches(owner), max: MAX_WATCHES_PER_WALLET }, { headers: { "cache-control": "no-store" } });
});

/** A new watch; its webhook's secret is in this answer and nowhere else, ever. */
export const POST = route(async (req, ctx: Ctx) => {
  const owner = await watchesOwner(req, ctx.params, "add watches");
  const body = createWatchBodySchema.safeParse(await jsonBodyOf(req));
  if (!body.success) throw new AppError("validation_failed", "The watch is not valid; see details.", describeIssues(body.error));
  const { watch, webhookSecret } = await createWatch(owner, body.data);
  return Response.json({ ...watch, webhookSecret }, { status: 201, headers: { "cache-control": "no-store" } });
});
