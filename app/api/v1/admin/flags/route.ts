import { flagsQuerySchema } from "@/lib/schemas/admin";
import { computeFlags } from "@/lib/server/admin/flags";
import { requireAdmin } from "@/lib/server/admin/require-admin";
import { parseSearchParams, route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** Suspicious patterns over the last hours, with evidence, for an admin to review (never slashes). */
export const GET = route(async (req) => {
  await requireAdmin(req);
  const { hours } = parseSearchParams(flagsQuerySchema, req.url);
  return Response.json(await computeFlags(hours), { headers: { "cache-control": "no-store" } });
});
