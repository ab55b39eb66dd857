// Field groups shared by the miner and wallet answers. Names follow Heurist's own stats API
// (totalWaifuPoints, last24HrsImageCount, …) so existing scripts and dashboards keep working.
import { z } from "zod";
import { isoDateTime } from "./query";

const points = z.number().describe("points (not micro-points)");
const count = z.number().int();

export const totalsShape = {
  totalWaifuPoints: points,
  totalLlamaPoints: points,
  totalImageCount: count.describe("image jobs completed within the timeout"),
  totalTextCount: count.describe("LLM jobs completed within the timeout"),
  totalFailedCount: count.describe("jobs that failed, timed out at the router or exceeded the schedule's timeout"),
};

const ratio = z.number().min(0).max(1).nullable();

/**
 * Availability over the last 24 hours: the share of its 5-minute buckets in which the job router
 * saw the node polling for work (its heartbeats), whether or not a job came its way. Hours before
 * the router's heartbeats began count as available when the node received a job (12 buckets an
 * hour), and `source` says so.
 */
export const availability24hSchema = z
  .object({
    ratio: ratio.describe("onlineBuckets ÷ buckets; null when nothing was measured (buckets = 0)"),
    onlineBuckets: count.describe("5-minute buckets in which the node was available"),
    buckets: count.describe("5-minute buckets measured: 288 for a whole day, fewer when part of the window has no record"),
    heartbeatBuckets: count.describe("of `buckets`, how many the router's heartbeats cover; the rest are whole hours before heartbeats began, counted from received jobs"),
    source: z.enum(["heartbeats", "jobs", "mixed", "none"]).describe("what the figure rests on: heartbeats, received jobs (history before heartbeats began), both, or nothing"),
  })
  .describe("measured availability over the last 24 hours (the window ends at the last whole 5-minute bucket)");
export type Availability24h = z.output<typeof availability24hSchema>;

export const availabilityWindowShape = {
  from: isoDateTime.describe("start of the 24-hour window"),
  to: isoDateTime.describe("end of the window: the start of the current 5-minute bucket"),
};

export const onTime24hSchema = z
  .object({
    ratio: ratio.describe("completed ÷ jobs; null without jobs"),
    completed: count.describe("jobs completed within the schedule's timeout"),
    jobs: count.describe("jobs received"),
  })
  .describe("on-time rate over the last 24 hourly buckets (the current hour included): not availability");
export type OnTime24h = z.output<typeof onTime24hSchema>;

export const last24HrsShape = {
  last24HrsWaifuPoints: points,
  last24HrsLlamaPoints: points,
  last24HrsImageCount: count,
  last24HrsTextCount: count,
  last24HrsJobCount: count.describe("every job reported, earning or not"),
  last24HrsAvailability: ratio.describe(
    "availability over the last 24 hours: availability24h.ratio (5-minute buckets with the node online ÷ buckets measured); null when nothing was measured. Until issue 10 this was the on-time rate, now onTime24h.",
  ),
  onTime24h: onTime24hSchema,
};

export const dailyPointSchema = z.object({
  date: z.iso.date().describe("UTC day, YYYY-MM-DD"),
  waifuPoints: points,
  llamaPoints: points,
  imageCount: count,
  textCount: count,
  jobCount: count,
});
export type DailyPoint = z.infer<typeof dailyPointSchema>;

export const dailyPointsSchema = z.array(dailyPointSchema).describe("one entry per UTC day, oldest first, days without jobs as zeros");
