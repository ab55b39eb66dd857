import { flagsQuerySchema } from "@/lib/schemas/admin";
import { computeFlags } from "@/lib/server/admin/flags";
import { getStoredFlags } from "@/lib/server/admin/flags-snapshot";
import { requireAdmin } from "@/lib/server/admin/require-admin";
import { parseSearchParams, route } from "@/lib/server/http";
import { snapshotPending } from "@/lib/server/snapshot-pending";
import { FLAGS_SCAN_HOURS, FLAGS_SCAN_INTERVAL_SECONDS } from "@/lib/snapshots/schedule";

export const dynamic = "force-dynamic";

/**
 * Suspicious patterns, with evidence, for an admin to review (never slashes): the worker's latest
 * hourly scan of the last 24 hours, or with `hours` a scan of that window run for this request.
 */
export const GET = route(async (req) => {
  await requireAdmin(req);
  const { hours } = parseSearchParams(flagsQuerySchema, req.url);
  const flags = hours === undefined ? await getStoredFlags() : await computeFlags(hours);
  if (!flags) throw snapshotPending("The anti-cheat scan", FLAGS_SCAN_INTERVAL_SECONDS, `Ask for ?hours=${FLAGS_SCAN_HOURS} to scan that window now.`);
  return Response.json(flags, { headers: { "cache-control": "no-store" } });
});
