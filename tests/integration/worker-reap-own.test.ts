// A job locked in a live worker's name that the worker is not running (graphile-worker fetched it
// and the answer was lost with the connection): the worker's own beat unlocks it, so a database
// blip cannot stall a task for graphile-worker's 4 hours (lib/server/worker/heartbeat.ts reapOwn).
import { makeWorkerUtils, type WorkerUtils } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { reapOwn } from "@/lib/server/worker/heartbeat";
import { createOwnDatabase } from "../support/own-database";

let pool: pg.Pool;
let utils: WorkerUtils;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createOwnDatabase("heurist_reap_own"), max: 2 });
  utils = await makeWorkerUtils({ pgPool: pool, schema: "graphile_worker" });
  await utils.migrate();
});

afterAll(async () => {
  await utils?.release();
  await pool?.end();
});

/** A queued job of `task` (in its own queue), locked in `worker`'s name `agoSeconds` ago. */
async function lockedJob(task: string, worker: string, agoSeconds: number): Promise<string> {
  const job = await utils.addJob(task, {}, { queueName: task, jobKey: task });
  await pool.query("UPDATE graphile_worker._private_jobs SET locked_by = $2, locked_at = now() - make_interval(secs => $3) WHERE id = $1", [job.id, worker, agoSeconds]);
  await pool.query(
    "UPDATE graphile_worker._private_job_queues SET locked_by = $2, locked_at = now() - make_interval(secs => $3) WHERE id = (SELECT job_queue_id FROM graphile_worker._private_jobs WHERE id = $1)",
    [job.id, worker, agoSeconds],
  );
  return job.id;
}

const lockOf = async (id: string) =>
  (
    await pool.query(
      "SELECT j.locked_by AS job, q.locked_by AS queue FROM graphile_worker._private_jobs j JOIN graphile_worker._private_job_queues q ON q.id = j.job_queue_id WHERE j.id = $1",
      [id],
    )
  ).rows[0];

test("unlocks a job and its queue locked in this worker's name for 15 s that it is not running; keeps what it runs, fresh locks and other workers' jobs", async () => {
  const lost = await lockedJob("lost", "pool-me", 20);
  const running = await lockedJob("running", "pool-me", 20);
  const fresh = await lockedJob("fresh", "pool-me", 2);
  const others = await lockedJob("others", "pool-other", 20);

  expect(await reapOwn(pool, ["pool-me"], [running])).toEqual([lost]);
  expect(await lockOf(lost)).toEqual({ job: null, queue: null });
  expect(await lockOf(running)).toEqual({ job: "pool-me", queue: "pool-me" });
  expect(await lockOf(fresh)).toEqual({ job: "pool-me", queue: "pool-me" });
  expect(await lockOf(others)).toEqual({ job: "pool-other", queue: "pool-other" });
});
