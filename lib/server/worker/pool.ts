import "server-only";
import pg from "pg";
import type { ServerEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { connectionError } from "../db";

/**
 * The worker's own pool: graphile-worker's LISTEN connection and job fetches, each running task, the
 * heartbeat and the reaper. A connection lost to a database restart is logged, never fatal.
 */
export function createWorkerPool(env: ServerEnv): pg.Pool {
  const logger = log().child({ component: "worker" });
  const pool = new pg.Pool({
    connectionString: env.DATABASE_URL,
    // One per concurrent job, plus LISTEN, the heartbeat/reaper and a job fetch.
    max: env.WORKER_CONCURRENCY + 3,
    connectionTimeoutMillis: env.DATABASE_CONNECT_TIMEOUT_MS,
  });
  pool.on("error", (err) => logger.error({ err: connectionError(err) }, "idle database connection lost"));
  pool.on("connect", (client) => client.on("error", (err) => logger.warn({ err: connectionError(err) }, "database connection error")));
  return pool;
}
