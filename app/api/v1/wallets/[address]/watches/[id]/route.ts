import { route } from "@/lib/server/http";
import { watchIdOf, watchesOwner } from "@/lib/server/watches/owner";
import { deleteWatch } from "@/lib/server/watches/store";

type Ctx = { params: Promise<{ address: string; id: string }> };

export const dynamic = "force-dynamic";

export const DELETE = route(async (req, ctx: Ctx) => {
  const owner = await watchesOwner(req, ctx.params, "delete its watches");
  await deleteWatch(owner, await watchIdOf(ctx.params));
  return new Response(null, { status: 204 });
});
