import { AppError } from "@/lib/errors";
import { slashBodySchema } from "@/lib/schemas/admin";
import { requireAdmin } from "@/lib/server/admin/require-admin";
import { createSlash } from "@/lib/server/admin/slash";
import { describeIssues, jsonBodyOf, route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** An admin slashes a miner ID or a wallet over a window: negative ledger entries in the open epoch. */
export const POST = route(async (req) => {
  const admin = await requireAdmin(req);
  const body = slashBodySchema.safeParse(await jsonBodyOf(req));
  if (!body.success) throw new AppError("validation_failed", "Invalid slash; nothing was written.", describeIssues(body.error));
  return Response.json(await createSlash(admin, body.data));
});
