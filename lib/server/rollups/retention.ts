import "server-only";
import type pg from "pg";
import { HOURLY_ROLLUP_DAYS_MIN } from "@/lib/env";
import { FOLD_LOCK_SQL } from "./fold";
import { retentionBoundary } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

// Hourly rollups kept for a window, then daily (decision 0029). The rows of miner_hourly,
// wallet_hourly and hardware_hourly before rollup_retention.hourly_from each hold a whole UTC day
// at its midnight: a year of a 40,000-GPU network is ~15 M miner rows instead of ~350 M. Readers
// that group by UTC day (charts, CSV exports, epochs) read both kinds alike; readers of hours read
// windows of at most 30 days, inside the shortest window allowed (HOURLY_ROLLUP_DAYS_MIN).
const DAY_MS = 86_400_000;

/** Each compacted rollup: its key besides the hour, and its summed columns. */
const COMPACTED = [
  { table: "miner_hourly", key: ["miner_id"], sums: ["waifu_micro", "llama_micro", "image_count", "text_count", "job_count", "success_count", "latency_ms_sum"] },
  { table: "wallet_hourly", key: ["wallet"], sums: ["waifu_micro", "llama_micro", "image_count", "text_count", "job_count", "success_count"] },
  { table: "hardware_hourly", key: ["hardware", "model_id"], sums: ["waifu_micro", "llama_micro", "job_count", "success_count", "latency_ms_sum"] },
] as const;

/** The start of the UTC day `days` whole days before the day of `now`: rows before it become daily. */
export function hourlyFromFor(now: Date, days: number): Date {
  return new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS - days * DAY_MS);
}

export interface CompactResult {
  /** UTC days whose hours were merged by this call. */
  days: number;
  /** Hourly rows merged, and the day rows they became. */
  hourRows: number;
  dayRows: number;
  hourlyFrom: Date | null;
}

/**
 * Merges the hourly rows before `hourlyFromFor(now, days)` into day rows, one UTC day per
 * transaction under the fold lock (so no fold adds to a day while it moves, and a fold after it
 * writes into the day rows), moving rollup_retention.hourly_from a day at a time: an interrupted
 * run leaves every day either merged or not. Idempotent; `onDay` reports each day merged.
 */
export async function compactRollups(
  pool: pg.Pool,
  opts: { days: number; now?: Date; signal?: AbortSignal; onDay?: (day: Date, r: CompactResult) => void },
): Promise<CompactResult> {
  if (!(opts.days >= HOURLY_ROLLUP_DAYS_MIN)) throw new RangeError(`hourly rollups are kept at least ${HOURLY_ROLLUP_DAYS_MIN} days (asked ${opts.days})`);
  const target = hourlyFromFor(opts.now ?? new Date(), opts.days);
  const result: CompactResult = { days: 0, hourRows: 0, dayRows: 0, hourlyFrom: null };
  for (;;) {
    opts.signal?.throwIfAborted();
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await client.query(FOLD_LOCK_SQL);
      const rows = await queryTyped(client, retentionBoundary(target));
      const { hourly_from: from, next } = rows[0]!;
      result.hourlyFrom = from;
      if (from !== null && from >= target) {
        await client.query("COMMIT");
        return result;
      }
      // Nothing hourly left before the target: the boundary jumps there.
      const day = next ?? target;
      const until = next === null ? target : new Date(Math.min(day.getTime() + DAY_MS, target.getTime()));
      let hourRows = 0;
      let dayRows = 0;
      if (next !== null) {
        for (const c of COMPACTED) {
          const cols = [...c.key, "hour", ...c.sums].join(", ");
          await client.query(`CREATE TEMP TABLE compacting ON COMMIT DROP AS SELECT ${cols} FROM ${c.table} WITH NO DATA`);
          // Not TypedSQL: the table and its columns are each compacted table's.
          const { rows: moved } = await client.query<{ hours: number; days: number }>(
            `WITH moved AS (DELETE FROM ${c.table} WHERE hour >= $1 AND hour < $2 RETURNING *),
                  merged AS (INSERT INTO compacting (${cols})
                             SELECT ${c.key.join(", ")}, date_trunc('day', hour, 'UTC'), ${c.sums.map((s) => `sum(${s})`).join(", ")}
                               FROM moved GROUP BY ${c.key.join(", ")}, date_trunc('day', hour, 'UTC') RETURNING 1)
             SELECT (SELECT count(*) FROM moved)::int AS hours, (SELECT count(*) FROM merged)::int AS days`,
            [day, until],
          );
          // Every row of the day left the table above, so the day rows conflict with nothing.
          await client.query(`INSERT INTO ${c.table} (${cols}) SELECT ${cols} FROM compacting`);
          await client.query("DROP TABLE compacting");
          hourRows += moved[0]!.hours;
          dayRows += moved[0]!.days;
        }
      }
      await client.query("UPDATE rollup_retention SET hourly_from = $1, compacted_at = now() WHERE id = 1", [until]);
      await client.query("COMMIT");
      result.hourlyFrom = until;
      if (next !== null) {
        result.days += 1;
        result.hourRows += hourRows;
        result.dayRows += dayRows;
        opts.onDay?.(day, result);
      }
    } catch (err) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
}
