import { Card, EmptyState, Table, TBody, Td, THead, Th, Tr } from "@/components/ui";
import { formatInt, formatPoints } from "@/lib/format";
import type { NetworkDay } from "@/lib/server/queries/network-daily";
import { formatDay, type ChartColor, type ValueFormat } from "./chart-format";
import { ChartFigure } from "./chart-figure";
import { StaticBarChart } from "./static-bar-chart";

const SERIES: { key: "waifuPoints" | "llamaPoints" | "jobs"; title: string; color: ChartColor; format: ValueFormat }[] = [
  { key: "waifuPoints", title: "Waifu Points per day", color: "waifu", format: "points" },
  { key: "llamaPoints", title: "Llama Points per day", color: "llama", format: "points" },
  { key: "jobs", title: "Jobs per day", color: "neutral", format: "int" },
];

/** Three daily bar charts (server-computed data) with their numbers as tables. */
export function NetworkDailyCharts({ days }: { days: NetworkDay[] }) {
  if (days.every((d) => d.jobs === 0)) {
    return <EmptyState title="No jobs in the last 30 days yet">The charts fill in as the router reports jobs.</EmptyState>;
  }
  const active = days.filter((d) => d.jobs > 0);
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      {SERIES.map((s) => {
        const values = days.map((d) => ({ date: d.date, value: d[s.key] }));
        const total = values.reduce((sum, v) => sum + v.value, 0);
        const fmt = (v: number) => (s.format === "int" ? formatInt(v) : formatPoints(v, 0));
        return (
          <Card key={s.key}>
            <ChartFigure
              title={s.title}
              summary={`${fmt(total)} in 30 days; ${fmt(active.length ? total / active.length : 0)} per active day (${active.length} days with jobs).`}
              chart={<StaticBarChart data={values} color={s.color} format={s.format} />}
              table={
                <Table caption={`${s.title}, last 30 days`} captionHidden>
                  <THead>
                    <tr>
                      <Th>Day (UTC)</Th>
                      <Th numeric>{s.format === "int" ? "Jobs" : "Points"}</Th>
                    </tr>
                  </THead>
                  <TBody>
                    {values
                      .filter((v) => v.value !== 0)
                      .reverse()
                      .map((v) => (
                        <Tr key={v.date}>
                          <Th scope="row">{formatDay(v.date)}</Th>
                          <Td numeric>{fmt(v.value)}</Td>
                        </Tr>
                      ))}
                  </TBody>
                </Table>
              }
            />
          </Card>
        );
      })}
    </div>
  );
}
