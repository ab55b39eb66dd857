// What the benchmarks that ingest share: the HMAC secret their servers check and the options that
// size the load they send.

/** INGEST_HMAC_SECRET of a benchmark's servers; its batches are signed with it. */
export const BENCH_SECRET = "bench-secret-0123456789abcdef";

/**
 * parseArgs options: --jobs ingested per run, --concurrency (batches of 1,000 in flight) and
 * --runs, with the benchmark's own defaults.
 */
export function ingestLoadOptions(defaults: { jobs: number; concurrency: number; runs: number }) {
  return {
    jobs: { type: "string", default: String(defaults.jobs) },
    concurrency: { type: "string", default: String(defaults.concurrency) },
    runs: { type: "string", default: String(defaults.runs) },
  } as const;
}
