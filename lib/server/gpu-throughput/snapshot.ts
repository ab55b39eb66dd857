import "server-only";
import type { GpuModelThroughput } from "@/lib/estimator/types";
import { GPU_WINDOWS, type GpuWindow } from "@/lib/schemas/gpus";
import { withTransaction } from "../db";
import { computeGpuThroughput } from "./compute";

// GPU throughput as a snapshot (gpu_throughput_windows + gpu_throughput_rows): per window, one row
// per GPU model with what NetworkThroughput carries. The estimator, GET /api/v1/estimate and Top
// GPUs read it (lib/server/queries/gpu-throughput.ts), so every web server answers the same
// figures; only the worker computes them, every 5 minutes (the window ends at the last whole hour).

export const THROUGHPUT_DAYS: Record<GpuWindow, number> = { "24h": 1, "7d": 7 };

/** pg advisory-lock namespace ("HE") and key: one rebuild at a time, cluster-wide. */
const LOCK_CLASS = 0x4845;
const LOCK_KEY = 0x4754; // "GT"

const rowOf = (window: GpuWindow, item: GpuModelThroughput, rank: number) => ({
  window,
  hardware: item.hardware,
  devices: item.devices,
  days: item.days,
  device_days: item.deviceDays,
  online_hours: item.onlineHours,
  points: item.points,
  points_per_online_day: item.pointsPerOnlineDay.value,
  points_per_online_day_p25: item.pointsPerOnlineDay.p25,
  points_per_online_day_p75: item.pointsPerOnlineDay.p75,
  online_share: item.onlineShare,
  kinds: item.kinds,
  models: item.models,
  rank,
});

/**
 * Rebuilds both windows as of `now` in one transaction (readers see the old figures or the new
 * ones). Under a cluster-wide advisory lock, a second worker waits for the first and keeps its
 * snapshot when it is at least as recent (returns false). Idempotent. Reads never call it.
 */
export async function rebuildGpuThroughput(now = new Date()): Promise<boolean> {
  return withTransaction(async (client) => {
    await client.query("SET LOCAL statement_timeout = 120000");
    await client.query(`SELECT pg_advisory_xact_lock($1, $2)`, [LOCK_CLASS, LOCK_KEY]);
    const done = await client.query(`SELECT 1 FROM gpu_throughput_windows WHERE as_of >= $1 HAVING count(*) = $2`, [now, GPU_WINDOWS.length]);
    if (done.rows.length > 0) return false;
    for (const window of GPU_WINDOWS) {
      const started = performance.now();
      const t = await computeGpuThroughput(now, THROUGHPUT_DAYS[window], client);
      await client.query(`DELETE FROM gpu_throughput_rows WHERE "window" = $1`, [window]);
      await client.query(
        `INSERT INTO gpu_throughput_rows
         SELECT * FROM jsonb_populate_recordset(NULL::gpu_throughput_rows, $1::jsonb)`,
        [JSON.stringify(t.items.map((item, i) => rowOf(window, item, i + 1)))],
      );
      await client.query(
        `INSERT INTO gpu_throughput_windows ("window", window_from, window_to, availability_source, as_of, build_ms) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ("window") DO UPDATE SET window_from = $2, window_to = $3, availability_source = $4, as_of = $5, build_ms = $6`,
        [window, t.from, t.to, t.availabilitySource, now, Math.round(performance.now() - started)],
      );
    }
    return true;
  });
}
