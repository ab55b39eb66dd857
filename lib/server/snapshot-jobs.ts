import "server-only";
import { FLAGS_SCAN_INTERVAL_SECONDS, GPU_THROUGHPUT_INTERVAL_SECONDS, HEURIST_STATS_INTERVAL_SECONDS } from "@/lib/snapshots/schedule";
import { rebuildFlagsScan } from "./admin/flags-snapshot";
import { rebuildHeuristStats } from "./compat/snapshot";
import { rebuildGpuThroughput } from "./gpu-throughput/snapshot";
import { rebuildLeaderboards } from "./leaderboard-snapshot";
import { marketIntervalSeconds } from "./market/query";
import { rebuildMarketSnapshot } from "./market/snapshot";
import { leaderboardIntervalSeconds } from "./queries/leaderboard";

/**
 * Every snapshot the worker rebuilds (issue 12): its task name, how often, and the one function that
 * rebuilds it as of a time (atomic, idempotent, safe if two workers run it). Pages and APIs only
 * read what these write. `npm run cli -- snapshots` runs them all once.
 */
export interface SnapshotJob {
  name: string;
  what: string;
  intervalSeconds: () => number;
  /** False when another worker had already built one at least as recent. */
  rebuild: (now: Date) => Promise<boolean>;
}

export const SNAPSHOT_JOBS: readonly SnapshotJob[] = [
  { name: "market-snapshot", what: "staking market", intervalSeconds: marketIntervalSeconds, rebuild: rebuildMarketSnapshot },
  { name: "leaderboards", what: "leaderboards", intervalSeconds: leaderboardIntervalSeconds, rebuild: rebuildLeaderboards },
  { name: "gpu-throughput", what: "GPU throughput", intervalSeconds: () => GPU_THROUGHPUT_INTERVAL_SECONDS, rebuild: rebuildGpuThroughput },
  { name: "flags-scan", what: "anti-cheat scan (24 h)", intervalSeconds: () => FLAGS_SCAN_INTERVAL_SECONDS, rebuild: (now) => rebuildFlagsScan(now) },
  { name: "heurist-stats", what: "Heurist-compatible stats (/prod/stats)", intervalSeconds: () => HEURIST_STATS_INTERVAL_SECONDS, rebuild: rebuildHeuristStats },
];
