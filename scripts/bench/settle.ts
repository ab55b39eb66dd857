// `npm run bench:settle`: settlement of a large epoch while ingesting (issue 12, decision 0020).
// Fills one past epoch with --entries ledger entries (10 M by default; generate_series, indexes
// built after) and its settlement bucket, then, --runs times: ingests --jobs simulated jobs through
// the write path (ingestRequest: signature, validation, writeBatch; --concurrency batches of 1,000 in
// flight) alone, then the same number again while that epoch settles. Prints both rates, their
// ratio (the goal is ≥ 80 %), the settlement's duration and how many batches committed while it
// ran. For contrast, the old settlement's ledger scan (which held a SHARE lock on the ledger, so
// ingestion waited that long) is timed once on the same epoch. The settlement runs in a process of
// its own, as the worker role would run it, while this process ingests as a web server would.
import { startBenchDatabase } from "./bench-db";
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import pg from "pg";
import { epochEnd, epochOf, epochStart } from "../../lib/rewards";
import type { JobInput } from "../../lib/schemas/jobs";
import { signedHeaders } from "../../lib/signing";
import { generateJobs } from "../simulator/network";
import { fillLedger } from "./fill-ledger";
import { BENCH_SECRET, ingestLoadOptions } from "./ingest-load";
import { median } from "./measure";

const { values } = parseArgs({
  options: {
    entries: { type: "string", default: "10000000" },
    miners: { type: "string", default: "20000" },
    ...ingestLoadOptions({ jobs: 20_000, concurrency: 4, runs: 3 }),
    "settle-child": { type: "string" }, // internal: this process is the worker that settles that epoch
  },
});
const entries = Number(values.entries);
const miners = Number(values.miners);
const total = Number(values.jobs);
const concurrency = Number(values.concurrency);
const runs = Number(values.runs);
const log = (line: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${line}`);

/** The epoch to settle: it ended over a week ago; ingestion meanwhile writes today's jobs (the open epoch). */
const now = new Date();
const B = epochOf(now) - 2;

async function fill(client: pg.Client): Promise<void> {
  const t0 = performance.now();
  // Miner m of `miners`, under one of 2,000 wallets; times spread over epoch B's week.
  const minerAndWallet = ", LATERAL (SELECT (hashint8(g) & 2147483647) % $4 AS m) mm, LATERAL (SELECT '0x' || lpad(to_hex(m % 2000), 40, '0') AS w) ww";
  const inEpochB = "$3::timestamptz + ((g * 7919) % 604800000) * interval '1 millisecond'";
  const shape = { jobPrefix: "fill-", minerId: "w || '-g' || m", wallet: "w", occurredAt: inEpochB, from: minerAndWallet, params: [epochStart(B), miners] };
  await fillLedger(client, entries, shape, (written) => log(`ledger: ${written.toLocaleString()} entries`));
  // The bucket, as the writers would have kept it.
  await client.query(
    `INSERT INTO epoch_miner_points (epoch, miner_id, wallet, waifu_micro, llama_micro)
     SELECT $1, miner_id, min(wallet), coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0), coalesce(sum(points_micro) FILTER (WHERE point_type = 'llama'), 0)
       FROM ledger_entries GROUP BY miner_id`,
    [B],
  );
  await client.query("VACUUM ANALYZE");
  log(`filled in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}

/** Undoes epoch B's settlement so the next run settles it again (bench only: settled rows are immutable). */
async function unsettle(client: pg.Client): Promise<void> {
  const tables = ["esheu_grants", "epoch_staker_rewards", "epoch_miner_rewards", "epochs"];
  await client.query("BEGIN");
  for (const t of tables) await client.query(`ALTER TABLE ${t} DISABLE TRIGGER USER`);
  for (const t of tables) await client.query(`DELETE FROM ${t} WHERE ${t === "epochs" ? "number" : "epoch"} = $1`, [B]);
  for (const t of tables) await client.query(`ALTER TABLE ${t} ENABLE TRIGGER USER`);
  await client.query("DELETE FROM epoch_closes WHERE number = $1", [B]);
  await client.query("COMMIT");
}

/** Ingests `jobs` in batches of 1,000, `concurrency` in flight; returns jobs/s and each batch's commit time. */
async function ingestAll(ingestRequest: (req: Request) => Promise<unknown>, jobs: JobInput[]): Promise<{ rate: number; commits: number[] }> {
  const bodies: string[] = [];
  for (let i = 0; i < jobs.length; i += 1000) bodies.push(JSON.stringify({ jobs: jobs.slice(i, i + 1000) }));
  let next = 0;
  const commits: number[] = [];
  const started = performance.now();
  const worker = async () => {
    while (next < bodies.length) {
      const body = bodies[next++]!;
      await ingestRequest(new Request("http://bench/api/v1/jobs", { method: "POST", headers: signedHeaders(BENCH_SECRET, body), body }));
      commits.push(performance.now());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { rate: jobs.length / ((performance.now() - started) / 1000), commits };
}

/** The settling process: loaded and waiting; `go()` settles epoch B there and resolves with its report. */
async function startSettler(url: string): Promise<{ go: () => Promise<{ miners: number }> }> {
  const child = spawn(process.execPath, [...process.execArgv, import.meta.filename, "--settle-child", String(B)], {
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "error" },
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const next = async () => {
    const line = await lines.next();
    if (line.done) throw new Error("the settling process exited early");
    return JSON.parse(line.value) as { ready?: true; miners?: number };
  };
  await next(); // ready
  return {
    go: async () => {
      child.stdin!.write("go\n");
      const report = await next();
      child.stdin!.end();
      return { miners: report.miners! };
    },
  };
}

async function settleChild(epoch: number): Promise<void> {
  const { settleEpoch } = await import("../../lib/server/epochs/settle");
  const { pool } = await import("../../lib/server/db");
  await pool().query("SELECT 1");
  console.log(JSON.stringify({ ready: true }));
  for await (const line of createInterface({ input: process.stdin })) {
    if (line !== "go") continue;
    const result = await settleEpoch(pool(), epoch, new Date());
    console.log(JSON.stringify({ miners: result.miners }));
    break;
  }
  await pool().end();
}

async function main() {
  const db = await startBenchDatabase({ settings: { max_wal_size: "8GB", checkpoint_timeout: "30min", shared_buffers: "1GB" } });
  try {
    const url = db.url;
    // Server code reads these on first use, which is after this.
    Object.assign(process.env, { DATABASE_URL: url, INGEST_HMAC_SECRET: BENCH_SECRET, DATABASE_POOL_MAX: String(concurrency + 2), LOG_LEVEL: "error" });
    const { ingestRequest } = await import("../../lib/server/ingest/ingest-request");
    const { pool } = await import("../../lib/server/db");

    const client = new pg.Client(url);
    await client.connect();
    log(`filling epoch ${B} (${epochStart(B).toISOString().slice(0, 10)}) with ${entries.toLocaleString()} ledger entries over ${miners.toLocaleString()} miner IDs…`);
    await fill(client);

    const to = new Date(now.getTime() - 60_000);
    const from = new Date(Math.max(epochStart(epochOf(now)).getTime(), to.getTime() - 86_400_000));
    log(`generating ${runs} × 2 × ${total.toLocaleString()} jobs from the simulated network…`);
    const sets = Array.from({ length: 2 * runs }, (_, r) => [...generateJobs({ count: total, from, to, seed: 7100 + r, scale: 1 })]);
    // Warm-up: the first batches pay for connections, JIT and caches.
    await ingestAll(ingestRequest, [...generateJobs({ count: 4000, from, to, seed: 7000, scale: 1 })]);

    const alone: number[] = [];
    const during: number[] = [];
    const settleSeconds: number[] = [];
    const overlapping: number[] = [];
    for (let r = 0; r < runs; r++) {
      alone.push((await ingestAll(ingestRequest, sets[2 * r]!)).rate);
      const child = await startSettler(url);
      const settleStart = performance.now();
      let settleEnd = 0;
      const settling = child.go().then((res) => {
        settleEnd = performance.now();
        return res;
      });
      const withSettle = await ingestAll(ingestRequest, sets[2 * r + 1]!);
      const settled = await settling;
      during.push(withSettle.rate);
      settleSeconds.push((settleEnd - settleStart) / 1000);
      overlapping.push(withSettle.commits.filter((t) => t > settleStart && t < settleEnd).length);
      log(
        `run ${r + 1}/${runs}: alone ${Math.round(alone.at(-1)!)} jobs/s, while settling ${Math.round(withSettle.rate)} jobs/s; settlement ${settleSeconds.at(-1)!.toFixed(2)} s (${settled.miners} miners), ${overlapping.at(-1)} batches committed during it`,
      );
      await unsettle(client);
    }

    // The old settlement's read: a scan of the epoch's ledger rows, under a SHARE lock that stopped ingestion meanwhile.
    const t0 = performance.now();
    await client.query("SET statement_timeout = 0");
    await client.query(
      `SELECT miner_id, min(wallet), coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0), coalesce(sum(points_micro) FILTER (WHERE point_type = 'llama'), 0),
              coalesce(sum(points_micro) FILTER (WHERE occurred_at < $3), 0), coalesce(sum(points_micro) FILTER (WHERE kind <> 'job'), 0)
         FROM ledger_entries WHERE id <= (SELECT max(id) FROM ledger_entries) AND occurred_at < $2 AND occurred_at >= $1 GROUP BY miner_id`,
      [new Date(0), epochEnd(B), epochStart(B)],
    );
    const legacyScan = (performance.now() - t0) / 1000;
    const ledger = (await client.query("SELECT count(*)::bigint AS n FROM ledger_entries")).rows[0].n;
    await client.end();
    await pool().end();

    const a = median(alone);
    const d = median(during);
    console.log(
      `\n${runs} run(s); epoch ${B} holds ${entries.toLocaleString()} ledger entries of ${miners.toLocaleString()} miner IDs; ${total.toLocaleString()} jobs per measurement, batches of 1,000, ${concurrency} in flight\n`,
    );
    // Within the settlement itself: the jobs of the batches that committed while it ran, per second of it.
    const inside = median(overlapping.map((n, i) => (n * 1000) / settleSeconds[i]!));
    console.log(
      "| ingestion alone (median) | with a settlement in the run (median) | ratio | within the settlement's own duration | ratio | settlement (median) | batches committed during it | old settlement's ledger scan (ingestion stopped) |",
    );
    console.log("|---|---|---|---|---|---|---|---|");
    console.log(
      `| ${Math.round(a).toLocaleString()} jobs/s (${alone.map(Math.round).join(", ")}) | ${Math.round(d).toLocaleString()} jobs/s (${during.map(Math.round).join(", ")}) | ${((100 * d) / a).toFixed(0)} % | ${Math.round(inside).toLocaleString()} jobs/s | ${((100 * inside) / a).toFixed(0)} % | ${median(settleSeconds).toFixed(2)} s (${settleSeconds.map((s) => s.toFixed(2)).join(", ")}) | ${overlapping.join(", ")} | ${legacyScan.toFixed(1)} s |`,
    );
    console.log(`\nledger rows at the end: ${Number(ledger).toLocaleString()}`);
  } finally {
    db.stop();
  }
}

(values["settle-child"] !== undefined ? settleChild(Number(values["settle-child"])) : main()).catch((err) => {
  console.error(err);
  process.exit(1);
});
