import "server-only";
import type { Logger } from "pino";
import type pg from "pg";

/** What a task's run gets: the worker's pool, a signal that fires when it must stop, its logger. */
export interface TaskContext {
  pool: pg.Pool;
  /** Aborts on SIGTERM/SIGINT (and graphile-worker's own shutdown): finish or stop at the next safe point. */
  signal: AbortSignal;
  logger: Logger;
}

/**
 * When a task runs. Every task is a singleton: one job at a time across every worker process (its
 * name is the job key and the queue name).
 * - `every`: the job re-enqueues itself `everyMs` after each run ends (0: at once); a worker that
 *   starts enqueues it `firstAfterMs` from now unless one is already queued or running.
 * - `cron`: a crontab pattern (minute resolution, UTC); `onStart` also runs it once at start.
 */
export type TaskSchedule = { every: { everyMs: number; firstAfterMs?: number } } | { cron: { pattern: string; onStart?: boolean } };

export interface WorkerTask {
  /** graphile-worker task identifier, job key and queue name; lower-case with dashes. */
  name: string;
  /** false: this deployment does not run it (a switch is off, or there is nothing to do). */
  enabled: boolean;
  schedule: TaskSchedule;
  /** Must end well before 4 h (graphile-worker unlocks any job locked that long) and honour `signal`. */
  run(ctx: TaskContext): Promise<void>;
}
