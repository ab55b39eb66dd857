// Prometheus metrics of this process (prom-client). One registry per process, on globalThis, so
// Next's bundle, the front server (scripts/serve.ts) and dev reloads count into the same one; each
// process serves its own at GET /api/v1/metrics and a scraper collects every instance. The pool
// gauge is set, and the gauges read from the database are made, at scrape time (lib/server/ops/scrape.ts).
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "heurist_" });
  const registers = [registry];
  const seconds = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
  return {
    registry,
    httpRequests: new Counter({
      name: "heurist_http_requests_total",
      help: "API requests answered, by route template, method and status",
      labelNames: ["route", "method", "status"] as const,
      registers,
    }),
    httpDuration: new Histogram({
      name: "heurist_http_request_duration_seconds",
      help: "Time to the response's headers of API requests, by route template and method",
      labelNames: ["route", "method"] as const,
      buckets: seconds,
      registers,
    }),
    ingestJobs: new Counter({
      name: "heurist_ingest_jobs_total",
      help: "Jobs of accepted batches: created (new) or duplicate (already ingested, same content)",
      labelNames: ["result"] as const,
      registers,
    }),
    ingestRefusals: new Counter({
      name: "heurist_ingest_refusals_total",
      help: "Job batches refused (nothing written), by error code",
      labelNames: ["reason"] as const,
      registers,
    }),
    ingestBatchDuration: new Histogram({
      name: "heurist_ingest_batch_duration_seconds",
      help: "Time to authenticate, validate and write one job batch, by outcome",
      labelNames: ["outcome"] as const,
      buckets: seconds,
      registers,
    }),
    rateLimitRefusals: new Counter({
      name: "heurist_rate_limit_refusals_total",
      help: "Requests answered 429 by the front server, by budget class",
      labelNames: ["class"] as const,
      registers,
    }),
    poolConnections: new Gauge({
      name: "heurist_db_pool_connections",
      help: "This process's PostgreSQL pool: total, idle clients, and requests waiting for one",
      labelNames: ["state"] as const,
      registers,
    }),
    alerts: new Counter({ name: "heurist_alerts_total", help: "Watch alerts the worker raised or resolved (decision 0035)", labelNames: ["change"] as const, registers }),
    opsProbeFailures: new Counter({
      name: "heurist_ops_probe_failures_total",
      help: "Scrapes or readiness checks whose database or RPC probe failed or timed out",
      labelNames: ["probe"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof create>;

const state = globalThis as unknown as { heuristMetrics?: Metrics };

export function metrics(): Metrics {
  state.heuristMetrics ??= create();
  return state.heuristMetrics;
}
