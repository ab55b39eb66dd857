import "server-only";
import { createHash, timingSafeEqual } from "node:crypto";
import { AppError } from "@/lib/errors";
import { Gauge, Registry } from "prom-client";
import { metrics } from "@/lib/metrics";
import { log } from "@/lib/log";
import { pool } from "../db";
import { taskQueueStats, type TaskQueueStat } from "../worker/queue-stats";
import { probeOps, type OpsState } from "./probe";

const digest = (s: string) => createHash("sha256").update(s).digest();

/**
 * GET /api/v1/metrics is for the operator's scraper only: off (404) without METRICS_TOKEN, else a
 * bearer token compared in constant time (both sides hashed first, so lengths do not leak).
 */
export function authorizeScrape(authorization: string | null, token: string | undefined): void {
  if (!token) throw new AppError("not_found", "Metrics are off: set METRICS_TOKEN on the server to serve them here.");
  const given = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? "")?.[1] ?? "";
  if (!timingSafeEqual(digest(given), digest(token))) {
    throw new AppError("unauthorized", "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.");
  }
}

/**
 * Gauges of the database's state, made fresh for each scrape: one whose value is unknown (no chain,
 * no snapshot yet, the probe failed) is left out rather than reported stale or as a made-up 0.
 */
function stateRegistry(s: OpsState, tasks: TaskQueueStat[], now: number): Registry {
  const registry = new Registry();
  const gauge = (name: string, help: string, value: number | null) => {
    if (value !== null) new Gauge({ name, help, registers: [registry] }).set(value);
  };
  gauge("heurist_indexer_lag_blocks", "Confirmed blocks the chain indexer has not applied yet", s.indexer.configured ? s.indexer.lagBlocks : null);
  gauge("heurist_market_snapshot_age_seconds", "Age of the staking market snapshot", s.marketSnapshot.ageSeconds);
  gauge("heurist_leaderboard_snapshot_age_seconds", "Age of the oldest leaderboard window's snapshot", s.leaderboard.ageSeconds);
  gauge("heurist_settlement_last_epoch", "Number of the last settled epoch", s.settlement.lastSettledEpoch);
  gauge(
    "heurist_settlement_last_age_seconds",
    "Time since the last epoch settlement ran",
    s.settlement.settledAt ? Math.round((now - Date.parse(s.settlement.settledAt)) / 1000) : null,
  );
  gauge("heurist_settlement_overdue", "1 when an ended epoch is past its grace period plus an hour and still unsettled", s.database.ok ? Number(s.settlement.overdue) : null);
  gauge("heurist_migrations_pending", "Migrations in this build not applied to the database", s.migrations.applied === null ? null : s.migrations.missing.length);
  gauge("heurist_database_up", "1 when the database answered this scrape's probe", Number(s.database.ok));
  gauge("heurist_worker_heartbeat_age_seconds", "Time since any worker's last heartbeat (a worker beats every 5 s)", s.worker.silenceSeconds);
  gauge("heurist_fold_pending_deltas", "Rollup delta rows (one per batch or correction) waiting for the worker's folder", s.fold.pending);
  gauge("heurist_fold_lag_seconds", "Age of the oldest rollup delta waiting to be folded; 0 when none waits", s.fold.lagSeconds);
  gauge("heurist_read_replica_lag_seconds", "How far the read replica's data (DATABASE_READ_URL) trails now; 0 when caught up", s.replica.configured ? s.replica.lagSeconds : null);
  gauge("heurist_read_replica_up", "1 when the read replica answered this scrape's probe as a standby", s.replica.configured ? Number(s.replica.ok) : null);
  gauge("heurist_workers_live", "Worker processes that beat within READY_MAX_WORKER_SILENCE_SECONDS", s.database.ok ? s.worker.liveWorkers : null);
  // The worker's queue and last runs, read from the database (the worker process serves no metrics).
  const labelled = (name: string, help: string, value: (t: TaskQueueStat) => number | null) => {
    const g = new Gauge({ name, help, labelNames: ["task"] as const, registers: [registry] });
    for (const t of tasks) {
      const v = value(t);
      if (v !== null) g.set({ task: t.task }, v);
    }
  };
  labelled("heurist_worker_jobs_due", "Jobs of a task whose time has come: waiting for a worker or running", (t) => t.due);
  labelled("heurist_worker_oldest_wait_seconds", "How long a task's oldest due job has waited for a worker (0: none waiting)", (t) => t.oldestWaitSeconds);
  labelled("heurist_worker_task_last_duration_seconds", "Duration of a task's last run (settle-epochs: the last settlement pass)", (t) => t.lastDurationSeconds);
  labelled("heurist_worker_task_last_ok", "1 when a task's last run succeeded", (t) => (t.lastOk === null ? null : Number(t.lastOk)));
  labelled("heurist_worker_task_last_run_age_seconds", "Time since a task's last run finished", (t) =>
    t.lastFinishedAt ? Math.round((now - t.lastFinishedAt.getTime()) / 1000) : null,
  );
  return registry;
}

/** This process's metrics in Prometheus text format, with the pool and database gauges read now. */
export async function scrapeMetrics(): Promise<{ contentType: string; body: string }> {
  const m = metrics();
  const p = pool();
  m.poolConnections.set({ state: "total" }, p.totalCount);
  m.poolConnections.set({ state: "idle" }, p.idleCount);
  m.poolConnections.set({ state: "waiting" }, p.waitingCount);
  const [ops, tasks] = await Promise.all([
    probeOps(),
    taskQueueStats(p).catch((err: unknown) => {
      m.opsProbeFailures.inc({ probe: "worker_queue" });
      log().warn({ component: "ops", err }, "worker queue probe failed");
      return [];
    }),
  ]);
  const state = stateRegistry(ops, tasks, Date.now());
  return { contentType: m.registry.contentType, body: await Registry.merge([m.registry, state]).metrics() };
}
