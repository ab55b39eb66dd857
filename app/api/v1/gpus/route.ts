import { gpusQuerySchema } from "@/lib/schemas/gpus";
import { parseSearchParams, route } from "@/lib/server/http";
import { gpuThroughputIntervalSeconds } from "@/lib/server/queries/gpu-throughput";
import { getGpuStats } from "@/lib/server/queries/gpus";
import { snapshotPending } from "@/lib/server/snapshot-pending";

export const GET = route(async (req) => {
  const stats = await getGpuStats(parseSearchParams(gpusQuerySchema, req.url));
  if (!stats) throw snapshotPending("GPU throughput", gpuThroughputIntervalSeconds());
  return Response.json(stats);
});
