import { ChartFigure } from "@/components/charts/chart-figure";
import { LazyRankedBarChart } from "@/components/charts/lazy";
import { Card, EmptyState, Table, TBody, Td, THead, Th, Tr } from "@/components/ui";
import { formatInt, formatPercent, formatPoints } from "@/lib/format";
import type { GpuWindow } from "@/lib/schemas/gpus";
import { getGpuStats } from "@/lib/server/queries/gpus";

const WINDOW_TEXT: Record<GpuWindow, string> = { "24h": "last 24 hours", "7d": "last 7 days" };

function latency(ms: number | null): string {
  return ms === null ? "—" : `${formatPoints(ms / 1000, 1)} s`;
}

/** GPU models ranked by points per device per day, as a chart and as the table behind it. */
export async function GpuModelsSection({ window }: { window: GpuWindow }) {
  const { items } = await getGpuStats({ window });
  if (items.length === 0) {
    return <EmptyState title={`No jobs in the ${WINDOW_TEXT[window]} yet`}>GPU models show up here once their first jobs are reported.</EmptyState>;
  }
  const ranked = items.filter((g) => g.pointsPerDevicePerDay !== null);
  const chartData = ranked.map((g) => ({
    label: g.hardware.replace(/^NVIDIA (GeForce )?/, ""),
    waifu: g.waifuPointsPerDevicePerDay ?? 0,
    llama: g.llamaPointsPerDevicePerDay ?? 0,
  }));
  return (
    <div className="space-y-4">
      <Card>
        <Table caption={`GPU models ranked by points per device per day, ${WINDOW_TEXT[window]}`} captionHidden label="GPU model table">
          <THead>
            <tr>
              <Th numeric className="w-8">#</Th>
              <Th>GPU</Th>
              <Th numeric>
                <abbr title="Points per device per day" className="no-underline">Pts/dev/day</abbr>
              </Th>
              <Th numeric>Devices</Th>
              <Th numeric>Jobs</Th>
              <Th numeric>
                <abbr title="Waifu Points per device per day" className="no-underline">Waifu</abbr>
              </Th>
              <Th numeric>
                <abbr title="Llama Points per device per day" className="no-underline">Llama</abbr>
              </Th>
              <Th numeric>In time</Th>
              <Th numeric>
                <abbr title="Median over devices of each device's moving-average latency" className="no-underline">Median latency</abbr>
              </Th>
            </tr>
          </THead>
          <TBody>
            {items.map((g, i) => (
              <Tr key={g.hardware}>
                <Td numeric className="text-zinc-600 dark:text-zinc-400">{g.pointsPerDevicePerDay === null ? "—" : i + 1}</Td>
                <Th scope="row" className="whitespace-nowrap">
                  <span title={g.hardware}>{g.hardware.replace(/^NVIDIA (GeForce )?/, "")}</span>
                </Th>
                <Td numeric className="font-semibold">{g.pointsPerDevicePerDay === null ? "—" : formatPoints(g.pointsPerDevicePerDay, 1)}</Td>
                <Td numeric>{formatInt(g.activeDevices)}</Td>
                <Td numeric>{formatInt(g.jobs)}</Td>
                <Td numeric>{g.waifuPointsPerDevicePerDay === null ? "—" : formatPoints(g.waifuPointsPerDevicePerDay, 1)}</Td>
                <Td numeric>{g.llamaPointsPerDevicePerDay === null ? "—" : formatPoints(g.llamaPointsPerDevicePerDay, 2)}</Td>
                <Td numeric>{formatPercent(g.availability)}</Td>
                <Td numeric>{latency(g.medianLatencyMs)}</Td>
              </Tr>
            ))}
          </TBody>
        </Table>
        <p className="mt-3 text-xs text-zinc-600 dark:text-zinc-400">
          Devices: GPUs of that model with a job in the window. In time: jobs completed within the timeout (image 18 s, LLM 180 s).
          Models without active devices are listed last, unranked.
        </p>
      </Card>
      <Card>
        <ChartFigure
          title="Points per device per day"
          summary={`Waifu + Llama Points each active device earned per day, ${WINDOW_TEXT[window]}.`}
          chart={<LazyRankedBarChart data={chartData} format="points" />}
          tableLabel="Chart data is in the table"
          table={<p className="text-xs text-zinc-600 dark:text-zinc-400">The table above holds the same numbers.</p>}
        />
      </Card>
    </div>
  );
}
