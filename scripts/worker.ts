// `npm run worker`: the one background role (issue 12): the chain indexer, epoch settlement, the
// purge of expired sign-ins and the tasks of lib/server/worker/tasks.ts, on graphile-worker. Run one
// (or more: every task is a singleton). A lost database connection restarts the job runner inside
// the process (lib/server/worker/supervise.ts). SIGTERM/SIGINT: running tasks finish or stop at
// their next safe point, the heartbeat is removed, exit 0.
import { checkEnvAtStart, serverEnv } from "../lib/env";
import { log } from "../lib/log";
import { createWorkerPool } from "../lib/server/worker/pool";
import { startWorker } from "../lib/server/worker/runner";
import { superviseRunner } from "../lib/server/worker/supervise";
import { workerTasks } from "../lib/server/worker/tasks";

const logger = log().child({ component: "worker" });
let env;
try {
  checkEnvAtStart();
  env = serverEnv();
} catch (err) {
  logger.fatal(err instanceof Error ? err.message : String(err));
  process.exit(2);
}
const pool = createWorkerPool(env);
const concurrency = env.WORKER_CONCURRENCY;
const worker = superviseRunner(() => startWorker({ pool, tasks: workerTasks(), concurrency }), logger);
let signalled = false;
for (const sig of ["SIGINT", "SIGTERM"] as const) {
  process.on(sig, () => {
    if (signalled) return;
    signalled = true;
    logger.info({ signal: sig }, "stopping: running tasks finish or stop at their next safe point");
    void worker.stop();
  });
}
let code = 0;
await worker.done.catch((err: unknown) => {
  logger.fatal({ err }, "the worker stopped on an error");
  code = 1;
});
await pool.end();
logger.info({ code }, "worker stopped");
process.exit(code);
