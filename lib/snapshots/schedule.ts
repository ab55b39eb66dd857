// Snapshots the worker rebuilds on a schedule (issue 12): the market, the leaderboards, GPU
// throughput, the anti-cheat scan and the Heurist-compatible stats. Reads only SELECT them; these
// rules say, from a snapshot's time and its rebuild interval, whether it is behind and how to
// describe the schedule.

/** Older than this many intervals, a snapshot is behind: the worker is late or not running (/ready uses the same rule). */
export const STALE_AFTER_INTERVALS = 10;

export function isStale(builtAt: Date | string, now: Date, intervalSeconds: number): boolean {
  const at = typeof builtAt === "string" ? Date.parse(builtAt) : builtAt.getTime();
  return now.getTime() - at > STALE_AFTER_INTERVALS * intervalSeconds * 1000;
}

/** "every second", "every 30 s", "every 2 min", "every hour". */
export function everyLabel(seconds: number): string {
  if (seconds === 1) return "every second";
  if (seconds < 120) return `every ${seconds} s`;
  if (seconds === 3600) return "every hour";
  if (seconds % 3600 === 0) return `every ${seconds / 3600} h`;
  return `every ${Math.round(seconds / 60)} min`;
}

/** Rebuild intervals that are not configurable (the market's and the leaderboards' come from the environment). */
export const GPU_THROUGHPUT_INTERVAL_SECONDS = 5 * 60;
export const FLAGS_SCAN_INTERVAL_SECONDS = 60 * 60;
/** The look-back of the worker's stored flags scan. */
export const FLAGS_SCAN_HOURS = 24;
/** GET /prod/stats's network figures and details=true list (decision 0033). */
export const HEURIST_STATS_INTERVAL_SECONDS = 60;
