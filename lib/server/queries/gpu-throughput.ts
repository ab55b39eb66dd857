import "server-only";
import type { GpuModelThroughput, KindThroughput, ModelServed, NetworkThroughput } from "@/lib/estimator/types";
import type { GpuWindow } from "@/lib/schemas/gpus";
import { GPU_THROUGHPUT_INTERVAL_SECONDS } from "@/lib/snapshots/schedule";
import { readOnlyTransaction, readPool } from "../db";
import { gpuThroughputItems, gpuThroughputWindow } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

/** How often the worker rebuilds GPU throughput (lib/server/gpu-throughput/snapshot.ts). */
export const gpuThroughputIntervalSeconds = (): number => GPU_THROUGHPUT_INTERVAL_SECONDS;

const itemOf = (r: gpuThroughputItems.Result): GpuModelThroughput => ({
  hardware: r.hardware,
  devices: r.devices,
  days: r.days,
  deviceDays: r.device_days,
  onlineHours: r.online_hours,
  points: r.points,
  pointsPerOnlineDay: { value: r.points_per_online_day, p25: r.points_per_online_day_p25, p75: r.points_per_online_day_p75 },
  onlineShare: r.online_share,
  // JSON the worker wrote from these types (lib/server/gpu-throughput/snapshot.ts).
  kinds: r.kinds as unknown as KindThroughput[],
  models: r.models as unknown as ModelServed[],
});

/**
 * GPU models' throughput per hour online over the window, as the worker last computed it: the one
 * source of the estimator's per-hour and per-day figures, Top GPUs' points per device per day online
 * and the estimate API's, so every web server answers the same. `asOf` is when it was computed; null
 * before the worker's first pass. The window's header and rows from one snapshot (the worker
 * rewrites both in one transaction).
 */
export async function getGpuThroughput(window: GpuWindow = "7d"): Promise<NetworkThroughput | null> {
  const [head, rows] = await readOnlyTransaction(
    readPool(),
    async (client) => [(await queryTyped(client, gpuThroughputWindow(window)))[0], await queryTyped(client, gpuThroughputItems(window))] as const,
    { snapshot: true },
  );
  if (!head) return null;
  return {
    from: head.window_from.toISOString(),
    to: head.window_to.toISOString(),
    asOf: head.as_of.toISOString(),
    availabilitySource: head.availability_source as NetworkThroughput["availabilitySource"],
    items: rows.map(itemOf),
  };
}
