// `npm run bench:ingest`: signed batches of 1,000 jobs over HTTP into a real PostgreSQL through the
// production server (or `--servers N` of them, batches dealt round-robin, as a load balancer would),
// against the ceiling measured in the same run: raw COPY of the same rows into a bare table. Prints
// jobs/s, the ratio to COPY and the servers' peak RSS.
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
    servers: { type: "string", default: "1" }, // e.g. 1,2: each configuration in turn, in this run
  },
});
const total = Number(values.jobs);
const concurrency = Number(values.concurrency);
const runs = Number(values.runs);
const serverCounts = values.servers.split(",").map(Number);
if (serverCounts.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--servers takes counts such as 1 or 1,2 (got ${values.servers})`);

function batchesOf(jobs: JobInput[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < jobs.length; i += 1000) out.push(JSON.stringify({ jobs: jobs.slice(i, i + 1000) }));
  return out;
}

async function postAll(urls: string[], bodies: string[], progress: Progress): Promise<number> {
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const i = next++;
      const body = bodies[i]!;
      const res = await fetch(`${urls[i % urls.length]}/api/v1/jobs`, { method: "POST", headers: signedHeaders(SECRET, body), body });
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

/** Starts `n` production web servers on the database and waits until each answers. */
async function startServers(n: number, appUrl: string): Promise<{ procs: ReturnType<typeof startBackground>[]; urls: string[] }> {
  const procs: ReturnType<typeof startBackground>[] = [];
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    const [node, args] = webServerArgs(root, port);
    procs.push(
      startBackground(node, args, {
        cwd: root,
        stdio: "ignore",
        env: { ...process.env, DATABASE_URL: appUrl, INGEST_HMAC_SECRET: SECRET, DATABASE_POOL_MAX: String(concurrency + 2), NODE_ENV: "production", AUTH_DOMAIN: `127.0.0.1:${port}` },
      }),
    );
    urls.push(`http://127.0.0.1:${port}`);
    await waitForHttp(`${urls[i]}/api/v1/health`, 60_000, procs[i]);
  }
  return { procs, urls };
}

interface ConfigResult {
  servers: number;
  http: number[];
  copy: number[];
  peakRssMb: number;
}

async function main() {
  await ensureBuild(root);
  const db = await startThrowawayPostgres({ settings: { max_wal_size: "4GB", checkpoint_timeout: "30min" } });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  let running: ReturnType<typeof startBackground>[] = [];
  try {
    const appUrl = db.url.replace(/\/postgres$/, "/heurist");
    const admin = new pg.Client(db.url);
    await admin.connect();
    await admin.query("CREATE DATABASE heurist");
    await admin.end();
    await applyMigrations(appUrl);

    const to = new Date();
    const from = new Date(to.getTime() - 7 * 86_400_000);
    const results: ConfigResult[] = [];
    for (const [c, n] of serverCounts.entries()) {
      console.log(`Generating ${runs} × ${total} jobs from the simulated full-scale network…`);
      const sets = Array.from({ length: runs }, (_, r) => [...generateJobs({ count: total, from, to, seed: 9000 + 100 * c + r, scale: 1 })]);
      const { procs, urls } = await startServers(n, appUrl);
      running = procs;
      let peakRssMb = 0;
      const rssTimer = setInterval(() => (peakRssMb = Math.max(peakRssMb, procs.reduce((sum, p) => sum + groupRssMb(p.pid!), 0))), 250);
      const result: ConfigResult = { servers: n, http: [], copy: [], peakRssMb: 0 };
      for (let r = 0; r < runs; r++) {
        const progress = new Progress(`${n} server${n === 1 ? "" : "s"}, HTTP run ${r + 1}/${runs}`, total);
        const seconds = await postAll(urls, batchesOf(sets[r]!), progress);
        progress.done();
        result.http.push(total / seconds);
        result.copy.push(total / (await copySeconds(appUrl, sets[r]!, dir)));
      }
      clearInterval(rssTimer);
      result.peakRssMb = peakRssMb;
      results.push(result);
      for (const p of procs) stopGroup(p);
      running = [];
    }
    const check = new pg.Client(appUrl);
    await check.connect();
    const counts = (await check.query("SELECT (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM ledger_entries)::int AS ledger")).rows[0];
    await check.end();

    console.log(`\n${runs} run(s) of ${total.toLocaleString()} jobs per configuration, batches of 1,000, ${concurrency} in flight in all (dealt round-robin over the servers)\n`);
    console.log("| web servers | HTTP ingest (median) | runs (jobs/s) | COPY ceiling (median) | HTTP ÷ COPY | servers' peak RSS (sum) | a 2024 day (6.7 M jobs) |");
    console.log("|---|---|---|---|---|---|---|");
    for (const r of results) {
      const http = median(r.http);
      const copy = median(r.copy);
      console.log(`| ${r.servers} | ${Math.round(http).toLocaleString()} jobs/s | ${r.http.map((x) => Math.round(x)).join(", ")} | ${Math.round(copy).toLocaleString()} rows/s | ${((100 * http) / copy).toFixed(1)} % | ${Math.round(r.peakRssMb)} MB | ${(6_700_000 / http / 60).toFixed(1)} min |`);
    }
    if (results.length > 1) {
      const base = median(results[0]!.http);
      for (const r of results.slice(1)) console.log(`\n${r.servers} servers ÷ ${results[0]!.servers}: ${((100 * median(r.http)) / base).toFixed(0)} %`);
    }
    console.log(`\nrows written: jobs ${counts.jobs} / ledger ${counts.ledger} (expected ${serverCounts.length * runs * total} each)`);
  } finally {
    for (const p of running) stopGroup(p);
    db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
