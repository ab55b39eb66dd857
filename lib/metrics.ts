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
  // Every metric is labelled and registered in this process's registry; durations share one set of buckets.
  const counter = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Counter<L>({ name, help, labelNames, registers });
  const gauge = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Gauge<L>({ name, help, labelNames, registers });
  const histogram = <L extends string>(name: string, help: string, labelNames: readonly L[]) => new Histogram<L>({ name, help, labelNames, buckets: seconds, registers });
  return {
    registry,
    httpRequests: counter("heurist_http_requests_total", "API requests answered, by route template, method and status", ["route", "method", "status"]),
    httpDuration: histogram("heurist_http_request_duration_seconds", "Time to the response's headers of API requests, by route template and method", ["route", "method"]),
    ingestJobs: counter("heurist_ingest_jobs_total", "Jobs of accepted batches: created (new) or duplicate (already ingested, same content)", ["result"]),
    ingestRefusals: counter("heurist_ingest_refusals_total", "Job batches refused (nothing written), by error code", ["reason"]),
    ingestBatchDuration: histogram("heurist_ingest_batch_duration_seconds", "Time to authenticate, validate and write one job batch, by outcome", ["outcome"]),
    rateLimitRefusals: counter("heurist_rate_limit_refusals_total", "Requests answered 429 by the front server, by budget class", ["class"]),
    poolConnections: gauge("heurist_db_pool_connections", "This process's PostgreSQL pool: total, idle clients, and requests waiting for one", ["state"]),
    alerts: counter("heurist_alerts_total", "Watch alerts the worker raised or resolved (decision 0035)", ["change"]),
    opsProbeFailures: counter("heurist_ops_probe_failures_total", "Scrapes or readiness checks whose database or RPC probe failed or timed out", ["probe"]),
  };
}

export type Metrics = ReturnType<typeof create>;

const state = globalThis as unknown as { heuristMetrics?: Metrics };

export function metrics(): Metrics {
  state.heuristMetrics ??= create();
  return state.heuristMetrics;
}
