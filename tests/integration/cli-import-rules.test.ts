// `cli import`'s rules (decision 0025): malformed lines, invalid jobs and job ids already stored (or
// repeated in the file) with other content go to the report with their reasons and leave nothing
// behind (no job, entry, node, wallet or rollup delta); a known job with the same content is a
// duplicate; a CSV file imports exactly the jobs its JSONL twin holds; a chunk holds the settlement
// barrier like a live batch, so an epoch's close waits for it and later chunks count as late.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { epochOf, epochStart } from "@/lib/rewards";
import type { JobInput } from "@/lib/schemas/jobs";
import { closeEpoch } from "@/lib/server/epochs/close-epoch";
import { foldAll } from "@/lib/server/rollups/fold";
import { verifyAll } from "@/lib/server/verify/verify";
import { importFile } from "../../scripts/cli/import";
import { CSV_FIELDS } from "../../scripts/cli/file-records";
import { createOwnDatabase } from "../support/own-database";
import { imageJob, llmJob, randomWallet } from "../support/fixtures";

const dir = mkdtempSync(path.join(os.tmpdir(), "heurist-import-input-"));
let pool: pg.Pool;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: await createOwnDatabase("heurist_import_rules"), max: 2 });
});

afterAll(async () => {
  await pool.end();
  rmSync(dir, { recursive: true, force: true });
});

const count = async (sql: string, params: unknown[]) => (await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params)).rows[0]!.n;
const reportOf = (file: string) =>
  readFileSync(`${file}.rejected.jsonl`, "utf8")
    .trim()
    .split("\n")
    .map((l) => JSON.parse(l) as { line: number; reason: string });

test("malformed lines, invalid jobs and job ids known with other content are reported, and nothing of them is written", async () => {
  const wallet = randomWallet();
  const bad = randomWallet(); // mines only in the bad lines
  const known = imageJob({ miner_id: `${wallet}-0` });
  const first = path.join(dir, "first.jsonl");
  writeFileSync(first, JSON.stringify(known) + "\n");
  expect(await importFile(pool, { file: first, quiet: true })).toMatchObject({ created: 1 });
  const stored = (await pool.query("SELECT content_hash, points_micro::text FROM jobs JOIN ledger_entries USING (job_id) WHERE job_id = $1", [known.job_id])).rows;

  const good: JobInput[] = Array.from({ length: 30 }, (_, i) => (i % 3 ? imageJob({ miner_id: `${wallet}-${i % 4}` }) : llmJob({ miner_id: `${wallet}-llm` })));
  // Chunks of 8 lines: a repeat can meet its first line in the same chunk or only in the database.
  const lines: { text: string; rejected?: RegExp }[] = [
    ...good.slice(0, 10).map((j) => ({ text: JSON.stringify(j) })),
    { text: "{not json", rejected: /^not valid JSON$/ },
    { text: JSON.stringify({ ...known, miner_id: `${bad}-x`, inference_latency: 9.9 }), rejected: /already ingested with different content/ },
    { text: JSON.stringify(known) }, // the same content: a duplicate
    { text: JSON.stringify(imageJob({ miner_id: `${bad}-a`, width: -5 })), rejected: /^width: / },
    { text: JSON.stringify(imageJob({ miner_id: `${bad}-b`, model_id: "no-such-model" })), rejected: /^model_id: unknown model id/ },
    { text: JSON.stringify(imageJob({ miner_id: `${bad}-c`, completed_at: "2999-01-01T00:00:00Z" })), rejected: /^completed_at: completed_at is in the future$/ },
    { text: JSON.stringify({ ...imageJob({ miner_id: `${bad}-d` }), extra: 1 }), rejected: /extra/ },
    { text: "" },
    { text: JSON.stringify({ ...good[0], miner_id: `${bad}-e`, inference_latency: 1.1 }), rejected: /already ingested with different content/ },
    ...good.slice(10, 12).map((j) => ({ text: JSON.stringify(j) })),
    { text: JSON.stringify({ ...good[10], miner_id: `${bad}-f`, inference_latency: 1.2 }), rejected: /^job_id repeats line 20 with different content$/ },
    ...good.slice(12).map((j) => ({ text: JSON.stringify(j) })),
  ];
  const file = path.join(dir, "mixed.jsonl");
  writeFileSync(file, lines.map((l) => l.text).join("\n") + "\n");
  const expected = lines.flatMap((l, i) => (l.rejected ? [{ line: i + 1, reason: l.rejected }] : []));

  const s = await importFile(pool, { file, chunkSize: 8, quiet: true });
  expect(s).toMatchObject({ created: good.length, duplicates: 1, rejected: expected.length, lines: lines.length });
  const report = reportOf(file);
  expect(report.map((r) => r.line)).toEqual(expected.map((e) => e.line));
  report.forEach((r, i) => expect(r.reason).toMatch(expected[i]!.reason));

  expect(await count("jobs WHERE miner_id LIKE $1", [`${wallet}%`])).toBe(good.length + 1);
  expect(await count("ledger_entries WHERE miner_id LIKE $1", [`${wallet}%`])).toBe(good.length + 1);
  for (const where of [
    "jobs WHERE miner_id LIKE $1 || '%'",
    "ledger_entries WHERE wallet = $1",
    "nodes WHERE wallet = $1",
    "wallets WHERE address = $1",
    "ingest_deltas, unnest(wallets) w WHERE w = $1",
  ]) {
    expect(await count(where, [bad]), where).toBe(0);
  }
  expect(await count("ingest_deltas, unnest(wallets) w WHERE w = $1", [wallet])).toBe(good.length + 1);
  // The stored jobs keep their first content and price.
  expect((await pool.query("SELECT content_hash, points_micro::text FROM jobs JOIN ledger_entries USING (job_id) WHERE job_id = $1", [known.job_id])).rows).toEqual(stored);
  const latencies = await pool.query("SELECT job_id, inference_latency::float8 AS l FROM jobs WHERE job_id = ANY($1) ORDER BY job_id", [[good[0]!.job_id, good[10]!.job_id]]);
  expect(latencies.rows).toEqual([good[0]!, good[10]!].map((j) => ({ job_id: j.job_id, l: j.inference_latency })).sort((a, b) => (a.job_id < b.job_id ? -1 : 1)));

  // Run again: finished files are not read twice.
  expect(await importFile(pool, { file, chunkSize: 8, quiet: true })).toMatchObject({ alreadyImported: true, created: good.length });
});

const cell = (v: unknown) => (v === undefined ? "" : /[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));

test("a CSV file with a header row imports the same jobs as JSONL; its bad records are reported by line", async () => {
  const wallet = randomWallet();
  const jobs: JobInput[] = [
    imageJob({ miner_id: `${wallet}-0`, hardware: 'NVIDIA GeForce RTX 4090, "24GB"', input_ref: "prompt:a,b" }),
    llmJob({ miner_id: `${wallet}-llm`, output_ref: "s3://out/1.json" }),
    imageJob({ miner_id: `${wallet}-1`, status: "failed", inference_latency: 0.25 }),
    imageJob({ miner_id: `${wallet}-1`, hardware: undefined }),
  ];
  const row = (j: Partial<JobInput>) => CSV_FIELDS.map((f) => cell(j[f])).join(",");
  const rows = [
    CSV_FIELDS.join(","), // line 1
    row(jobs[0]!),
    row(jobs[1]!),
    "",
    row({ ...jobs[2], job_id: "csv-bad-width", width: "abc" as unknown as number }), // line 5
    row(jobs[2]!),
    `${jobs[3]!.job_id},${wallet}-1,SDXL`, // line 7: too few fields
    row(jobs[3]!),
    `csv-unclosed,"${wallet}-2,SDXL`, // line 9: a quote never closed
  ];
  const file = path.join(dir, "jobs.csv");
  writeFileSync(file, rows.join("\r\n") + "\r\n");

  const s = await importFile(pool, { file, quiet: true });
  expect(s).toMatchObject({ created: jobs.length, duplicates: 0, rejected: 3 });
  const report = reportOf(file);
  expect(report.map((r) => r.line)).toEqual([5, 7, 9]);
  expect(report[0]!.reason).toMatch(/^width: /);
  expect(report[1]!.reason).toMatch(/expected 14 fields/);
  expect(report[2]!.reason).toMatch(/malformed CSV/);

  // The JSONL twin finds every job already there with the same content hash: the CSV read them field for field.
  const twin = path.join(dir, "twin.jsonl");
  writeFileSync(twin, jobs.map((j) => JSON.stringify(j)).join("\n"));
  expect(await importFile(pool, { file: twin, quiet: true })).toMatchObject({ created: 0, duplicates: jobs.length, rejected: 0 });

  const unknown = path.join(dir, "unknown.csv");
  writeFileSync(unknown, "job_id,miner,model_id\n1,2,3\n");
  await expect(importFile(pool, { file: unknown, quiet: true })).rejects.toThrow(/unknown: miner/);
});

/** Polls until `check` holds (no fixed wait); fails after 30 s. */
async function until(what: string, check: () => Promise<boolean>): Promise<void> {
  const end = Date.now() + 30_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test("a chunk holds the settlement barrier: an epoch's close waits for it, and the chunks after the close are late in the next epoch", async () => {
  // A database of its own: epochs close once and in order.
  const url = await createOwnDatabase("heurist_import_barrier");
  const db = new pg.Pool({ connectionString: url, max: 4 });
  const waitingOnLock = async (like: string) =>
    (await db.query("SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE $1", [like])).rowCount! > 0;
  const epoch = epochOf(new Date("2024-09-10T00:00:00Z"));
  const wallet = randomWallet();
  const jobs = Array.from({ length: 12 }, (_, i) =>
    imageJob({ miner_id: `${wallet}-${i % 3}`, completed_at: new Date(epochStart(epoch).getTime() + (i + 1) * 3_600_000).toISOString() }),
  );
  const file = path.join(dir, "epoch.jsonl");
  writeFileSync(file, jobs.map((j) => JSON.stringify(j)).join("\n") + "\n");

  // The second chunk (jobs 5–8) held inside its transaction, at its COPY, by an uncommitted row with one of its ids.
  const hold = new pg.Client(url);
  await hold.connect();
  await hold.query("BEGIN");
  await hold.query("INSERT INTO jobs (job_id, miner_id, model_id, status, completed_at, inference_latency, content_hash) VALUES ($1, $2, 'SDXL', 'completed', now(), 1, 'x')", [
    jobs[5]!.job_id,
    jobs[5]!.miner_id,
  ]);
  const importing = importFile(db, { file, chunkSize: 4, quiet: true });
  let closed = false;
  try {
    await until("the second chunk to wait at its COPY", () => waitingOnLock("COPY jobs%"));
    const closing = closeEpoch(db, epoch, new Date()).then(() => (closed = true));
    await until("the close to wait for the chunk in flight (or to have closed)", async () => closed || (await waitingOnLock("SELECT pg_advisory_xact_lock(%")));
    expect(closed).toBe(false);
    await hold.query("ROLLBACK");
    await closing;
  } finally {
    await hold.end();
  }
  expect(await importing).toMatchObject({ created: 12, rejected: 0 });

  expect((await verifyAll(db)).filter((r) => r.mismatches > 0)).toEqual([]);
  await foldAll(db);
  const buckets = await db.query(
    "SELECT epoch, sum(waifu_micro)::text AS points, sum(late_micro)::text AS late FROM epoch_miner_points WHERE wallet = $1 GROUP BY epoch ORDER BY epoch",
    [wallet],
  );
  expect(buckets.rows).toEqual([
    { epoch, points: "48000000", late: "0" }, // chunks 1 and 2: in flight or done at the close
    { epoch: epoch + 1, points: "24000000", late: "24000000" }, // chunk 3: after it
  ]);
  await db.end();
});
