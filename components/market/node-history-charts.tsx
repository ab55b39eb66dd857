"use client";

import { useId, type ReactElement } from "react";
import { Area, AreaChart, Bar, BarChart, CartesianGrid, Cell, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatDay } from "@/components/charts/chart-format";
import type { AvailabilityBar, BribeSeries, StepPoint } from "@/lib/dashboard/node-history";
import { formatCompact, formatPoints } from "@/lib/format";

// The node history's charts (components/market/node-history.tsx places them, with their summaries
// and tables): decorative for assistive tech, loaded only near the viewport (lazy-node-history-charts).

export const CHART_HEIGHT = 200;
const AXIS = { fill: "var(--chart-axis)", fontSize: 11 };
const TOOLTIP = {
  contentStyle: { background: "var(--chart-tooltip-bg)", border: "1px solid var(--chart-tooltip-border)", borderRadius: 8, fontSize: 12 },
  labelStyle: { color: "var(--chart-axis)" },
};
const day = (t: number) => formatDay(new Date(t).toISOString().slice(0, 10));
const dateTime = (t: number) => new Date(t).toISOString().replace("T", " ").slice(0, 16) + " UTC";

function Frame({ children }: { children: ReactElement }) {
  return (
    <div aria-hidden="true" style={{ height: CHART_HEIGHT }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  );
}

/** "Epoch 2919 · Dec 12", right-aligned against the pending change's line so it never runs off the chart. */
function PendingLabel({ viewBox, text }: { viewBox?: { x?: number; y?: number }; text: string }) {
  return (
    <text x={(viewBox?.x ?? 0) - 4} y={(viewBox?.y ?? 0) + 12} textAnchor="end" fill="var(--chart-axis)" fontSize={11}>
      {text}
    </text>
  );
}

interface BribeRow {
  t: number;
  inForce?: number;
  pending?: number;
}

/** Bribe % as a step line; a pending change dashed from now to the epoch it applies from. */
export function BribeStepChart({ series }: { series: BribeSeries }) {
  const rows = new Map<number, BribeRow>();
  for (const p of series.inForce) rows.set(p.t, { ...rows.get(p.t), t: p.t, inForce: p.value });
  for (const p of series.pending?.points ?? []) rows.set(p.t, { ...rows.get(p.t), t: p.t, pending: p.value });
  const data = [...rows.values()].sort((a, b) => a.t - b.t);
  const max = Math.max(...data.map((r) => Math.max(r.inForce ?? 0, r.pending ?? 0)));
  const pendingAt = series.pending ? Date.parse(series.pending.effectiveAt) : null;
  return (
    <Frame>
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis dataKey="t" type="number" scale="time" domain={series.domain} allowDataOverflow tickFormatter={day} tick={AXIS} tickLine={false} axisLine={false} minTickGap={40} />
        <YAxis width={40} domain={[0, Math.max(10, Math.ceil(max / 10) * 10)]} tickFormatter={(v: number) => `${v}%`} tick={AXIS} tickLine={false} axisLine={false} />
        <Tooltip labelFormatter={(t) => dateTime(Number(t))} formatter={(v, name) => [`${formatPoints(Number(v), 2)} %`, String(name)]} {...TOOLTIP} />
        <Line type="stepAfter" dataKey="inForce" name="In force" connectNulls stroke="var(--chart-neutral)" strokeWidth={2} dot={false} isAnimationActive={false} />
        {series.pending && pendingAt !== null ? (
          <>
            <Line
              type="stepAfter"
              dataKey="pending"
              name="Pending"
              connectNulls
              stroke="var(--chart-waifu)"
              strokeWidth={2}
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
            <ReferenceLine x={pendingAt} stroke="var(--chart-axis)" strokeDasharray="2 3" label={<PendingLabel text={`Epoch ${series.pending.epoch} · ${day(pendingAt)}`} />} />
          </>
        ) : null}
      </LineChart>
    </Frame>
  );
}

/** Total stake (stHEU) as a step area over the window. */
export function StakeStepChart({ points, domain }: { points: StepPoint[]; domain: [number, number] }) {
  return (
    <Frame>
      <AreaChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis dataKey="t" type="number" scale="time" domain={domain} allowDataOverflow tickFormatter={day} tick={AXIS} tickLine={false} axisLine={false} minTickGap={40} />
        <YAxis width={44} domain={[0, "auto"]} tickFormatter={(v: number) => formatCompact(v)} tick={AXIS} tickLine={false} axisLine={false} />
        <Tooltip labelFormatter={(t) => dateTime(Number(t))} formatter={(v) => [`${formatPoints(Number(v), 2)} stHEU`, "Stake"]} {...TOOLTIP} />
        <Area
          type="stepAfter"
          dataKey="value"
          name="Stake"
          stroke="var(--chart-llama)"
          fill="var(--chart-llama)"
          fillOpacity={0.25}
          strokeWidth={2}
          dot={false}
          isAnimationActive={false}
        />
      </AreaChart>
    </Frame>
  );
}

function AvailabilityTip({ active, payload }: { active?: boolean; payload?: readonly { payload?: AvailabilityBar }[] }) {
  const bar = active ? payload?.[0]?.payload : undefined;
  if (!bar) return null;
  return (
    <div style={{ ...TOOLTIP.contentStyle, padding: "6px 8px" }}>
      <div style={TOOLTIP.labelStyle}>{formatDay(bar.date)}</div>
      <div>
        {bar.percent === null ? "Not measured" : `${formatPoints(bar.percent, 1)} %`} · {bar.sample}
      </div>
      {bar.fromJobs ? <div>From received jobs</div> : null}
    </div>
  );
}

/** One bar per day; days measured from received jobs instead of heartbeats are hatched. */
export function AvailabilityBarChart({ bars }: { bars: AvailabilityBar[] }) {
  const hatch = `hatch-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  return (
    <Frame>
      <BarChart accessibilityLayer={false} data={bars} margin={{ top: 8, right: 12, bottom: 0, left: 0 }} barCategoryGap={2}>
        <defs>
          <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="6" height="6" fill="var(--chart-llama)" fillOpacity={0.25} />
            <line x1="0" y1="0" x2="0" y2="6" stroke="var(--chart-llama)" strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid vertical={false} stroke="var(--chart-grid)" />
        <XAxis dataKey="date" tickFormatter={formatDay} tick={AXIS} tickLine={false} axisLine={false} interval="preserveStartEnd" minTickGap={24} />
        <YAxis width={40} domain={[0, 100]} ticks={[0, 50, 100]} tickFormatter={(v: number) => `${v}%`} tick={AXIS} tickLine={false} axisLine={false} />
        <Tooltip cursor={{ fill: "var(--chart-grid)", opacity: 0.5 }} content={<AvailabilityTip />} />
        <Bar dataKey="percent" isAnimationActive={false} radius={[2, 2, 0, 0]}>
          {bars.map((b) => (
            <Cell key={b.date} fill={b.fromJobs ? `url(#${hatch})` : "var(--chart-llama)"} />
          ))}
        </Bar>
      </BarChart>
    </Frame>
  );
}
