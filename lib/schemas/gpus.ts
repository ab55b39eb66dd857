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
  waifuPointsPerDevicePerDay: z.number().nullable(),
  llamaPointsPerDevicePerDay: z.number().nullable(),
  pointsPerDevicePerDay: z.number().nullable().describe("waifu + llama; the sort key (null without active devices)"),
  medianLatencyMs: z.number().nullable().describe("median over active devices of each device's moving-average latency"),
  meanLatencyMs: z.number().nullable().describe("latency of all successful jobs in the window ÷ their count"),
});
export type GpuStats = z.output<typeof gpuStatsSchema>;

export const gpusResponseSchema = z.object({
  window: z.enum(GPU_WINDOWS),
  from: isoDateTime.describe("start of the first hourly bucket in the window"),
  items: z.array(gpuStatsSchema),
});
export type GpusResponse = z.output<typeof gpusResponseSchema>;
