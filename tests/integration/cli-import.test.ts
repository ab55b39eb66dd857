// `cli import` (issue 13 item 6, decision 0025): the same 100,000 simulated jobs, with NFTs, an
// explicit boost-slot choice and stakes in force, ingested live through POST /api/v1/jobs in
// batches of 1,000 into one database and imported with COPY into another leave the same jobs,
// ledger, nodes, wallets and rollups, row by row; `cli verify` is clean after an import; an import
// killed mid-chunk resumes after its last committed chunk and ends with every job written once
// and the same ledger as an uninterrupted import, its report listing each rejected line once.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import type { JobInput } from "@/lib/schemas/jobs";
import { applyChainLogs } from "@/lib/server/chain/apply";
import { foldAll } from "@/lib/server/rollups/fold";
import { verifyAll } from "@/lib/server/verify/verify";
import { importFile } from "../../scripts/cli/import";
import { planChainSeed } from "../../scripts/simulator/chain-seed";
import { chainSeedLogs } from "../../scripts/simulator/chain-seed-logs";
import { createNetwork } from "../../scripts/simulator/network";
import { createOwnDatabase } from "../support/own-database";
import { signedRequest } from "../support/fixtures";

const ROOT = path.resolve(import.meta.dirname, "../..");
const JOBS = 100_000;
const FROM = new Date("2024-09-02T00:00:00Z");
const TO = new Date("2024-09-09T00:00:00Z");
const network = createNetwork();
const plan = planChainSeed(network, { days: 8 });
const jobs: JobInput[] = [...network.generateJobs({ count: JOBS, from: FROM, to: TO, seed: 13 })];
const dir = mkdtempSync(path.join(os.tmpdir(), "heurist-import-"));
const file = path.join(dir, "season.jsonl");
const pools: pg.Pool[] = [];
let live: pg.Pool;
let imported: pg.Pool;
let importedUrl: string;

/** The largest NFT wallet chooses two of its later GPUs (with jobs after day 3) for its boost slots from day 3. */
const chooser = plan.steps.find((s) => s.kind === "nft")!.wallet.toLowerCase();
const CHOSEN_FROM = new Date(FROM.getTime() + 3 * 86_400_000);
const busyLater = new Set(jobs.filter((j) => Date.parse(j.completed_at) > CHOSEN_FROM.getTime()).map((j) => j.miner_id.toLowerCase()));
const chosen = network.gpus
  .map((g) => g.minerId.toLowerCase())
  .filter((id) => id.startsWith(`${chooser}-`) && busyLater.has(id))
  .slice(-2);

async function ownDatabase(prefix: string): Promise<{ url: string; pool: pg.Pool }> {
  const url = await createOwnDatabase(prefix);
  const pool = new pg.Pool({ connectionString: url, max: 3 });
  pools.push(pool);
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await applyChainLogs(client, chainSeedLogs(plan, FROM));
    await client.query("INSERT INTO boost_assignments (wallet, miner_ids, effective_from) VALUES ($1, $2, $3)", [chooser, chosen, CHOSEN_FROM]);
    await client.query("COMMIT");
  } finally {
    client.release();
  }
  return { url, pool };
}

/** Every table the two paths write, by key; columns left out: surrogate ids and insert timestamps. */
const TABLES = [
  { table: "jobs", key: "job_id", except: ["received_at"] },
  { table: "ledger_entries", key: "job_id", except: ["id", "created_at"] },
  { table: "nodes", key: "miner_id", except: [] },
  { table: "wallets", key: "address", except: ["first_seen_at"] },
  { table: "miner_hourly", key: "miner_id, hour", except: [] },
  { table: "wallet_hourly", key: "wallet, hour", except: [] },
  { table: "hardware_hourly", key: "hardware, model_id, hour", except: [] },
  { table: "wallet_model_daily", key: "wallet, day, model_id", except: [] },
  { table: "epoch_miner_points", key: "epoch, miner_id", except: [] },
];

async function rowsOf(pool: pg.Pool, t: (typeof TABLES)[number]): Promise<string[]> {
  const { rows: cols } = await pool.query<{ c: string }>(
    "SELECT column_name AS c FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
    [t.table],
  );
  const list = cols.map((r) => `"${r.c}"`).filter((c) => !t.except.includes(c.slice(1, -1)));
  const { rows } = await pool.query<{ r: string }>(`SELECT ROW(${list.join(", ")})::text AS r FROM ${t.table} ORDER BY ${t.key}`);
  return rows.map((r) => r.r);
}

/** Both databases' rows of every table, compared one by one (the first difference shown). */
async function expectSameRows(a: pg.Pool, b: pg.Pool): Promise<void> {
  for (const t of TABLES) {
    const [x, y] = await Promise.all([rowsOf(a, t), rowsOf(b, t)]);
    const differing = x.map((row, i) => (row === y[i] ? -1 : i)).filter((i) => i >= 0);
    const first = differing[0] ?? (x.length !== y.length ? Math.min(x.length, y.length) : undefined);
    expect({ table: t.table, rows: y.length, differing: differing.length, first: first === undefined ? null : [x[first], y[first]] }).toEqual({
      table: t.table,
      rows: x.length,
      differing: 0,
      first: null,
    });
    expect(x.length, `${t.table} holds rows`).toBeGreaterThan(0);
  }
}

/** Polls until `check` holds (no fixed wait); fails after 60 s, with `context()` (what the child said). */
async function until(what: string, check: () => Promise<boolean>, context = () => ""): Promise<void> {
  const end = Date.now() + 60_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}\n${context()}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

beforeAll(async () => {
  writeFileSync(file, jobs.map((j) => JSON.stringify(j)).join("\n") + "\n");
  const l = await ownDatabase("heurist_import_live");
  live = l.pool;
  process.env.DATABASE_URL = l.url; // the route handler's pool (server code reads the environment on first use)
  const i = await ownDatabase("heurist_import_copy");
  imported = i.pool;
  importedUrl = i.url;
  const s = await importFile(imported, { file, quiet: true });
  expect(s).toMatchObject({ created: JOBS, duplicates: 0, rejected: 0, interrupted: false });
}, 300_000);

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
  rmSync(dir, { recursive: true, force: true });
});

test("`cli verify` is clean after an import (rollups still pending in deltas, then folded)", async () => {
  const bad = (await verifyAll(imported)).filter((r) => r.mismatches > 0);
  expect(bad).toEqual([]);
  await foldAll(imported);
  const cli = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "verify"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: importedUrl },
    encoding: "utf8",
  });
  expect(cli.stdout).toMatch(/the ledger matches the jobs and every rollup matches the ledger/);
  expect(cli.status).toBe(0);
});

test("the same 100,000 jobs ingested live and imported with COPY leave the same rows everywhere", async () => {
  for (let i = 0; i < JOBS; i += 1000) {
    const res = await POST(signedRequest({ jobs: jobs.slice(i, i + 1000) }));
    expect(res.status).toBe(200);
  }
  await Promise.all([foldAll(live), foldAll(imported)]);
  // The factors matter here: entries boosted by NFTs, multiplied by stake, and held by the explicit slot choice.
  const { rows } = await imported.query<{ boosted: number; staked: number; chosen: number }>(
    `SELECT count(*) FILTER (WHERE nft_multiplier_ppm > 1000000)::int AS boosted, count(*) FILTER (WHERE stake_multiplier_ppm > 1000000)::int AS staked,
            count(*) FILTER (WHERE miner_id = ANY($1) AND nft_multiplier_ppm > 1000000)::int AS chosen FROM ledger_entries`,
    [chosen],
  );
  expect(rows[0]!.boosted).toBeGreaterThan(1000);
  expect(rows[0]!.staked).toBeGreaterThan(100);
  expect(rows[0]!.chosen).toBeGreaterThan(0);
  await expectSameRows(live, imported);
}, 600_000);

test("an import killed inside a chunk resumes after the last committed one: every job once, the same ledger, each rejection reported once", async () => {
  const { url, pool } = await ownDatabase("heurist_import_resume");
  // Bad lines in the first and third chunks (10,000 lines each); line numbers are 1-based.
  const lines = jobs.map((j) => JSON.stringify(j));
  lines.splice(4, 0, "{not json");
  lines.splice(25_002, 0, JSON.stringify({ ...jobs[0], job_id: "bad-model", model_id: "no-such-model" }));
  const killed = path.join(dir, "killed.jsonl");
  writeFileSync(killed, lines.join("\n") + "\n");
  const blocker = jobs[25_500]!; // third chunk

  // Hold the third chunk inside its transaction: first at its COPY into jobs (an uncommitted row with
  // one of its ids), then, once its rejection is in the report, at its progress update (the row locked).
  const holdJob = new pg.Client(url);
  const holdRow = new pg.Client(url);
  await Promise.all([holdJob.connect(), holdRow.connect()]);
  await holdJob.query("BEGIN");
  await holdJob.query("INSERT INTO jobs (job_id, miner_id, model_id, status, completed_at, inference_latency, content_hash) VALUES ($1, $2, 'SDXL', 'completed', now(), 1, 'x')", [
    blocker.job_id,
    blocker.miner_id.toLowerCase(),
  ]);
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "import", killed, "--chunk", "10000"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let said = "";
  child.stderr!.on("data", (d: Buffer) => (said += d.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const waiting = async (like: string) =>
    (await pool.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1", [like])).rows[0]?.pid;
  let backend: number | undefined;
  await until(
    "the import waits at its third chunk's COPY",
    async () => (backend = await waiting("COPY jobs%")) !== undefined,
    () => said,
  );
  const committed = (await pool.query<{ lines: number; created: number }>("SELECT lines::int, created::int FROM imports")).rows[0]!;
  expect(committed).toEqual({ lines: 20_000, created: 19_999 });
  await holdRow.query("BEGIN");
  await holdRow.query("SELECT * FROM imports FOR UPDATE");
  await holdJob.query("ROLLBACK");
  await until(
    "the import waits at its third chunk's progress update",
    async () => (await waiting("UPDATE imports%")) !== undefined,
    () => said,
  );
  expect(readFileSync(`${killed}.rejected.jsonl`, "utf8")).toContain('"line":25003'); // written, not committed
  child.kill("SIGKILL");
  await exited;
  await holdRow.query("ROLLBACK");
  await until("the killed import's transaction is rolled back", async () => (await pool.query("SELECT 1 FROM pg_stat_activity WHERE pid = $1", [backend])).rowCount === 0);
  await Promise.all([holdJob.end(), holdRow.end()]);
  expect((await pool.query("SELECT count(*)::int AS n FROM jobs")).rows[0].n).toBe(19_999);

  const s = await importFile(pool, { file: killed, chunkSize: 10_000, quiet: true });
  expect(s).toMatchObject({ resumedFromLine: 20_000, created: JOBS, duplicates: 0, rejected: 2, run: { created: JOBS - 19_999, duplicates: 0, rejected: 1 } });
  const report = readFileSync(`${killed}.rejected.jsonl`, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { line: number; reason: string });
  expect(report.map((r) => r.line)).toEqual([5, 25_003]);
  expect(report[1]!.reason).toMatch(/model/);

  await Promise.all([foldAll(pool), foldAll(imported)]);
  await expectSameRows(imported, pool);
  expect((await pool.query("SELECT count(*)::int AS n FROM ingest_deltas")).rows[0].n).toBe(0);
}, 300_000);
