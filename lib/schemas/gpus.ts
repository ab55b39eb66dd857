// GET /api/v1/gpus: the "Top GPUs" table, one row per GPU model as the router reports it.
import { z } from "zod";
import { isoDateTime } from "./query";

export const GPU_WINDOWS = ["24h", "7d"] as const;
export type GpuWindow = (typeof GPU_WINDOWS)[number];

export const gpusQuerySchema = z.object({
  window: z.enum(GPU_WINDOWS, { error: "window must be 24h or 7d" }).default("24h"),
});
export type GpusQuery = z.output<typeof gpusQuerySchema>;

export const gpuStatsSchema = z.object({
  hardware: z.string().describe('GPU model name as reported; "unknown" when the router sent none'),
  activeDevices: z.number().int().describe("nodes of this model whose last job falls in the window"),
  jobs: z.number().int(),
  successes: z.number().int().describe("jobs completed within the timeout"),
  availability: z.number().nullable().describe("the on-time rate, successes ÷ jobs (named before availability was measured from heartbeats; it is not availability)"),
  waifuPoints: z.number(),
  llamaPoints: z.number(),
  waifuPointsPerDevicePerDay: z.number().nullable().describe("per calendar day over active devices (before issue 11); see pointsPerDayOnline"),
  llamaPointsPerDevicePerDay: z.number().nullable().describe("per calendar day over active devices (before issue 11); see pointsPerDayOnline"),
  pointsPerDevicePerDay: z.number().nullable().describe("waifu + llama per calendar day over active devices (before issue 11); see pointsPerDayOnline"),
  pointsPerDayOnline: z
    .number()
    .nullable()
    .describe(
      "the sort key: points its devices earned per 24 hours online (5-minute buckets the router saw them, or hours with a received job before heartbeats), over the window's whole hours; the estimator's and GET /api/v1/estimate's figure (null: no device online)",
    ),
  pointsPerDayOnlineP25: z.number().nullable().describe("25th percentile of points per day online across device-days (null under 4 device-days)"),
  pointsPerDayOnlineP75: z.number().nullable().describe("75th percentile of points per day online across device-days"),
  onlineDevices: z.number().int().describe("devices online at some time in the window"),
  onlineDays: z.number().int().describe("days of the window in which any of them was online"),
  deviceDaysOnline: z.number().int().describe("device-days with time online: the sample of the range"),
  onlineShare: z.number().nullable().describe("hours online ÷ (onlineDevices × window hours)"),
  medianLatencyMs: z.number().nullable().describe("median over active devices of each device's moving-average latency"),
  meanLatencyMs: z.number().nullable().describe("latency of all successful jobs in the window ÷ their count"),
});
export type GpuStats = z.output<typeof gpuStatsSchema>;

export const gpusResponseSchema = z.object({
  window: z.enum(GPU_WINDOWS),
  from: isoDateTime.describe("start of the first hourly bucket in the window"),
  online: z
    .object({
      from: isoDateTime,
      to: isoDateTime.describe("the per-day-online figures cover whole hours [from, to)"),
      asOf: isoDateTime.describe("when the worker computed them (every 5 minutes; every web server serves the same snapshot)"),
      source: z.enum(["heartbeats", "jobs", "mixed", "none"]).describe("how hours online were measured"),
    })
    .describe("the window of pointsPerDayOnline and its siblings"),
  items: z.array(gpuStatsSchema),
});
export type GpusResponse = z.output<typeof gpusResponseSchema>;
