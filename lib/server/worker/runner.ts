import "server-only";
import { EventEmitter } from "node:events";
import { Logger as GraphileLogger, makeWorkerUtils, run, type Task, type WorkerEvents } from "graphile-worker";
import type pg from "pg";
import { log } from "@/lib/log";
import { reapOwn, startHeartbeat } from "./heartbeat";
import { recordRun } from "./queue-stats";
import { crontabFor, ensureQueued, queueNext } from "./singleton";
import type { WorkerTask } from "./task";

export interface RunningWorker {
  /** Graceful stop: no new jobs, running ones are signalled and finish (or are released), heartbeat removed. */
  stop(): Promise<void>;
  /** Settles when the runner ends by itself (a fatal error) or after stop(). */
  done: Promise<void>;
}

/** graphile-worker's log lines, as JSON through our logger. */
function graphileLogger(): GraphileLogger {
  const logger = log().child({ component: "worker" });
  return new GraphileLogger((scope) => (level, message, meta) => {
    // Its metadata (whole job rows) only where something went wrong. Its info lines ("Completed
    // task 7 (flags-scan, 164ms) with success") repeat our own "task finished": debug.
    if (level === "error") logger.error({ ...scope, meta }, message);
    else if (level === "warning") logger.warn({ ...scope, meta }, message);
    else logger.debug(scope, message);
  });
}

/**
 * Runs the enabled tasks on graphile-worker (schema graphile_worker, migrated on start) with this
 * pool: queues each `every` task unless one is queued already, keeps the heartbeat and the reaper
 * going, and leaves signal handling to the caller (scripts/worker.ts).
 */
export async function startWorker(opts: { pool: pg.Pool; tasks: WorkerTask[]; concurrency: number }): Promise<RunningWorker> {
  const logger = log().child({ component: "worker" });
  const tasks = opts.tasks.filter((t) => t.enabled);
  const stopping = new AbortController();
  // graphile-worker 0.17 locks jobs and queues in the name of the worker pool (one per process):
  // that id is what the heartbeat must vouch for.
  const workerIds: string[] = [];
  const events: WorkerEvents = new EventEmitter();
  events.on("pool:create", ({ workerPool }) => workerIds.push(workerPool.id));

  // Jobs this process runs, and when each finished (null: running), for reapOwn.
  const ownJobs = new Map<string, number | null>();
  const taskList: Record<string, Task> = {};
  for (const task of tasks) {
    taskList[task.name] = async (_payload, helpers) => {
      const taskLogger = logger.child({ task: task.name, jobId: helpers.job.id });
      const startedAt = Date.now();
      ownJobs.set(helpers.job.id, null);
      let ok = true;
      try {
        await task.run({ pool: opts.pool, signal: AbortSignal.any([stopping.signal, helpers.abortSignal]), logger: taskLogger });
      } catch (err) {
        // Logged, not thrown: the next run is queued below either way, and a failed job would linger.
        ok = false;
        taskLogger.error({ err }, "task failed (runs again on schedule)");
      }
      const finishedAt = Date.now();
      ownJobs.set(helpers.job.id, finishedAt);
      taskLogger.info({ ok, startedAt, finishedAt, ms: finishedAt - startedAt, workerId: helpers.job.locked_by }, "task finished");
      try {
        await recordRun(opts.pool, task.name, new Date(startedAt), finishedAt - startedAt, ok);
      } catch (err) {
        taskLogger.warn({ err }, "could not record the run");
      }
      if ("every" in task.schedule) {
        // Not thrown either: graphile-worker would retry this job with a growing delay (e^attempts
        // seconds). The heartbeat queues a missing run within HEARTBEAT_MS.
        await queueNext(helpers.addJob, task.name, new Date(Date.now() + task.schedule.every.everyMs)).catch((err: unknown) =>
          taskLogger.warn({ err }, "could not queue the next run (the heartbeat will)"),
        );
      }
    };
  }

  const runner = await run({
    pgPool: opts.pool,
    schema: "graphile_worker",
    taskList,
    // An empty crontab string would make graphile-worker look for a ./crontab file.
    ...(crontabFor(tasks) ? { crontab: crontabFor(tasks) } : { parsedCronItems: [] }),
    concurrency: opts.concurrency,
    noHandleSignals: true,
    events,
    logger: graphileLogger(),
    // A task's abort signal fires 2 s into a graceful stop; ours fires at once (see stop()).
    gracefulShutdownAbortTimeout: 2_000,
  });
  let utils: Awaited<ReturnType<typeof makeWorkerUtils>> | undefined;
  let heartbeat: ReturnType<typeof startHeartbeat> | undefined;
  try {
    utils = await makeWorkerUtils({ pgPool: opts.pool, schema: "graphile_worker", logger: graphileLogger() });
    // A job that failed all its attempts keeps its key, and would stop ensureQueued from ever queueing that task again.
    await utils.cleanup({ tasks: ["DELETE_PERMAFAILED_JOBS"] });
    const now = Date.now();
    for (const task of tasks) {
      if ("every" in task.schedule) await ensureQueued(utils.addJob, task.name, new Date(now + (task.schedule.every.firstAfterMs ?? 0)));
      else if (task.schedule.cron.onStart) await ensureQueued(utils.addJob, task.name, new Date(now));
    }
    const addJob = utils.addJob;
    // A run whose successor could not be queued (the database went away) is queued again here, and
    // a job fetched in this worker's name but never received is unlocked. Started only once the
    // tasks are queued above: its first beat would queue them an interval late.
    const keepQueued = async () => {
      const at = Date.now();
      for (const [id, finished] of ownJobs) if (finished !== null && at - finished > 60_000) ownJobs.delete(id);
      const unlocked = await reapOwn(opts.pool, workerIds, [...ownJobs.keys()]);
      // A job that used up its attempts keeps its key and stops ensureQueued for good: gone, it is queued again below.
      await utils!.cleanup({ tasks: ["DELETE_PERMAFAILED_JOBS"] });
      if (unlocked.length) logger.warn({ jobIds: unlocked }, "unlocked jobs locked in this worker's name that it was not running (a fetch lost with its connection)");
      for (const task of tasks) if ("every" in task.schedule) await ensureQueued(addJob, task.name, new Date(at + task.schedule.every.everyMs));
    };
    heartbeat = startHeartbeat({ pool: opts.pool, utils, workerIds: () => workerIds, logger, everyBeat: keepQueued });
  } catch (err) {
    // Half started (the database went away): leave nothing running behind the caller's back.
    stopping.abort();
    await runner.stop().catch(() => undefined);
    await heartbeat?.stop();
    await Promise.resolve(utils?.release()).catch(() => undefined);
    throw err;
  }
  logger.info({ tasks: tasks.map((t) => t.name), concurrency: opts.concurrency, workerIds }, "worker started");

  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      stopping.abort();
      // Each step whatever the one before did: a heartbeat left beating would keep this worker's
      // locks from ever being reaped.
      const failed = await runner.stop().then(
        () => undefined,
        (err: unknown) => err,
      );
      await heartbeat!.stop();
      await Promise.resolve(utils!.release()).catch((err: unknown) => logger.warn({ err }, "could not release the worker utilities"));
      if (failed) throw failed;
    })());
  const done = runner.promise.finally(() => stop());
  return { stop, done };
}
