// Date ranges of the CSV exports: whole UTC days, both ends included, bounded so one request
// reads a bounded slice of one miner's ledger (index (miner_id, occurred_at)).
import { z } from "zod";

const DAY_MS = 86_400_000;

/** Ledger exports read raw entries: ~3 months of one GPU is at most a few hundred thousand rows. */
export const MAX_LEDGER_DAYS = 92;
/** A wallet's ledger is one GPU's times up to thousands: a month of a 2,500-GPU wallet is ~2.5 M rows. */
export const MAX_WALLET_LEDGER_DAYS = 31;
/** Daily exports read hourly rollups: a year is 8,784 rows per miner or wallet. */
export const MAX_DAILY_DAYS = 366;
export const DEFAULT_LEDGER_DAYS = 7;
export const DEFAULT_DAILY_DAYS = 30;

const day = (name: string) => z.iso.date({ error: `${name} must be a date YYYY-MM-DD` }).optional();

/** Query string of every export route (documented in OpenAPI from this schema). */
export const exportRangeQuerySchema = z.object({
  from: day("from").describe("first UTC day included, YYYY-MM-DD (default: see the route)"),
  to: day("to").describe("last UTC day included, YYYY-MM-DD (default: today, UTC)"),
});
export type ExportRangeQuery = z.output<typeof exportRangeQuerySchema>;

export interface ExportRange {
  /** First day, YYYY-MM-DD. */
  fromDate: string;
  /** Last day included, YYYY-MM-DD. */
  toDate: string;
  /** Midnight UTC of the first day. */
  start: Date;
  /** Midnight UTC after the last day (exclusive bound). */
  end: Date;
  days: number;
}

export type RangeProblem = { field: "from" | "to"; reason: string };

/**
 * Fills the defaults (the `defaultDays` days ending today) and checks order and length.
 * Returns the problems in the API's { field, reason } shape instead of throwing, so the route
 * decides how to answer.
 */
export function resolveExportRange(
  query: ExportRangeQuery,
  now: Date,
  { defaultDays, maxDays }: { defaultDays: number; maxDays: number },
): { range: ExportRange } | { problems: RangeProblem[] } {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const end = query.to ? Date.parse(`${query.to}T00:00:00Z`) + DAY_MS : today + DAY_MS;
  const start = query.from ? Date.parse(`${query.from}T00:00:00Z`) : end - Math.min(defaultDays, maxDays) * DAY_MS;
  const days = Math.round((end - start) / DAY_MS);
  if (days < 1) return { problems: [{ field: "from", reason: "from must be on or before to" }] };
  if (days > maxDays) return { problems: [{ field: "to", reason: `the range is ${days} days; at most ${maxDays} days per export` }] };
  return {
    range: {
      fromDate: new Date(start).toISOString().slice(0, 10),
      toDate: new Date(end - DAY_MS).toISOString().slice(0, 10),
      start: new Date(start),
      end: new Date(end),
      days,
    },
  };
}

/** Every day of the range, for series that must list days without activity too. */
export function datesOf(range: Pick<ExportRange, "start" | "days">): string[] {
  return Array.from({ length: range.days }, (_, i) => new Date(range.start.getTime() + i * DAY_MS).toISOString().slice(0, 10));
}
