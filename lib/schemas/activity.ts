// Field groups shared by the miner and wallet answers. Names follow Heurist's own stats API
// (totalWaifuPoints, last24HrsImageCount, …) so existing scripts and dashboards keep working.
import { z } from "zod";

const points = z.number().describe("points (not micro-points)");
const count = z.number().int();

export const totalsShape = {
  totalWaifuPoints: points,
  totalLlamaPoints: points,
  totalImageCount: count.describe("image jobs completed within the timeout"),
  totalTextCount: count.describe("LLM jobs completed within the timeout"),
  totalFailedCount: count.describe("jobs that failed, timed out at the router or exceeded the schedule's timeout"),
};

export const last24HrsShape = {
  last24HrsWaifuPoints: points,
  last24HrsLlamaPoints: points,
  last24HrsImageCount: count,
  last24HrsTextCount: count,
  last24HrsJobCount: count.describe("every job reported, earning or not"),
  last24HrsAvailability: z
    .number()
    .min(0)
    .max(1)
    .nullable()
    .describe("jobs completed within the timeout ÷ jobs reported, over the last 24 hourly buckets; null without jobs"),
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

export const dailyPointsSchema = z
  .array(dailyPointSchema)
  .describe("one entry per UTC day, oldest first, days without jobs as zeros");
