import "server-only";
import type pg from "pg";

export interface TaskQueueStat {
  task: string;
  /** Jobs whose time has come (waiting for a worker, or running). */
  due: number;
  running: number;
  /** How long the oldest due job not yet running has waited (0: none waiting). */
  oldestWaitSeconds: number;
  /** The task's last run, as the worker recorded it in worker_task_runs (null: never ran). */
  lastDurationSeconds: number | null;
  lastFinishedAt: Date | null;
  lastOk: boolean | null;
}

/**
 * Per task, from graphile-worker's jobs view and worker_task_runs: queue depth, the oldest wait and
 * the last run's duration. Metrics are per process and the worker serves none, so a web server's
 * scrape reads the worker's state here. Empty before any worker has created its schema.
 */
export async function taskQueueStats(db: Pick<pg.ClientBase, "query">): Promise<TaskQueueStat[]> {
  const { rows: exists } = await db.query<{ ok: boolean }>("SELECT to_regclass('graphile_worker.jobs') IS NOT NULL AS ok");
  if (!exists[0]?.ok) return [];
  // Not TypedSQL: graphile_worker's schema is not in prisma/migrations, and the describer refuses FULL JOIN.
  const { rows } = await db.query<{ task: string; due: number; running: number; oldest: number; last_ms: number | null; last_finished_at: Date | null; last_ok: boolean | null }>(
    `WITH q AS (
       SELECT task_identifier AS task,
              count(*) FILTER (WHERE run_at <= now())::int AS due,
              count(*) FILTER (WHERE locked_at IS NOT NULL)::int AS running,
              coalesce(extract(epoch FROM now() - min(run_at) FILTER (WHERE run_at <= now() AND locked_at IS NULL)), 0)::float8 AS oldest
       FROM graphile_worker.jobs WHERE attempts < max_attempts GROUP BY 1
     )
     SELECT coalesce(q.task, r.task) AS task, coalesce(q.due, 0) AS due, coalesce(q.running, 0) AS running, coalesce(q.oldest, 0) AS oldest,
            r.last_ms, r.last_finished_at, r.last_ok
     FROM q FULL JOIN worker_task_runs r ON r.task = q.task ORDER BY 1`,
  );
  return rows.map((r) => ({
    task: r.task,
    due: r.due,
    running: r.running,
    oldestWaitSeconds: Math.round(r.oldest),
    lastDurationSeconds: r.last_ms === null ? null : r.last_ms / 1000,
    lastFinishedAt: r.last_finished_at,
    lastOk: r.last_ok,
  }));
}

/** The worker's record of a run (one row per task, overwritten). */
export async function recordRun(db: Pick<pg.Pool, "query">, task: string, startedAt: Date, ms: number, ok: boolean): Promise<void> {
  await db.query(
    `INSERT INTO worker_task_runs (task, last_started_at, last_finished_at, last_ms, last_ok, runs) VALUES ($1, $2, now(), $3, $4, 1)
     ON CONFLICT (task) DO UPDATE SET last_started_at = EXCLUDED.last_started_at, last_finished_at = now(), last_ms = EXCLUDED.last_ms, last_ok = EXCLUDED.last_ok, runs = worker_task_runs.runs + 1`,
    [task, startedAt, Math.round(ms), ok],
  );
}
