import { adminActionsQuerySchema } from "@/lib/schemas/admin";
import { listAdminActions } from "@/lib/server/admin/audit-log";
import { requireAdmin } from "@/lib/server/admin/require-admin";
import { parseSearchParams, route } from "@/lib/server/http";

export const dynamic = "force-dynamic";

/** The audit log (admins only): every slash and reversal, newest first. */
export const GET = route(async (req) => {
  await requireAdmin(req);
  const page = await listAdminActions(parseSearchParams(adminActionsQuerySchema, req.url));
  return Response.json(page, { headers: { "cache-control": "no-store" } });
});
