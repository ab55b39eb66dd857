import "server-only";
import type { GpuModelThroughput, KindThroughput, ModelServed, NetworkThroughput } from "@/lib/estimator/types";
import type { GpuWindow } from "@/lib/schemas/gpus";
import { GPU_THROUGHPUT_INTERVAL_SECONDS } from "@/lib/snapshots/schedule";
import { readPool } from "../db";

interface Row {
  window_from: Date;
  window_to: Date;
  availability_source: NetworkThroughput["availabilitySource"];
  as_of: Date;
  hardware: string | null;
  devices: number;
  days: number;
  device_days: number;
  online_hours: number;
  points: number;
  points_per_online_day: number;
  points_per_online_day_p25: number | null;
  points_per_online_day_p75: number | null;
  online_share: number;
  kinds: KindThroughput[];
  models: ModelServed[];
}

/** How often the worker rebuilds GPU throughput (lib/server/gpu-throughput/snapshot.ts). */
export const gpuThroughputIntervalSeconds = (): number => GPU_THROUGHPUT_INTERVAL_SECONDS;

const itemOf = (r: Row): GpuModelThroughput => ({
  hardware: r.hardware!,
  devices: r.devices,
  days: r.days,
  deviceDays: r.device_days,
  onlineHours: r.online_hours,
  points: r.points,
  pointsPerOnlineDay: { value: r.points_per_online_day, p25: r.points_per_online_day_p25, p75: r.points_per_online_day_p75 },
  onlineShare: r.online_share,
  kinds: r.kinds,
  models: r.models,
});

/**
 * GPU models' throughput per hour online over the window, as the worker last computed it: the one
 * source of the estimator's per-hour and per-day figures, Top GPUs' points per device per day online
 * and the estimate API's, so every web server answers the same. `asOf` is when it was computed; null
 * before the worker's first pass. One statement: the window's header and rows from one snapshot.
 */
export async function getGpuThroughput(window: GpuWindow = "7d"): Promise<NetworkThroughput | null> {
  const { rows } = await readPool().query<Row>(
    `SELECT w.window_from, w.window_to, w.availability_source, w.as_of, r.hardware, r.devices, r.days, r.device_days, r.online_hours, r.points,
            r.points_per_online_day, r.points_per_online_day_p25, r.points_per_online_day_p75, r.online_share, r.kinds, r.models
       FROM gpu_throughput_windows w LEFT JOIN gpu_throughput_rows r USING ("window")
      WHERE w."window" = $1
      ORDER BY r.rank`,
    [window],
  );
  const head = rows[0];
  if (!head) return null;
  return {
    from: head.window_from.toISOString(),
    to: head.window_to.toISOString(),
    asOf: head.as_of.toISOString(),
    availabilitySource: head.availability_source,
    items: rows.filter((r) => r.hardware !== null).map(itemOf),
  };
}
