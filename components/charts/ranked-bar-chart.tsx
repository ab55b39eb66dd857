"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { CHART_COLORS, formatAxis, formatValue, type ValueFormat } from "./chart-format";

export interface RankedPoint {
  label: string;
  waifu: number;
  llama: number;
}

/** Horizontal stacked bars (Waifu + Llama) per label, best first. Pair with a data table. */
export default function RankedBarChart({ data, format }: { data: RankedPoint[]; format: ValueFormat }) {
  const height = Math.max(120, data.length * 26 + 64);
  return (
    <div aria-hidden="true" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid horizontal={false} stroke="var(--chart-grid)" />
          <XAxis type="number" tickFormatter={(v: number) => formatAxis(v, format)} tick={{ fill: "var(--chart-axis)", fontSize: 11 }} tickLine={false} axisLine={false} />
          <YAxis type="category" dataKey="label" width={112} tick={{ fill: "var(--chart-axis)", fontSize: 11 }} tickLine={false} axisLine={false} interval={0} />
          <Tooltip
            cursor={{ fill: "var(--chart-grid)", opacity: 0.5 }}
            formatter={(v, name) => [formatValue(Number(v), format), String(name)]}
            contentStyle={{
              background: "var(--chart-tooltip-bg)",
              border: "1px solid var(--chart-tooltip-border)",
              borderRadius: 8,
              fontSize: 12,
            }}
            labelStyle={{ color: "var(--chart-axis)" }}
          />
          <Legend verticalAlign="top" height={28} iconType="square" wrapperStyle={{ fontSize: 12, color: "var(--chart-axis)" }} />
          <Bar dataKey="waifu" name="Waifu" stackId="p" fill={CHART_COLORS.waifu} isAnimationActive={false} />
          <Bar dataKey="llama" name="Llama" stackId="p" fill={CHART_COLORS.llama} radius={[0, 3, 3, 0]} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
