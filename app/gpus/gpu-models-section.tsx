import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyRankedBarChart } from "@/components/charts/lazy";
import { Card, EmptyState, Table, TBody, Td, THead, Th, Tr } from "@/components/ui";
import { formatCount, formatDateTime, formatInt, formatPercent, formatPoints, formatRate } from "@/lib/format";
import type { GpuWindow } from "@/lib/schemas/gpus";
import { SnapshotPending } from "@/components/snapshot-pending";
import { gpuThroughputIntervalSeconds } from "@/lib/server/queries/gpu-throughput";
import { getGpuStats } from "@/lib/server/queries/gpus";
import { everyLabel } from "@/lib/snapshots/schedule";

const WINDOW_TEXT: Record<GpuWindow, string> = { "24h": "last 24 hours", "7d": "last 7 days" };

const shortName = (hardware: string) => hardware.replace(/^NVIDIA (GeForce )?/, "");

function latency(ms: number | null): string {
  return ms === null ? "—" : `${formatPoints(ms / 1000, 1)} s`;
}

/** GPU models ranked by points per device per day, as a chart and as the table behind it. */
export async function GpuModelsSection({ window }: { window: GpuWindow }) {
  const stats = await getGpuStats({ window });
  if (!stats) return <SnapshotPending what="GPU throughput" intervalSeconds={gpuThroughputIntervalSeconds()} />;
  const { items, online } = stats;
  if (items.length === 0) {
    return <EmptyState title={`No jobs in the ${WINDOW_TEXT[window]} yet`}>GPU models show up here once their first jobs are reported.</EmptyState>;
  }
  const ranked = items.filter((g) => g.pointsPerDayOnline !== null);
  // The chart splits each bar by the window's Waifu/Llama share of the GPU model's points.
  const chartData = ranked.map((g) => {
    const total = g.waifuPoints + g.llamaPoints;
    const waifuShare = total > 0 ? g.waifuPoints / total : 1;
    return { label: shortName(g.hardware), waifu: g.pointsPerDayOnline! * waifuShare, llama: g.pointsPerDayOnline! * (1 - waifuShare) };
  });
  return (
    <div className="space-y-4">
      <Card>
        <Table caption={`GPU models ranked by points per device per day online, ${WINDOW_TEXT[window]}`} captionHidden label="GPU model table">
          <THead>
            <tr>
              <Th numeric className="w-8">
                #
              </Th>
              <Th>GPU</Th>
              <Th numeric>
                <abbr title="Points per device per 24 hours online, over every job it served" className="no-underline">
                  Pts/day online
                </abbr>
              </Th>
              <Th numeric>
                <abbr title="25th–75th percentile of points per day online across device-days" className="no-underline">
                  p25–p75
                </abbr>
              </Th>
              <Th numeric>Devices</Th>
              <Th numeric>
                <abbr title="Share of the window's hours its devices were online" className="no-underline">
                  Online
                </abbr>
              </Th>
              <Th numeric>Jobs</Th>
              <Th numeric>In time</Th>
              <Th numeric>
                <abbr title="Median over devices of each device's moving-average latency" className="no-underline">
                  Median latency
                </abbr>
              </Th>
            </tr>
          </THead>
          <TBody>
            {items.map((g, i) => (
              <Tr key={g.hardware}>
                <Td numeric className="text-zinc-600 dark:text-zinc-400">
                  {g.pointsPerDayOnline === null ? "—" : i + 1}
                </Td>
                <Th scope="row" className="whitespace-nowrap">
                  <span title={g.hardware}>{shortName(g.hardware)}</span>
                </Th>
                <Td numeric className="font-semibold" data-testid="gpu-points-per-day-online" data-value={g.pointsPerDayOnline ?? undefined} data-as-of={online.asOf}>
                  {g.pointsPerDayOnline === null ? "—" : formatRate(g.pointsPerDayOnline)}
                </Td>
                <Td numeric className="whitespace-nowrap text-zinc-600 dark:text-zinc-400">
                  {g.pointsPerDayOnlineP25 === null || g.pointsPerDayOnlineP75 === null ? "—" : `${formatRate(g.pointsPerDayOnlineP25)}–${formatRate(g.pointsPerDayOnlineP75)}`}
                </Td>
                <Td numeric title={`${formatCount(g.onlineDevices, "device")} online, ${formatCount(g.deviceDaysOnline, "device-day")}`}>
                  {formatInt(g.onlineDevices)}
                </Td>
                <Td numeric>{formatPercent(g.onlineShare)}</Td>
                <Td numeric>{formatInt(g.jobs)}</Td>
                <Td numeric>{formatPercent(g.availability)}</Td>
                <Td numeric>{latency(g.medianLatencyMs)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
          Pts/day online: the points a GPU model&apos;s devices earned over every job they served ÷ the hours they were online × 24 (online: 5-minute buckets the job router saw
          them polling; {online.source === "heartbeats" ? "" : "before its heartbeats began, hours with a received job; "}
          whole hours {formatDateTime(online.from)} to {formatDateTime(online.to)}, as of {formatDateTime(online.asOf)}, computed by the worker{" "}
          {everyLabel(gpuThroughputIntervalSeconds())}). The estimator uses the same figures. Devices: GPUs of that model online in the window. In time: jobs completed within the
          timeout (image 18 s, LLM 180 s). Models without a device online are listed last, unranked.
        </p>
      </Card>
      <Card>
        <ChartFigure
          title="Points per device per day online"
          summary={`Waifu + Llama Points per device per 24 hours online, ${WINDOW_TEXT[window]}.`}
          chart={<LazyRankedBarChart data={chartData} format="points" />}
          tableLabel="Chart data is in the table"
          table={<p className="text-xs text-zinc-600 dark:text-zinc-400">The table above holds the same numbers.</p>}
        />
      </Card>
    </div>
  );
}
