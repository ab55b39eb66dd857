import "server-only";

// Rollups are bucketed by UTC hour start. A window of N hours is the N most recent buckets,
// the current (partial) hour included, so "last 24h" always reads exactly 24 rows per key.

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export function hourFloor(at: Date): Date {
  return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

/** Start of the earliest hourly bucket of an N-hour window ending at `now`. */
export function windowStart(now: Date, hours: number): Date {
  return new Date(hourFloor(now).getTime() - (hours - 1) * HOUR_MS);
}

export const WINDOW_HOURS = { "24h": 24, "7d": 7 * 24 } as const;

/** The last `days` UTC days, today included: the first midnight and every date as YYYY-MM-DD. */
export function dayRange(now: Date, days: number): { from: Date; dates: string[] } {
  const today = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const from = today - (days - 1) * DAY_MS;
  const dates = Array.from({ length: days }, (_, i) => new Date(from + i * DAY_MS).toISOString().slice(0, 10));
  return { from: new Date(from), dates };
}
