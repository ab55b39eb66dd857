import "server-only";
import { hostname } from "node:os";
import type pg from "pg";
import type { WorkerUtils } from "graphile-worker";
import type { Logger } from "pino";

/** How often a worker beats and reaps. */
export const HEARTBEAT_MS = 5_000;
/** A worker silent this long is dead: its jobs locked at least this long are unlocked for others. */
export const DEAD_AFTER_S = 15;

/** Upserts one row per graphile-worker worker id of this process; forgets rows silent for a day. */
export async function beat(pool: pg.Pool, workerIds: readonly string[], startedAt: Date): Promise<void> {
  await pool.query(
    `INSERT INTO worker_heartbeat (worker_id, hostname, pid, started_at, beat_at)
     SELECT id, $2, $3, $4, now() FROM unnest($1::text[]) AS id
     ON CONFLICT (worker_id) DO UPDATE SET beat_at = now()`,
    [workerIds, hostname(), process.pid, startedAt],
  );
  await pool.query("DELETE FROM worker_heartbeat WHERE beat_at < now() - interval '1 day'");
}

/** Removes this process's rows (a clean stop: /ready and the reaper stop counting it at once). */
export async function forget(pool: pg.Pool, workerIds: readonly string[]): Promise<void> {
  await pool.query("DELETE FROM worker_heartbeat WHERE worker_id = ANY($1::text[])", [workerIds]);
}

/**
 * graphile-worker leaves a SIGKILLed worker's job locked for 4 h. Every worker id holding a job or
 * a queue locked for more than DEAD_AFTER_S whose heartbeat is older than that (or absent) is
 * unlocked, so another worker runs the job again. Returns the ids unlocked.
 */
export async function reap(pool: pg.Pool, utils: WorkerUtils): Promise<string[]> {
  // Not TypedSQL: graphile_worker's tables are not in prisma/migrations, which the describer migrates.
  const { rows } = await pool.query<{ locked_by: string }>(
    `SELECT DISTINCT locked_by FROM (
       SELECT locked_by, locked_at FROM graphile_worker._private_jobs
       UNION ALL SELECT locked_by, locked_at FROM graphile_worker._private_job_queues
     ) l
     WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1)
       AND NOT EXISTS (SELECT 1 FROM worker_heartbeat h WHERE h.worker_id = l.locked_by AND h.beat_at >= now() - make_interval(secs => $1))`,
    [DEAD_AFTER_S],
  );
  const dead = rows.map((r) => r.locked_by);
  if (dead.length) await utils.forceUnlockWorkers(dead);
  return dead;
}

/**
 * A job locked in this process's name that it is not running: graphile-worker locked it (fetched
 * it) but the answer was lost with the connection, so nothing will run it, and the heartbeat keeps
 * the reaper above away for 4 hours. Unlocked (and its queue) once locked DEAD_AFTER_S; `mine` are
 * the jobs this process is running or finished within the last minute (their completion may be in
 * flight). Returns the job ids unlocked.
 */
export async function reapOwn(pool: pg.Pool, workerIds: readonly string[], mine: readonly string[]): Promise<string[]> {
  if (workerIds.length === 0) return [];
  const { rows } = await pool.query<{ id: string }>(
    `WITH stale AS (
       SELECT id, job_queue_id FROM graphile_worker._private_jobs
        WHERE locked_by = ANY($1::text[]) AND locked_at < now() - make_interval(secs => $3) AND NOT (id = ANY($2::bigint[]))),
     queues AS (
       UPDATE graphile_worker._private_job_queues q SET locked_at = NULL, locked_by = NULL
         FROM stale WHERE q.id = stale.job_queue_id AND q.locked_by = ANY($1::text[]) RETURNING q.id)
     UPDATE graphile_worker._private_jobs j SET locked_at = NULL, locked_by = NULL FROM stale WHERE j.id = stale.id RETURNING j.id::text`,
    [workerIds, mine, DEAD_AFTER_S],
  );
  return rows.map((r) => r.id);
}

/**
 * Beats, reaps and runs `everyBeat` every HEARTBEAT_MS until stopped; a failing database is logged
 * and retried on the next tick.
 */
export function startHeartbeat(opts: { pool: pg.Pool; utils: WorkerUtils; workerIds: () => string[]; logger: Logger; everyBeat?: () => Promise<void> }): { stop(): Promise<void> } {
  const startedAt = new Date();
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    try {
      await beat(opts.pool, opts.workerIds(), startedAt);
      const dead = await reap(opts.pool, opts.utils);
      if (dead.length) opts.logger.warn({ workerIds: dead }, "unlocked the jobs of workers that stopped beating");
      await opts.everyBeat?.();
    } catch (err) {
      opts.logger.error({ err }, "heartbeat failed (will retry)");
    }
  };
  running = tick();
  const timer = setInterval(() => (running = running.then(tick)), HEARTBEAT_MS);
  return {
    async stop() {
      clearInterval(timer);
      await running;
      await forget(opts.pool, opts.workerIds()).catch((err: unknown) => opts.logger.warn({ err }, "could not remove the heartbeat"));
    },
  };
}
