// How an availability figure and the sample behind it read on the dashboards: "23.1 h of 24 h
// measured", "22 of 24 h", and "from received jobs" where history before the router's heartbeats
// stands in for them (lib/heartbeats/coverage.ts).
import { formatInt } from "@/lib/format";
import type { Availability24h } from "@/lib/schemas/activity";

const BUCKETS_PER_HOUR = 12;
const WINDOW_HOURS = 24;
const hours = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

/** Hours from 5-minute buckets, with a decimal only where it says something (23.1, 24). Never rounds up to a whole. */
export function formatHours(buckets: number): string {
  return hours.format(Math.floor((buckets / BUCKETS_PER_HOUR) * 10) / 10);
}

const fromJobs = (source: Availability24h["source"]) => (source === "jobs" ? "from received jobs" : source === "mixed" ? "partly from received jobs" : null);

/**
 * The sample under a headline figure: "24 h measured", "23.1 h of 24 h measured · from received
 * jobs", and for a wallet the GPUs counted ("2,400 GPUs · …"; buckets are then summed over them).
 */
export function availabilitySample(a: Pick<Availability24h, "buckets" | "source"> & { gpus?: number }): string {
  const gpus = a.gpus === undefined ? "" : `${formatInt(a.gpus)} GPU${a.gpus === 1 ? "" : "s"} · `;
  if (a.buckets === 0) return `${gpus}nothing measured in the last 24 h`;
  const perNode = a.buckets / (a.gpus || 1);
  const measured = perNode >= WINDOW_HOURS * BUCKETS_PER_HOUR ? `${WINDOW_HOURS} h measured` : `${formatHours(perNode)} h of ${WINDOW_HOURS} h measured`;
  const jobs = fromJobs(a.source);
  return `${gpus}${measured}${jobs ? ` · ${jobs}` : ""}`;
}

/** A table cell's sample: hours online of hours measured ("22 of 24 h"), "· jobs" when received jobs stand in. */
export function availabilityShort(a: Pick<Availability24h, "onlineBuckets" | "buckets" | "source">): string {
  if (a.buckets === 0) return "not measured";
  const jobs = a.source === "jobs" || a.source === "mixed" ? " · jobs" : "";
  return `${formatHours(a.onlineBuckets)} of ${formatHours(a.buckets)} h${jobs}`;
}

/** The same in words, for a tooltip; a wallet's buckets are summed over its GPUs. */
export function availabilityTitle(a: Pick<Availability24h, "onlineBuckets" | "buckets" | "source"> & { gpus?: number }): string {
  if (a.buckets === 0) return "Nothing measured in the last 24 hours";
  const jobs = fromJobs(a.source);
  const unit = a.gpus === undefined ? "5-minute buckets" : `GPU × 5-minute buckets of ${formatInt(a.gpus)} GPU${a.gpus === 1 ? "" : "s"}`;
  return `Online in ${formatInt(a.onlineBuckets)} of ${formatInt(a.buckets)} ${unit} measured in the last 24 hours${jobs ? ` (${jobs}: an hour with a job counts as online)` : ""}`;
}

/** "49 of 50 jobs in time", or that there were none. */
export function onTimeSample(o: { completed: number; jobs: number }): string {
  return o.jobs === 0 ? "No jobs in the last 24 h" : `${formatInt(o.completed)} of ${formatInt(o.jobs)} jobs in time`;
}
