// Plain serializable data the estimate page hands from the server to the browser.

/** What devices of one GPU model did on one model id over the last 7 days (hardware_hourly rollup). */
export interface GpuModelThroughput {
  hardware: string;
  modelId: string;
  /** Devices of this GPU model seen in the window (all models: a device is not tied to one). */
  devices: number;
  /** Successful jobs in the window. */
  successes: number;
  /** Median over the window's days of successful jobs per device per hour. */
  jobsPerDevicePerHour: number;
  /** Median over the window's days of the mean points per successful job; null without jobs. */
  pointsPerJob: number | null;
}

export interface NetworkThroughput {
  /** Start of the window (ISO). */
  from: string;
  /** Days of the window in which the network reported any job (the median is taken over these). */
  days: number;
  items: GpuModelThroughput[];
}
