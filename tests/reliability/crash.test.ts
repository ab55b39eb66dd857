// Crash: 16 concurrent clients ingest signed batches into the production server while it is
// SIGKILLed and restarted several times. Afterwards every acknowledged job is in the ledger exactly
// once, no unacknowledged batch is half-written, and `verify` finds the ledger and rollups intact.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { createNetwork } from "../../scripts/simulator/network";
import { postJobs } from "../../scripts/simulator/post-batches";
import { expectAcknowledgedOnce } from "./support/crash-checks";
import { ClientStats, runClients, toBatches, type BatchRecord } from "./support/crash-clients";
import { httpCases } from "./support/http-hostile";
import { ensureTestBuild } from "../support/production-build";
import { PortalServer } from "./support/portal-server";
import { snapshot } from "./support/snapshot";

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = "reliability-crash-secret-0123456789";
const CLIENTS = 16;
const BATCHES = 400;
const BATCH_SIZE = 100;
/** Kill when this share of the batches is acknowledged, so every kill lands mid-run on a busy server. */
const KILL_AT = [0.15, 0.35, 0.55, 0.75];

/** This file's own fresh database (setup-env.ts). */
const databaseUrl = process.env.DATABASE_URL!;
let pool: pg.Pool;
let server: PortalServer;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  await ensureTestBuild();
  server = new PortalServer(root, { DATABASE_URL: databaseUrl, INGEST_HMAC_SECRET: SECRET, DATABASE_POOL_MAX: "20", CHAIN_INDEXER: "off" });
  await server.start();
});

afterAll(async () => {
  await server?.stop();
  await pool?.end();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Transactions the database rolled back, and deadlocks among them (each deadlock victim rolls back). */
async function rollbacks(): Promise<{ rollbacks: number; deadlocks: number }> {
  const { rows } = await pool.query<{ r: string; d: string }>("SELECT xact_rollback::text AS r, deadlocks::text AS d FROM pg_stat_database WHERE datname = current_database()");
  return { rollbacks: Number(rows[0]!.r), deadlocks: Number(rows[0]!.d) };
}

async function until(done: () => boolean, stop: () => boolean): Promise<boolean> {
  while (!done()) {
    if (stop()) return false;
    await sleep(5);
  }
  return true;
}

/** Each kill waits for its progress mark and for requests in flight, then SIGKILL, a pause, restart. */
async function killDuringRun(stats: ClientStats, total: number): Promise<void> {
  for (const share of KILL_AT) {
    const busy = await until(
      () => stats.acknowledged >= share * total && stats.inFlight >= CLIENTS / 2,
      () => stats.finished,
    );
    if (!busy) return;
    await sleep(Math.random() * 100);
    await server.kill();
    await sleep(200 + Math.random() * 600);
    await server.start();
  }
}

describe("production server", () => {
  test(`${CLIENTS} clients, SIGKILL ${KILL_AT.length}× mid-ingest: acknowledged jobs are in the ledger once, no batch is half-written, verify passes`, async () => {
    const now = Date.now();
    const jobs = [
      ...createNetwork({ scale: 0.02 }).generateJobs({ count: BATCHES * BATCH_SIZE, from: new Date(now - 2 * 86_400_000), to: new Date(now - 60_000), seed: now % 1_000_000 }),
    ];
    const batches = toBatches(jobs, BATCH_SIZE);
    const stats = new ClientStats();
    const stop = new AbortController();
    const before = await rollbacks();
    const started = performance.now();

    let records: BatchRecord[];
    try {
      [records] = await Promise.all([
        runClients({ url: () => server.url, secret: SECRET, batches, clients: CLIENTS, abandonAfterCut: (b) => b.index % 2 === 1, stats, signal: stop.signal }),
        killDuringRun(stats, batches.length).catch((err) => {
          stop.abort(err);
          throw err;
        }),
      ]);
    } catch (err) {
      console.error(`Server log (tail):\n${server.logTail()}`);
      throw err;
    }
    const seconds = (performance.now() - started) / 1000;

    const acked = records.filter((r) => r.outcome === "acknowledged");
    const abandoned = records.filter((r) => r.outcome === "abandoned");
    expect(records.filter((r) => r.outcome === "refused").map((r) => r.refusal)).toEqual([]);
    expect(server.kills).toBeGreaterThanOrEqual(3);
    expect(stats.cut, "no request was in flight at any kill").toBeGreaterThan(0);

    // Acknowledged: every job stored once with its ledger entry; not acknowledged: all of the batch or none of it.
    const { totals, abandonedWritten, checks } = await expectAcknowledgedOnce(pool, batches, acked, abandoned, BATCH_SIZE);

    // Backends report their statistics when they exit: stop the server (the next test restarts it).
    await server.stop();
    await sleep(1500);
    const after = await rollbacks();
    const cutOpen = after.rollbacks - before.rollbacks - (after.deadlocks - before.deadlocks);

    const recovered = acked.filter((r) => r.duplicates > 0);
    const retries = records.reduce((n, r) => n + r.attempts - 1, 0);
    console.log(
      [
        `\nCrash test: ${CLIENTS} clients, ${batches.length} batches × ${BATCH_SIZE} jobs = ${jobs.length.toLocaleString("en-US")} jobs, ${server.kills} SIGKILLs + restarts, ${seconds.toFixed(1)} s`,
        `  requests ${stats.requests}: ${acked.length} acknowledged (200), ${stats.cut} cut by a kill, ${stats.refused} refused while down, ${stats.serverErrors} answered 5xx; ${retries} retries`,
        `  acknowledged batches ${acked.length}: ${recovered.length} already written by an earlier cut attempt (${recovered.reduce((n, r) => n + r.duplicates, 0)} jobs answered as duplicates)`,
        `  abandoned after a cut ${abandoned.length}: ${abandonedWritten} fully written, ${abandoned.length - abandonedWritten} not written, 0 half-written`,
        `  PostgreSQL rolled back ${cutOpen} transaction(s) left open by a kill (${after.deadlocks - before.deadlocks} deadlock retries besides)`,
        `  database: ${totals.jobs.toLocaleString("en-US")} jobs, ${totals.entries.toLocaleString("en-US")} ledger entries, 0 job ids twice; verify: ${checks.length} checks, 0 mismatches`,
      ].join("\n"),
    );
  });

  test("hostile requests over HTTP get a JSON 4xx from the production server and write nothing", async () => {
    await server.start();
    // A wallet of this test's own for the requests that name one (the test above leaves many, but may not have run).
    const [job] = [...createNetwork({ scale: 0.02 }).generateJobs({ count: 1, from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() - 60_000), seed: 7 })];
    expect(await postJobs({ url: server.url, secret: SECRET, jobs: [job!] })).toMatchObject({ jobs: 1 });
    const wallet = (await pool.query<{ wallet: string }>("SELECT wallet FROM nodes WHERE miner_id = $1", [job!.miner_id])).rows[0]!.wallet;
    const before = await snapshot(pool);
    const answers: string[] = [];
    for (const c of httpCases(SECRET, wallet)) {
      const res = await c.send(server.url);
      const text = await res.text();
      let code: unknown;
      try {
        code = (JSON.parse(text) as { error?: { code?: unknown } }).error?.code;
      } catch {
        code = undefined;
      }
      answers.push(`${c.name}: ${res.status} ${res.headers.get("content-type")?.split(";")[0]} ${String(code)}`);
      expect(res.status, `${c.name}: ${text.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${c.name}: ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(typeof code, `${c.name}: ${text.slice(0, 200)}`).toBe("string");
    }
    expect(await snapshot(pool)).toEqual(before);
    console.log(`\nHostile requests over HTTP:\n  ${answers.join("\n  ")}`);
  });

  // Next.js itself answers a path segment that is not valid percent-encoding with a plain-text 500
  // before any route handler runs; proxy.ts refuses such paths first with the JSON 400.
  test("a path segment that is not valid percent-encoding gets a JSON 400, not Next.js's 500", async () => {
    await server.start();
    for (const path of ["/api/v1/miners/%E0%A4%A", "/api/v1/wallets/%C0%80", "/api/v1/miners/%"]) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type"), path).toMatch(/^application\/json/);
    }
  });
});
