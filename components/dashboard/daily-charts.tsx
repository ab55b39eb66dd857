import { formatDay, type ChartColor, type ValueFormat } from "@/components/charts/chart-format";
import { StaticBarChart } from "@/components/charts/static-bar-chart";
import { Card, EmptyState, LazyDetails, Table, THead, Th } from "@/components/ui";
import { formatInt, formatPoints } from "@/lib/format";
import type { DailyPoint } from "@/lib/schemas/activity";

const SERIES: { key: "waifuPoints" | "llamaPoints" | "jobCount"; title: string; color: ChartColor; format: ValueFormat }[] = [
  { key: "waifuPoints", title: "Waifu Points per day", color: "waifu", format: "points" },
  { key: "llamaPoints", title: "Llama Points per day", color: "llama", format: "points" },
  { key: "jobCount", title: "Jobs per day", color: "neutral", format: "int" },
];

const fmt = (key: (typeof SERIES)[number]["key"], v: number) => (key === "jobCount" ? formatInt(v) : formatPoints(v, key === "llamaPoints" ? 2 : 1));

const CELLS = "[&_tbody_td]:px-3 [&_tbody_td]:py-1 [&_tbody_td]:text-right [&_tbody_td]:tabular-nums [&_tbody_th]:py-1 [&_tbody_th]:text-left [&_tbody_th]:font-normal";

/**
 * Waifu and Llama on separate charts: a GPU earns thousands of Waifu and a handful of Llama Points
 * a day, and one axis would flatten the smaller series.
 * The bars are drawn on the server (no chart library in the browser) and are decorative for
 * assistive tech; the summaries and one table carry the same numbers. The table is built when
 * "Show the numbers" first opens (LazyDetails), so it adds nothing to the page load.
 */
export function DailyCharts({ days, span }: { days: DailyPoint[]; span: number }) {
  if (days.every((d) => d.jobCount === 0)) {
    return <EmptyState title={`No jobs in the last ${span} days`}>Pick a longer range, or check that the GPU is online and serving a model.</EmptyState>;
  }
  const active = days.filter((d) => d.jobCount > 0).length;
  // A GPU serving only image (or only LLM) models gets no empty chart for the other kind.
  const series = SERIES.filter((s) => s.key === "jobCount" || days.some((d) => d[s.key] !== 0));
  return (
    <div className="space-y-3">
      <div className={`grid gap-4 ${series.length === 3 ? "lg:grid-cols-3" : "md:grid-cols-2"}`}>
        {series.map((s) => {
          const values = days.map((d) => ({ date: d.date, value: d[s.key] }));
          const total = values.reduce((sum, v) => sum + v.value, 0);
          return (
            <Card key={s.key} className="lazy-render [--lazy-h:16rem]">
              <figure className="m-0">
                <figcaption className="mb-3">
                  <span className="block text-sm font-semibold text-zinc-900 dark:text-zinc-50">{s.title}</span>
                  <span className="block text-xs text-zinc-600 dark:text-zinc-400">
                    {fmt(s.key, total)} in {span} days; {fmt(s.key, active ? total / active : 0)} per active day.
                  </span>
                </figcaption>
                <StaticBarChart data={values} color={s.color} format={s.format} />
              </figure>
            </Card>
          );
        })}
      </div>
      <LazyDetails
        className="text-sm"
        summaryClassName="cursor-pointer text-sm font-medium text-zinc-700 hover:text-zinc-900 dark:text-zinc-300 dark:hover:text-white"
        summary={`Show the numbers (${active} of ${span} days with jobs)`}
      >
        <div className="mt-2 max-h-96 overflow-y-auto">
          <Table caption={`Points and jobs per UTC day, last ${span} days, newest first`} captionHidden className={CELLS}>
            <THead>
              <tr>
                <Th>Day (UTC)</Th>
                <Th numeric>Waifu Points</Th>
                <Th numeric>Llama Points</Th>
                <Th numeric>Jobs</Th>
              </tr>
            </THead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800/70">
              {[...days].reverse().map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatDay(d.date)}</th>
                  <td>{fmt("waifuPoints", d.waifuPoints)}</td>
                  <td>{fmt("llamaPoints", d.llamaPoints)}</td>
                  <td>{fmt("jobCount", d.jobCount)}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        </div>
      </LazyDetails>
    </div>
  );
}
