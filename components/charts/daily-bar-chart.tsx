"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, formatAxis, formatDay, formatValue, type ChartColor, type ValueFormat } from "./chart-format";

export interface DailyPoint {
  date: string;
  value: number;
}

/** Bars per UTC day. Decorative for assistive tech: pair it with ChartFigure's data table. */
export default function DailyBarChart({
  data,
  color,
  format,
  seriesLabel,
  height = 180,
}: {
  data: DailyPoint[];
  color: ChartColor;
  format: ValueFormat;
  seriesLabel: string;
  height?: number;
}) {
  return (
    <div aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="date"
            tickFormatter={formatDay}
            tick={{ fill: "var(--chart-axis)", fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            minTickGap={24}
          />
          <YAxis
            width={40}
            tickFormatter={(v: number) => formatAxis(v, format)}
            tick={{ fill: "var(--chart-axis)", fontSize: 11 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            cursor={{ fill: "var(--chart-grid)", opacity: 0.5 }}
            labelFormatter={(label) => formatDay(String(label))}
            formatter={(v) => [formatValue(Number(v), format), seriesLabel]}
            contentStyle={{
              background: "var(--chart-tooltip-bg)",
              border: "1px solid var(--chart-tooltip-border)",
              borderRadius: 8,
              fontSize: 12,
            }}
            labelStyle={{ color: "var(--chart-axis)" }}
            itemStyle={{ color: "inherit" }}
          />
          <Bar dataKey="value" name={seriesLabel} fill={CHART_COLORS[color]} radius={[3, 3, 0, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
