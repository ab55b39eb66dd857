// `npm run bench:rate-limits`: what a shared budget costs per request. Admissions through the
// PostgreSQL store (one upsert each, what every web server now does before Next.js sees a request)
// against the in-memory limiter and, as the ceiling, a bare `SELECT 1` round trip on the same pool,
// sequentially and with 16 requests in flight. A throwaway PostgreSQL unless DATABASE_URL is set.
import pg from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { RequestLimits } from "../../lib/security/rate-limit";
import { startThrowawayPostgres } from "../lib/throwaway-postgres";
import { percentile } from "./measure";

const N = 4_000;
const CONCURRENCY = 16;
// High enough that nothing is refused: the cost measured is the admission itself.
const env = { RATE_LIMIT_PER_MINUTE: 1_000_000, RATE_LIMIT_AUTH_PER_MINUTE: 0, RATE_LIMIT_PAGES_PER_MINUTE: 1_000_000, RATE_LIMIT_INGEST_FAILURES_PER_MINUTE: 0 };

async function run(label: string, op: (i: number) => Promise<unknown>, inFlight: number) {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < N) {
        const i = next++;
        const t = performance.now();
        await op(i);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { label, inFlight, perSecond: Math.round(N / seconds), p50: percentile(times, 50), p95: percentile(times, 95) };
}

const server = process.env.DATABASE_URL ? null : await startThrowawayPostgres();
const url = process.env.DATABASE_URL ?? server!.url;
try {
  if (server) await applyMigrations(url);
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  const shared = new RequestLimits(env, pool);
  const memory = new RequestLimits(env);
  // 200 clients, as a busy minute might see; each admission is one client's request.
  const client = (i: number) => `203.0.113.${i % 200}`;
  const rows = [];
  for (const inFlight of [1, CONCURRENCY]) {
    rows.push(await run("SELECT 1 (ceiling)", () => pool.query("SELECT 1"), inFlight));
    rows.push(await run("postgres store", (i) => shared.admit("api", client(i)), inFlight));
    rows.push(await run("memory", (i) => memory.admit("api", client(i)), inFlight));
  }
  console.log(`${N} admissions each, pool of 4 connections`);
  console.log("| store | in flight | admissions/s | p50 ms | p95 ms |\n|---|---:|---:|---:|---:|");
  for (const r of rows) console.log(`| ${r.label} | ${r.inFlight} | ${r.perSecond.toLocaleString("en-US")} | ${r.p50.toFixed(3)} | ${r.p95.toFixed(3)} |`);
  await pool.end();
} finally {
  server?.stop();
}
