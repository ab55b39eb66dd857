import "server-only";
import type { Logger } from "pino";
import { connectionError } from "../db";
import type { RunningWorker } from "./runner";

/** pg and socket codes that mean the server went away (a restart, a failover, a cut), not a bug. */
const LOST = new Set(["57P01", "57P02", "57P03", "ECONNREFUSED", "ECONNRESET", "EPIPE", "ETIMEDOUT", "ENOTFOUND", "EAI_AGAIN"]);

/** Whether an error says the database connection was lost or could not be made. */
export function isConnectionLoss(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: unknown }).code;
  if (typeof code === "string" && (LOST.has(code) || code.startsWith("08"))) return true;
  // pg's own errors for a dead socket carry no code. The last: graphile-worker 0.17 releases its
  // LISTEN client again after the connection error already returned it to the pool (an async
  // release in a sync try/catch in its listener's error handler), so only a lost connection raises it.
  return /Connection terminated|not queryable|timeout exceeded when trying to connect|Release called on client which has already been released/i.test(err.message);
}

export const RESTART_MIN_MS = 1_000;
const RESTART_MAX_MS = 10_000;
/** How long a stop of the old runner may take before the new one starts anyway. */
const STOP_TIMEOUT_MS = 30_000;

/**
 * Keeps a job runner going across database outages. graphile-worker 0.17 records a job's outcome
 * with a promise nobody awaits, so a connection lost at that moment is an unhandled rejection; and
 * its runner ends when it cannot tell the queue's state. Either, when the cause is a lost
 * connection, stops that runner and starts a fresh one (new worker id; the old id's locks are
 * reaped like a dead worker's, lib/server/worker/heartbeat.ts), with backoff while the database
 * stays away. Any other unhandled rejection or runner failure ends `done` with it.
 */
export function superviseRunner(start: () => Promise<RunningWorker>, logger: Logger): RunningWorker {
  let stopping = false;
  let current: RunningWorker | undefined;
  let wake: ((reason: unknown) => void) | undefined;
  let failFatal!: (err: unknown) => void;
  const fatal = new Promise<never>((_, reject) => (failFatal = reject));
  fatal.catch(() => undefined);

  const onRejection = (reason: unknown) => {
    if (isConnectionLoss(reason)) {
      logger.error({ err: connectionError(reason as Error) }, "the job runner lost its database connection while recording a job: restarting it");
      wake?.(reason);
    } else {
      // What Node would have crashed on: end `done` with it.
      stopping = true;
      failFatal(reason);
      wake?.(undefined);
    }
  };
  process.on("unhandledRejection", onRejection);

  const stopCurrent = async () => {
    const runner = current;
    current = undefined;
    if (!runner) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), STOP_TIMEOUT_MS)));
    const outcome = await Promise.race([
      runner.stop().then(
        () => "stopped" as const,
        (err: unknown) => err,
      ),
      timeout,
    ]);
    clearTimeout(timer);
    if (outcome === "timeout") logger.warn({ ms: STOP_TIMEOUT_MS }, "the old job runner did not stop in time; starting a new one anyway");
    else if (outcome !== "stopped") logger.warn({ err: outcome }, "the old job runner stopped with an error");
  };

  const loop = async () => {
    let delay = RESTART_MIN_MS;
    let restarting = false;
    while (!stopping) {
      if (restarting) {
        await new Promise((r) => setTimeout(r, delay));
        delay = Math.min(delay * 2, RESTART_MAX_MS);
        if (stopping) break;
      }
      restarting = true;
      try {
        current = await start();
        if (stopping) break;
      } catch (err) {
        if (!isConnectionLoss(err)) throw err;
        logger.error({ err: connectionError(err as Error), retryInMs: delay }, "cannot start the job runner: the database is unreachable");
        continue;
      }
      const reason = await new Promise<unknown>((resolve, reject) => {
        wake = resolve;
        current!.done.then(
          () => resolve(undefined),
          (err: unknown) => (isConnectionLoss(err) ? resolve(err) : reject(err)),
        );
      });
      wake = undefined;
      if (stopping) break;
      if (reason === undefined) {
        // Ended by itself without an error: graphile-worker only does that when told to stop.
        logger.warn("the job runner ended on its own: starting a new one");
      } else {
        logger.warn({ err: connectionError(reason as Error) }, "restarting the job runner after a lost database connection");
        delay = RESTART_MIN_MS;
      }
      await stopCurrent();
    }
  };

  let stopped: Promise<void> | undefined;
  const done = Promise.race([loop(), fatal]).finally(async () => {
    process.off("unhandledRejection", onRejection);
    await stopCurrent();
  });
  return {
    stop: () =>
      (stopped ??= (async () => {
        stopping = true;
        wake?.(undefined);
        await done.catch(() => undefined);
      })()),
    done,
  };
}
