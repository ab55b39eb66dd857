// `npm run bench:ingest`: signed batches of 1,000 jobs over HTTP into a real PostgreSQL through the
// production server (or `--servers N` of them, batches dealt round-robin, as a load balancer would)
// with the worker role running beside them as in production (`--no-worker`: without it), against the
// ceiling measured in the same run: raw COPY of the same rows into a bare table. Prints jobs/s, the
// ratio to COPY, the servers' peak RSS, the load average before each run, the worker's task runs
// that overlapped the measured windows, the CPU seconds each process group spent per 1,000 jobs and
// what PostgreSQL's active backends waited on.
import { startBenchDatabase } from "./bench-db";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import pg from "pg";
import type { JobInput } from "../../lib/schemas/jobs";
import { signedHeaders } from "../../lib/signing";
import { ensureBuild, webServerArgs } from "../lib/next-build";
import { startBackground, stopGroup, waitForHttp } from "../lib/processes";
import { freePort } from "../lib/throwaway-postgres";
import { generateJobs } from "../simulator/network";
import { describeTaskRuns, startBenchWorker, type BenchWorker } from "./bench-worker";
import { copySeconds } from "./copy-ceiling";
import { BENCH_SECRET, ingestLoadOptions } from "./ingest-load";
import { groupRssMb, Progress } from "./measure";
import { report, type ConfigResult } from "./ingest-report";
import { CpuMeter, describeWaits, loadAverages, mergeWaits, postmasterPid, sampleFoldLag, sampleWaits, secondsToFold, type Waits } from "./observe";

const root = path.resolve(import.meta.dirname, "../..");
// Benchmarks build into their own folder so a running `next dev` (which uses .next) is left alone.
process.env.NEXT_DIST_DIR ??= ".next-bench";

const { values } = parseArgs({
  options: {
    ...ingestLoadOptions({ jobs: 200_000, concurrency: 8, runs: 3 }),
    servers: { type: "string", default: "1" }, // e.g. 1,2 or 1,2,2,1: each configuration in turn, in this run
    worker: { type: "boolean", default: true }, // --no-worker: web servers alone
    "span-hours": { type: "string", default: "168" }, // jobs completed over the last N hours
    statements: { type: "boolean", default: false }, // pg_stat_statements' costliest statements per job at the end
    "cpu-prof": { type: "string" }, // --cpu-prof <dir>: the web servers write V8 CPU profiles there
    "server-node-options": { type: "string" }, // e.g. --server-node-options=--max-old-space-size=256: NODE_OPTIONS of the web servers
  },
  allowNegative: true,
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
      const res = await fetch(`${urls[i % urls.length]}/api/v1/jobs`, { method: "POST", headers: signedHeaders(BENCH_SECRET, body), body });
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
      progress.tick(1000);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return (performance.now() - started) / 1000;
}

/** What the web servers and the worker share, as in a deployment. */
const roleEnv = (appUrl: string): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: appUrl,
  INGEST_HMAC_SECRET: BENCH_SECRET,
  NODE_ENV: "production",
  AUTH_DOMAIN: "127.0.0.1",
});

/** Starts `n` production web servers on the database and waits until each answers. */
async function startServers(n: number, appUrl: string): Promise<{ procs: ReturnType<typeof startBackground>[]; urls: string[] }> {
  const procs: ReturnType<typeof startBackground>[] = [];
  const urls: string[] = [];
  for (let i = 0; i < n; i++) {
    const port = await freePort();
    const [node, args] = webServerArgs(root, port);
    const profile = values["cpu-prof"] ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(values["cpu-prof"])}`] : [];
    procs.push(
      startBackground(node, [...profile, ...args], {
        cwd: root,
        stdio: "ignore",
        env: {
          ...roleEnv(appUrl),
          DATABASE_POOL_MAX: String(concurrency + 2),
          AUTH_DOMAIN: `127.0.0.1:${port}`,
          ...(values["server-node-options"] ? { NODE_OPTIONS: values["server-node-options"] } : {}),
        },
      }),
    );
    urls.push(`http://127.0.0.1:${port}`);
    await waitForHttp(`${urls[i]}/api/v1/health`, 60_000, procs[i]);
  }
  return { procs, urls };
}

async function stopAll(procs: ReturnType<typeof startBackground>[]): Promise<void> {
  const exits = procs.filter((p) => p.exitCode === null && p.signalCode === null).map((p) => new Promise((r) => p.once("exit", r)));
  for (const p of procs) stopGroup(p);
  await Promise.race([Promise.all(exits), new Promise((r) => setTimeout(r, 30_000).unref())]);
}

/**
 * The worker of one configuration starts like a freshly deployed one: the queue left by the
 * previous configuration's worker is emptied (graphile-worker's own remove_job), so every
 * configuration measures after the same first pass, with the same schedule ahead.
 */
async function startWorkerFresh(appUrl: string): Promise<BenchWorker> {
  const client = new pg.Client(appUrl);
  await client.connect();
  try {
    const { rows } = await client.query<{ ok: boolean }>("SELECT to_regclass('graphile_worker.jobs') IS NOT NULL AS ok");
    if (rows[0]!.ok) await client.query("SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs WHERE key IS NOT NULL");
  } finally {
    await client.end();
  }
  // Settlement's start delay (300 s by default, room for a backfill) would put it after the run.
  const worker = startBenchWorker(root, { ...roleEnv(appUrl), EPOCH_SETTLE_START_DELAY_S: "0" });
  await worker.idle(appUrl);
  return worker;
}

async function measureConfiguration(n: number, appUrl: string, pgPid: number, sets: JobInput[][], dir: string): Promise<ConfigResult> {
  const worker = values.worker ? await startWorkerFresh(appUrl) : undefined;
  const { procs, urls } = await startServers(n, appUrl).catch(async (err) => {
    await worker?.stop();
    throw err;
  });
  let peakRssMb = 0;
  const rssTimer = setInterval(
    () =>
      (peakRssMb = Math.max(
        peakRssMb,
        procs.reduce((sum, p) => sum + groupRssMb(p.pid!), 0),
      )),
    250,
  );
  const result: ConfigResult = { servers: n, http: [], copy: [], loads: [], peakRssMb: 0, cpu: new CpuMeter(), waits: "", tasks: "", foldLag: [], foldDrain: [] };
  const windows: [number, number][] = [];
  const allWaits: Waits = { samples: 0, waits: new Map(), lockedIn: new Map() };
  try {
    for (let r = 0; r < runs; r++) {
      result.loads.push(loadAverages());
      const progress = new Progress(`${n} server${n === 1 ? "" : "s"}${worker ? " + worker" : ""}, HTTP run ${r + 1}/${runs} (load ${result.loads[r]})`, total);
      const sampler = sampleWaits(appUrl);
      const lag = worker ? sampleFoldLag(appUrl) : undefined;
      const endCpu = result.cpu.begin({ servers: procs.map((p) => p.pid!), PostgreSQL: [pgPid], worker: worker ? [worker.proc.pid!] : [] });
      const from = Date.now();
      const seconds = await postAll(urls, batchesOf(sets[r]!), progress);
      windows.push([from, Date.now()]);
      endCpu();
      mergeWaits(allWaits, await sampler.stop());
      if (lag) {
        result.foldLag.push(...(await lag.stop()));
        result.foldDrain.push(await secondsToFold(appUrl));
      }
      progress.done();
      result.http.push(total / seconds);
      result.copy.push(total / (await copySeconds(appUrl, sets[r]!, dir)));
    }
  } finally {
    clearInterval(rssTimer);
    await stopAll(procs);
    await worker?.stop();
  }
  result.peakRssMb = peakRssMb;
  result.waits = describeWaits(allWaits);
  result.tasks = worker ? describeTaskRuns(worker.runs, windows) : "no worker";
  return result;
}

/** Where PostgreSQL's time went, per job ingested (every configuration and run together, COPY runs included). */
async function printStatements(client: pg.Client, jobs: number): Promise<void> {
  const { rows } = await client.query<{ query: string; calls: string; ms: string }>(
    `SELECT regexp_replace(left(query, 90), '\\s+', ' ', 'g') AS query, calls::text, total_exec_time::text AS ms
       FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())
      ORDER BY total_exec_time DESC LIMIT 15`,
  );
  console.log(`PostgreSQL's costliest statements (pg_stat_statements), µs per job ingested:`);
  for (const r of rows) console.log(`  ${((Number(r.ms) * 1000) / jobs).toFixed(1).padStart(6)} µs  ${r.calls.padStart(7)} calls  ${r.query}`);
}

async function main() {
  await ensureBuild(root);
  const db = await startBenchDatabase({ settings: { max_wal_size: "4GB", checkpoint_timeout: "30min" }, statements: values.statements });
  const dir = mkdtempSync(path.join(os.tmpdir(), "bench-ingest-"));
  try {
    const appUrl = db.url;
    const pgPid = await postmasterPid(appUrl);

    const to = new Date();
    const from = new Date(to.getTime() - Number(values["span-hours"]) * 3_600_000);
    const results: ConfigResult[] = [];
    for (const [c, n] of serverCounts.entries()) {
      console.log(`Generating ${runs} × ${total} jobs from the simulated full-scale network…`);
      const sets = Array.from({ length: runs }, (_, r) => [...generateJobs({ count: total, from, to, seed: 9000 + 100 * c + r, scale: 1 })]);
      results.push(await measureConfiguration(n, appUrl, pgPid, sets, dir));
    }
    const check = new pg.Client(appUrl);
    await check.connect();
    const counts = (await check.query("SELECT (SELECT count(*) FROM jobs)::int AS jobs, (SELECT count(*) FROM ledger_entries)::int AS ledger")).rows[0];
    // What a job costs on disk (issue 13 item 5): heap, TOAST and indexes of the two per-job tables.
    await check.query("VACUUM ANALYZE jobs, ledger_entries");
    const sizes = (
      await check.query<{ t: string; heap: string; idx: string }>(
        // Summed over a partitioned table's partitions (its parent stores nothing; a plain table has no tree).
        `SELECT t, sum(pg_table_size(p.relid))::text AS heap, sum(pg_indexes_size(p.relid))::text AS idx
         FROM unnest(ARRAY['jobs', 'ledger_entries']) t,
              LATERAL (SELECT relid FROM pg_partition_tree(t::regclass) UNION SELECT t::regclass) p(relid)
        GROUP BY t ORDER BY t`,
      )
    ).rows;
    for (const r of sizes) console.log(`${r.t}: ${(Number(r.heap) / counts.jobs).toFixed(0)} bytes of table and ${(Number(r.idx) / counts.jobs).toFixed(0)} of indexes per job`);
    if (values.statements) await printStatements(check, counts.jobs);
    await check.end();
    report(results, counts, { runs, total, concurrency, worker: values.worker! });
  } finally {
    db.stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
