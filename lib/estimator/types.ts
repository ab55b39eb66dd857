// Plain serializable data the estimate page and Top GPUs hand from the server to the browser.
// Everything here is per hour (or day) a device was online, never per hour of the calendar:
// an offline device earns nothing and says nothing about what the GPU does when it works.

/** A pooled figure with the spread across device-days (null with fewer than 4 device-days). */
export interface RateRange {
  /** Ratio of sums over every device-day: what the devices did together. */
  value: number;
  p25: number | null;
  p75: number | null;
}

export type JobKind = "image" | "llm";

/** One kind of work on one GPU model: a node runs an image or an LLM worker, not both. */
export interface KindThroughput {
  kind: JobKind;
  devices: number;
  /** Device-days with any time online. */
  deviceDays: number;
  onlineHours: number;
  /** Jobs completed within the timeout (earning or not). */
  successes: number;
  /** Successful jobs per hour online. */
  jobsPerOnlineHour: RateRange;
}

export interface ModelServed {
  modelId: string;
  successes: number;
  points: number;
  /** Mean points of this GPU model's successful jobs of this model; null without jobs. */
  pointsPerJob: number | null;
}

/** What devices of one GPU model did over the window (rollups + measured availability). */
export interface GpuModelThroughput {
  hardware: string;
  /** Devices online at some time in the window. */
  devices: number;
  /** Days of the window in which any of them was online. */
  days: number;
  deviceDays: number;
  onlineHours: number;
  points: number;
  /** Points per 24 hours online, over all the jobs they served. */
  pointsPerOnlineDay: RateRange;
  /** Share of the window's hours its devices were online, on average (online hours ÷ devices ÷ window hours). */
  onlineShare: number;
  kinds: KindThroughput[];
  models: ModelServed[];
}

export interface NetworkThroughput {
  /** Start and end of the window (ISO; whole hours). */
  from: string;
  to: string;
  /** When the figures were read. */
  asOf: string;
  /** How the window's availability was measured (lib/heartbeats/coverage.ts). */
  availabilitySource: "heartbeats" | "jobs" | "mixed" | "none";
  items: GpuModelThroughput[];
}

/** HEU per point as the portal's epochs set it (lib/rewards/token-rate.ts), for pricing a day. */
export interface EstimatorTokenRate {
  waifu: number;
  llama: number;
  source: "open-epoch" | "settled-epoch";
  epoch: number;
  asOf: string;
}
