// A node's history (GET /api/v1/miners/{minerId}/history) as the charts draw it and the words
// under them read. Pure: the same numbers feed the charts, their summaries and their tables.
import { formatDateTime, formatInt, formatPercent } from "@/lib/format";
import { formatBps, formatTokenAmount } from "@/lib/market/amount";
import type { NodeHistory, NodeHistoryDay } from "@/lib/schemas/node-history";
import { formatHours } from "./availability";

const DAY_MS = 86_400_000;

export interface StepPoint {
  /** ms */
  t: number;
  value: number;
}

export interface PendingBribe {
  bps: number;
  epoch: number;
  effectiveAt: string;
  /** The dashed segment: the bribe now, held until the change applies, then the pending one. */
  points: StepPoint[];
}

export interface BribeSeries {
  /** Percent in force over time, a step each time a change applied, up to now. */
  inForce: StepPoint[];
  pending: PendingBribe | null;
  /** x-axis [start, end] (ms): at least the last 30 days, and past a pending change. */
  domain: [number, number];
}

/** The bribe's step series, or null when the operator never set one. */
export function bribeSeries(b: NodeHistory["bribes"]): BribeSeries | null {
  if (b.history.length === 0) return null;
  const asOf = Date.parse(b.asOf);
  const inForce = b.history
    .filter((h) => h.inForceFrom !== null && Date.parse(h.inForceFrom) <= asOf)
    .map((h) => ({ t: Date.parse(h.inForceFrom!), value: h.bps / 100 }))
    .sort((x, y) => x.t - y.t);
  if (inForce.length > 0) inForce.push({ t: asOf, value: inForce.at(-1)!.value });
  let end = asOf;
  let pending: PendingBribe | null = null;
  if (b.pending) {
    const at = Date.parse(b.pending.effectiveAt);
    end = at + DAY_MS;
    const now = (b.currentBps ?? 0) / 100;
    pending = {
      bps: b.pending.bps,
      epoch: b.pending.effectiveEpoch,
      effectiveAt: b.pending.effectiveAt,
      points: [
        { t: asOf, value: now },
        { t: at, value: b.pending.bps / 100 },
        { t: end, value: b.pending.bps / 100 },
      ],
    };
  }
  return { inForce, pending, domain: [Math.min(inForce[0]?.t ?? asOf, asOf - 30 * DAY_MS), end] };
}

/** "15 % in force since …; 10 % pending from epoch 2919 (…), a cut; 4 changes set in all." */
export function bribeSummary(b: NodeHistory["bribes"]): string {
  if (b.history.length === 0) return "No bribe set.";
  const now = b.currentBps === null ? "No bribe in force yet" : `${formatBps(b.currentBps)} in force${b.currentSince ? ` since ${formatDateTime(b.currentSince)}` : ""}`;
  const p = b.pending;
  const cut = p && p.bps < (b.currentBps ?? 0) ? ", a cut" : "";
  const pending = p ? `; ${formatBps(p.bps)} pending from epoch ${p.effectiveEpoch} (${formatDateTime(p.effectiveAt)})${cut}` : "";
  const n = b.history.length;
  return `${now}${pending}; ${formatInt(n)} change${n === 1 ? "" : "s"} set in all.`;
}

/** Total stake in stHEU over time, for the chart (each value holds until the next point). */
export function stakeSteps(stake: NodeHistory["stake"]): StepPoint[] {
  return stake.map((p) => ({ t: Date.parse(p.at), value: p.stake }));
}

export const formatStake = (wei: string) => `${formatTokenAmount(BigInt(wei), 2)} stHEU`;

export function stakeSummary(stake: NodeHistory["stake"]): string {
  if (stake.length === 0) return "Never staked on.";
  const first = stake[0]!;
  const now = stake.at(-1)!;
  const changes = stake.filter((p) => p.kind === "change").length;
  const high = stake.reduce((m, p) => (BigInt(p.stakeWei) > BigInt(m.stakeWei) ? p : m), first);
  return (
    `${formatStake(now.stakeWei)} now, ${formatStake(first.stakeWei)} on ${first.at.slice(0, 10)}; ` +
    `${formatInt(changes)} change${changes === 1 ? "" : "s"} since${high.stakeWei === now.stakeWei ? "" : `, highest ${formatStake(high.stakeWei)}`}.`
  );
}

/** Each day's bar: percent available, and whether received jobs stand in for heartbeats. */
export interface AvailabilityBar {
  date: string;
  /** null: nothing measured that day. */
  percent: number | null;
  fromJobs: boolean;
  /** "22 of 24 h", for the tooltip. */
  sample: string;
}

export const dayFromJobs = (d: NodeHistoryDay) => d.availability.source === "jobs" || d.availability.source === "mixed";

export function availabilityBars(days: readonly NodeHistoryDay[]): AvailabilityBar[] {
  return days.map((d) => ({
    date: d.date,
    percent: d.availability.ratio === null ? null : d.availability.ratio * 100,
    fromJobs: dayFromJobs(d),
    sample: availabilitySampleOfDay(d),
  }));
}

/** "22 of 24 h online", "not measured". */
export function availabilitySampleOfDay(d: NodeHistoryDay): string {
  const a = d.availability;
  return a.buckets === 0 ? "not measured" : `${formatHours(a.onlineBuckets)} of ${formatHours(a.buckets)} h online`;
}

export function availabilitySummary(days: readonly NodeHistoryDay[]): string {
  const measured = days.filter((d) => d.availability.buckets > 0);
  if (measured.length === 0) return "Nothing measured.";
  const online = measured.reduce((n, d) => n + d.availability.onlineBuckets, 0);
  const buckets = measured.reduce((n, d) => n + d.availability.buckets, 0);
  const jobs = measured.filter(dayFromJobs).length;
  const jobDays = jobs === 0 ? "" : ` ${formatInt(jobs)} of the days ${jobs === 1 ? "is" : "are"} measured wholly or partly from received jobs.`;
  return (
    `Available ${formatPercent(online / buckets)} of the time measured over ${formatInt(measured.length)} day${measured.length === 1 ? "" : "s"} ` +
    `(${formatHours(online)} of ${formatHours(buckets)} h).${jobDays}`
  );
}

/** The on-time rate of a day as a table cell reads it: "2 of 3 (66.7 %)". */
export function onTimeCell(d: NodeHistoryDay): string {
  const o = d.onTime;
  return o.jobs === 0 ? "no jobs" : `${formatInt(o.completed)} of ${formatInt(o.jobs)} (${formatPercent(o.ratio)})`;
}
