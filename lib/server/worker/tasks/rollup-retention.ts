import "server-only";
import { serverEnv } from "@/lib/env";
import { compactRollups } from "../../rollups/retention";
import type { WorkerTask } from "../task";

/** Merges hourly rollup rows older than HOURLY_ROLLUP_DAYS into day rows: at start and daily (decision 0029). */
export function rollupRetentionTask(): WorkerTask {
  const days = serverEnv().HOURLY_ROLLUP_DAYS;
  return {
    name: "rollup-retention",
    enabled: days > 0,
    schedule: { cron: { pattern: "41 0 * * *", onStart: true } },
    async run({ pool, logger, signal }) {
      const r = await compactRollups(pool, {
        days,
        signal,
        onDay: (day, so) => logger.info({ day: day.toISOString().slice(0, 10), ...so }, "hourly rollup rows merged into their day"),
      });
      if (r.days) logger.info({ ...r, keptDays: days }, "hourly rollups compacted");
    },
  };
}
