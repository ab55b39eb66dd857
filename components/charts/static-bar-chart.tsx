import type { CSSProperties } from "react";
import { CHART_COLORS, formatAxis, formatDay, formatValue, type ChartColor, type ValueFormat } from "./chart-format";

export interface DayValue {
  date: string;
  value: number;
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above `max`, so gridlines fall on round numbers. */
export function niceCeiling(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  const step = [1, 2, 5, 10].find((s) => s * power >= max * (1 - 1e-12)) ?? 10;
  return step * power;
}

/**
 * Bars per UTC day, drawn on the server as plain HTML: no chart library and no JavaScript, so a
 * dashboard paints and responds at once on a phone. Hovering a bar shows its day and value; the
 * chart is decorative for assistive tech, the numbers table next to it carries the same data.
 * One element per bar (the bar and its tooltip are pseudo-elements, `.bar-chart` in globals.css):
 * three 90-day charts would otherwise add ~800 elements for the browser to lay out and hydrate.
 */
export function StaticBarChart({ data, color, format, height = 180 }: { data: DayValue[]; color: ChartColor; format: ValueFormat; height?: number }) {
  const top = niceCeiling(Math.max(0, ...data.map((d) => d.value)));
  const ticks = [top, top / 2, 0];
  // First, middle and last day; fewer when there are fewer days.
  const labelled = [...new Set([0, Math.floor((data.length - 1) / 2), data.length - 1])].filter((i) => i >= 0 && i < data.length);
  const half = data.length / 2;
  return (
    <div aria-hidden="true" className="flex text-[11px] text-[var(--chart-axis)]" style={{ height }}>
      <div className="relative w-10 shrink-0 pb-5">
        {ticks.map((t, i) => (
          <span key={i} className="absolute right-2 -translate-y-1/2 tabular-nums" style={{ top: `${(i / (ticks.length - 1)) * 100}%` }}>
            {formatAxis(t, format)}
          </span>
        ))}
      </div>
      <div className="flex min-w-0 flex-1 flex-col">
        <div className="bar-chart" style={{ "--bar": CHART_COLORS[color] } as CSSProperties}>
          {data.map((d, i) => (
            <span
              key={d.date}
              data-tip={`${formatDay(d.date)}: ${formatValue(d.value, format)}`}
              data-end={i < half ? undefined : ""}
              style={{ "--h": `${((Math.max(0, d.value) / top) * 100).toFixed(2)}%` } as CSSProperties}
            />
          ))}
        </div>
        <div className="relative h-5">
          {labelled.map((i) => (
            <span
              key={i}
              className={`absolute top-1 whitespace-nowrap ${i === 0 ? "left-0" : i === data.length - 1 ? "right-0" : "-translate-x-1/2"}`}
              style={i === 0 || i === data.length - 1 ? undefined : { left: `${((i + 0.5) / data.length) * 100}%` }}
            >
              {formatDay(data[i]!.date)}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
