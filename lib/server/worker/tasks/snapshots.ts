import "server-only";
import { SNAPSHOT_JOBS, type SnapshotJob } from "../../snapshot-jobs";
import type { WorkerTask } from "../task";

/**
 * One task per snapshot (lib/server/snapshot-jobs.ts): built as soon as a worker starts, then
 * again its interval after each build ends. Sub-minute intervals (MARKET_REFRESH_SECONDS=1 in the
 * e2e run) work because the job re-enqueues itself rather than following a minute-resolution cron.
 */
function snapshotTask(job: SnapshotJob): WorkerTask {
  return {
    name: job.name,
    enabled: true,
    schedule: { every: { everyMs: job.intervalSeconds() * 1000, firstAfterMs: 0 } },
    async run({ logger }) {
      const started = performance.now();
      const built = await job.rebuild(new Date());
      logger.debug({ snapshot: job.name, built, ms: Math.round(performance.now() - started) }, built ? "snapshot rebuilt" : "snapshot already current");
    },
  };
}

export function snapshotTasks(): WorkerTask[] {
  return SNAPSHOT_JOBS.map(snapshotTask);
}
