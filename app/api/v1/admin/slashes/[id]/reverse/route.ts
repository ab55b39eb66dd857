import { AppError } from "@/lib/errors";
import { adminActionParamsSchema, reverseBodySchema } from "@/lib/schemas/admin";
import { requireAdmin } from "@/lib/server/admin/require-admin";
import { reverseSlash } from "@/lib/server/admin/reverse";
import { describeIssues, jsonBodyOf, route } from "@/lib/server/http";
import { parseParams } from "@/lib/server/queries/parse-params";

export const dynamic = "force-dynamic";

/** An admin reverses a slash: positive entries mirroring it, once. */
export const POST = route(async (req, ctx: { params: Promise<{ id: string }> }) => {
  const admin = await requireAdmin(req);
  const { id } = parseParams(adminActionParamsSchema, await ctx.params);
  const body = reverseBodySchema.safeParse(await jsonBodyOf(req));
  if (!body.success) throw new AppError("validation_failed", "Invalid reversal; nothing was written.", describeIssues(body.error));
  return Response.json(await reverseSlash(admin, id, body.data.reason));
});
