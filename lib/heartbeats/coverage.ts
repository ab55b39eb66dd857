// Availability over a window when the router's heartbeats began partway through it: buckets after
// coverage starts count the router's heartbeats; whole hours before it count as available when the
// node received a job in them (12 buckets an hour), the only trace of history without heartbeats.
import { BUCKET_MS, windowRuns } from "./buckets";

const HOUR_MS = 3_600_000;
export const BUCKETS_PER_HOUR = HOUR_MS / BUCKET_MS;

export type AvailabilitySource = "heartbeats" | "jobs" | "mixed" | "none";

export interface AvailabilityPlan {
  /** Day runs read from node_heartbeats (as windowRuns gives them). */
  heartbeatRuns: ReturnType<typeof windowRuns>;
  heartbeatBuckets: number;
  /** Whole hours [from, to) read from miner_hourly (a job received = 12 buckets available); null for none. */
  jobHours: { from: Date; to: Date } | null;
  jobBuckets: number;
  /** Every bucket the window is measured over. */
  buckets: number;
  source: AvailabilitySource;
}

const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS;
const ceilHour = (ms: number) => Math.ceil(ms / HOUR_MS) * HOUR_MS;

/** Where heartbeats take over: the first whole hour from the router's first heartbeat. */
export const coverageStart = (since: Date | null): Date | null => (since === null ? null : new Date(ceilHour(since.getTime())));

/**
 * How availability over [from, to) is measured, given when heartbeats began (null: never). The
 * job-hour part is whole hours only, so a window's partial hour before coverage is left out.
 */
export function availabilityPlan(from: Date, to: Date, heartbeatsSince: Date | null): AvailabilityPlan {
  const cover = coverageStart(heartbeatsSince)?.getTime() ?? Infinity;
  const hbFrom = Math.max(from.getTime(), cover);
  const heartbeatRuns = hbFrom < to.getTime() ? windowRuns(new Date(hbFrom), to) : [];
  const heartbeatBuckets = heartbeatRuns.reduce((n, r) => n + r.length, 0);
  const jobFrom = ceilHour(from.getTime());
  const jobTo = Math.min(floorHour(to.getTime()), cover);
  const jobHours = jobFrom < jobTo ? { from: new Date(jobFrom), to: new Date(jobTo) } : null;
  const jobBuckets = jobHours ? ((jobTo - jobFrom) / HOUR_MS) * BUCKETS_PER_HOUR : 0;
  const buckets = heartbeatBuckets + jobBuckets;
  const source: AvailabilitySource = buckets === 0 ? "none" : jobBuckets === 0 ? "heartbeats" : heartbeatBuckets === 0 ? "jobs" : "mixed";
  return { heartbeatRuns, heartbeatBuckets, jobHours, jobBuckets, buckets, source };
}
