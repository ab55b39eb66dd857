// `npm run bench:ingest`: signed batches of 1,000 jobs over HTTP into a real PostgreSQL through the
// production server, against the ceiling measured in the same run: raw COPY of the same rows into a
// bare table. Prints jobs/s, the ratio to COPY and the server's peak RSS.
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../../prisma/migrate";
import type { JobInput } from "../../lib/schemas/jobs";
import { signedHeaders } from "../../lib/signing";
import { ensureBuild, webServerArgs } from "../lib/next-build";
import { startBackground, stopGroup, waitForHttp } from "../lib/processes";
import { letPostgresUserReach } from "../lib/postgres-user";
import { freePort, startThrowawayPostgres } from "../lib/throwaway-postgres";
import { generateJobs } from "../simulator/network";
import { groupRssMb, median, Progress } from "./measure";

const root = path.resolve(import.meta.dirname, "../..");
// Benchmarks build into their own folder so a running `next dev` (which uses .next) is left alone.
process.env.NEXT_DIST_DIR ??= ".next-bench";
const SECRET = "bench-secret-0123456789abcdef";

const { values } = parseArgs({
  options: {
    jobs: { type: "string", default: "200000" },
    concurrency: { type: "string", default: "8" },
    runs: { type: "string", default: "3" },
  },
});
const total = Number(values.jobs);
const concurrency = Number(values.concurrency);
const runs = Number(values.runs);

function batchesOf(jobs: JobInput[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < jobs.length; i += 1000) out.push(JSON.stringify({ jobs: jobs.slice(i, i + 1000) }));
  return out;
}

async function postAll(url: string, bodies: string[], progress: Progress): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      const res = await fetch(`${url}/api/v1/jobs`, { method: "POST", headers: signedHeaders(SECRET, body), body });
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
      progress.tick(1000);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - started) / 1000;
}

const CSV_COLUMNS = ["job_id", "miner_id", "model_id", "status", "completed_at", "hardware", "inference_latency", "width", "height", "num_iterations", "input_tokens", "output_tokens"] as const;

/**
 * The ceiling: the same rows loaded with COPY, read by the server from a file (the throwaway
 * cluster's binaries ship no psql; the server process, the `postgres` user
 * when run as root, is let read the file).
 */
async function copySeconds(url: string, jobs: JobInput[], dir: string): Promise<number> {
  const csv = path.join(dir, "jobs.csv");
  writeFileSync(csv, jobs.map((j) => CSV_COLUMNS.map((c) => j[c] ?? "").join(",")).join("\n"), { mode: 0o644 });
  letPostgresUserReach(csv);
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS copy_ceiling (job_id text, miner_id text, model_id text, status text, completed_at timestamptz, hardware text,
      inference_latency numeric, width int, height int, num_iterations int, input_tokens int, output_tokens int)`);
    await client.query("TRUNCATE copy_ceiling");
    const started = performance.now();
    await client.query(`COPY copy_ceiling FROM ${pg.escapeLiteral(csv)} WITH (FORMAT csv, NULL '')`);
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
  }
}

async function main() {
  await ensureBuild(root);
  const db = await startThrowawayPostgres({ settings: { max_wal_size: "4GB", checkpoint_timeout: "30min" } });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  let server: ReturnType<typeof startBackground> | undefined;
  try {
    console.log(`Generating ${runs} × ${total} jobs from the simulated full-scale network…`);
    const to = new Date();
    const from = new Date(to.getTime() - 7 * 86_400_000);
    const sets = Array.from({ length: runs }, (_, r) => [...generateJobs({ count: total, from, to, seed: 9000 + r, scale: 1 })]);

    const port = await freePort();
    const appUrl = db.url.replace(/\/postgres$/, "/heurist");
    const admin = new pg.Client(db.url);
    await admin.connect();
    await admin.query("CREATE DATABASE heurist");
    await admin.end();
    await applyMigrations(appUrl);
    const [node, args] = webServerArgs(root, port);
    server = startBackground(node, args, {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, DATABASE_URL: appUrl, INGEST_HMAC_SECRET: SECRET, DATABASE_POOL_MAX: String(concurrency + 2), NODE_ENV: "production", AUTH_DOMAIN: `127.0.0.1:${port}` },
    });
    const base = `http://127.0.0.1:${port}`;
    await waitForHttp(`${base}/api/v1/health`, 60_000, server);

    let peakRss = 0;
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, groupRssMb(server!.pid!))), 250);
    const httpRates: number[] = [];
    const copyRates: number[] = [];
    for (let r = 0; r < runs; r++) {
      const bodies = batchesOf(sets[r]!);
      const progress = new Progress(`HTTP run ${r + 1}/${runs}`, total);
      const seconds = await postAll(base, bodies, progress);
      progress.done();
      httpRates.push(total / seconds);
      copyRates.push(total / (await copySeconds(appUrl, sets[r]!, dir)));
    }
    clearInterval(rssTimer);
    const check = new pg.Client(appUrl);
    await check.connect();
    const counts = (await check.query("SELECT (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM ledger_entries)::int AS ledger")).rows[0];
    await check.end();

    const http = median(httpRates);
    const copy = median(copyRates);
    console.log(`\n| figure | value |\n|---|---|`);
    console.log(`| HTTP ingest, median of ${runs} runs of ${total.toLocaleString()} jobs (batches of 1,000, ${concurrency} concurrent) | ${Math.round(http).toLocaleString()} jobs/s |`);
    console.log(`| COPY ceiling, same rows into a bare table (median) | ${Math.round(copy).toLocaleString()} jobs/s |`);
    console.log(`| HTTP ÷ COPY | ${((100 * http) / copy).toFixed(1)} % |`);
    console.log(`| server peak RSS | ${Math.round(peakRss)} MB |`);
    console.log(`| runs (jobs/s) | ${httpRates.map((x) => Math.round(x)).join(", ")} |`);
    console.log(`| rows written: jobs / ledger | ${counts.jobs} / ${counts.ledger} |`);
    console.log(`| 6.7 M jobs (a 2024 day) would take | ${(6_700_000 / http / 60).toFixed(1)} min |`);
  } finally {
    stopGroup(server);
    db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
