"use client";

import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface BribePoint {
  /** ms */
  t: number;
  /** percent, 0–100 */
  percent: number;
}

const day = (t: number) => new Date(t).toISOString().slice(0, 10);

/** The bribe in force over time as a step line (each change holds until the next). Pair with the history table. */
export default function BribeChart({ data }: { data: BribePoint[] }) {
  return (
    <div aria-hidden="true" style={{ height: 200 }}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
          <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
          <XAxis
            dataKey="t"
            type="number"
            scale="time"
            domain={["dataMin", "dataMax"]}
            tickFormatter={day}
            tick={{ fill: "var(--chart-axis)", fontSize: 11 }}
            tickLine={false}
            axisLine={false}
            minTickGap={40}
          />
          <YAxis
            width={40}
            domain={[0, (max: number) => Math.max(10, Math.ceil(max / 10) * 10)]}
            tickFormatter={(v: number) => `${v}%`}
            tick={{ fill: "var(--chart-axis)", fontSize: 11 }}
            tickLine={false}
            axisLine={false}
          />
          <Tooltip
            labelFormatter={(t) => day(Number(t))}
            formatter={(v) => [`${Number(v)} %`, "Bribe"]}
            contentStyle={{ background: "var(--chart-tooltip-bg)", border: "1px solid var(--chart-tooltip-border)", borderRadius: 8, fontSize: 12 }}
            labelStyle={{ color: "var(--chart-axis)" }}
          />
          <Line type="stepAfter" dataKey="percent" stroke="var(--chart-neutral)" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
