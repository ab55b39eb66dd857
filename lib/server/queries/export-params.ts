import "server-only";
import { AppError } from "@/lib/errors";
import { exportRangeQuerySchema, resolveExportRange, type ExportRange } from "@/lib/dashboard/export-range";
import { parseSearchParams } from "../http";

/** from/to of an export request: 400 with { field, reason } details when malformed or too long. */
export function exportRangeOrThrow(url: string, limits: { defaultDays: number; maxDays: number }, now = new Date()): ExportRange {
  const resolved = resolveExportRange(parseSearchParams(exportRangeQuerySchema, url), now, limits);
  if ("problems" in resolved) throw new AppError("bad_request", "Invalid query parameters", resolved.problems);
  return resolved.range;
}
