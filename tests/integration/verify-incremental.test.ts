// `cli verify` incremental (issue 13 item 5, decision 0027): a clean run keeps, per closed epoch,
// the additive digest of its entries; the next run re-prices only the entries written since and
// still compares every rollup with the whole ledger, so a rollup row changed in an old hour, a job
// without an entry, or an altered stored digest is still found. With an append-only trigger off,
// old entries could have changed: verify re-derives everything.
import { spawnSync } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { epochOf, epochStart } from "@/lib/rewards/epoch";
import { settleEpoch } from "@/lib/server/epochs/settle";
import { verifyIncremental } from "@/lib/server/verify/incremental";
import { verifyAll } from "@/lib/server/verify/verify";
import { createNetwork } from "../../scripts/simulator/network";
import { importJobs } from "../support/import-jobs";
import { createOwnDatabase } from "../support/own-database";

const ROOT = path.resolve(import.meta.dirname, "../..");
const A = epochOf(new Date("2024-09-04T00:00:00Z"));
const [B, C] = [A + 1, A + 2];
const network = createNetwork({ scale: 0.02 });
let url: string;
let pool: pg.Pool;

const within = (epoch: number, count: number, seed: number) => [
  ...network.generateJobs({ count, from: new Date(epochStart(epoch).getTime() + 60_000), to: new Date(epochStart(epoch + 1).getTime() - 60_000), seed }),
];
const failures = (results: { name: string; mismatches: number }[]) => results.filter((r) => r.mismatches > 0).map((r) => r.name);
const entries = async () => BigInt((await pool.query("SELECT count(*)::text AS n FROM ledger_entries")).rows[0].n);

beforeAll(async () => {
  url = await createOwnDatabase("verify_incremental");
  pool = new pg.Pool({ connectionString: url, max: 3 });
  await importJobs(pool, [...within(A, 2_000, 1), ...within(B, 2_000, 2)]);
  const now = new Date(epochStart(C).getTime() + 3_600_000);
  await settleEpoch(pool, A, now);
  await settleEpoch(pool, B, now);
}, 120_000);

afterAll(async () => {
  await pool?.end();
});

describe("verify, incremental", () => {
  test("the first run re-prices both closed epochs, agrees with the full check, and keeps their digests", async () => {
    const report = await verifyIncremental(pool);
    expect(report.incremental).toBe(true);
    expect(failures(report.results)).toEqual([]);
    expect(report.reused.epochs).toEqual([]);
    expect(report.verified.map((v) => v.epoch)).toEqual([A, B]);
    expect(report.verified.reduce((n, v) => n + v.entries, 0n)).toBe(await entries());
    expect(report.sinceLastClose).toBe(0n);
    // The same checks as the full verify, with the same counts of rollup rows checked.
    const full = await verifyAll(pool);
    const checked = (rs: typeof full) => Object.fromEntries(rs.filter((r) => !r.name.startsWith("jobs")).map((r) => [r.name, r.checked]));
    expect(checked(report.results)).toEqual(checked(full));
    const stored = await pool.query("SELECT epoch, entries::int FROM verified_epochs ORDER BY epoch");
    expect(stored.rows).toEqual(report.verified.map((v) => ({ epoch: v.epoch, entries: Number(v.entries) })));
  });

  test("the next run reads only what was written since: late jobs of a closed week and this week's", async () => {
    const before = await entries();
    await importJobs(pool, [...within(A, 300, 3), ...within(C, 700, 4)]);
    const report = await verifyIncremental(pool);
    expect(failures(report.results)).toEqual([]);
    expect(report.reused).toEqual({ epochs: [A, B], entries: before });
    expect(report.verified).toEqual([]);
    expect(report.sinceLastClose).toBe(1_000n);
    const ledger = report.results.find((r) => r.name.startsWith("ledger_entries"))!;
    expect(ledger.checked).toBe(1_000);
    expect(report.results.find((r) => r.name.startsWith("jobs"))!.checked).toBe(Number(before) + 1_000);
  });

  test("a rollup row changed in an already verified hour is found and named", async () => {
    const { rows } = await pool.query("SELECT miner_id, hour FROM miner_hourly WHERE hour < $1 ORDER BY hour, miner_id LIMIT 1", [epochStart(B)]);
    const { miner_id: miner, hour } = rows[0];
    await pool.query("UPDATE miner_hourly SET llama_micro = llama_micro + 7 WHERE miner_id = $1 AND hour = $2", [miner, hour]);
    try {
      const report = await verifyIncremental(pool);
      expect(failures(report.results)).toEqual(["miner_hourly"]);
      expect(report.results.find((r) => r.name === "miner_hourly")!.examples[0]).toContain(miner);
    } finally {
      await pool.query("UPDATE miner_hourly SET llama_micro = llama_micro - 7 WHERE miner_id = $1 AND hour = $2", [miner, hour]);
    }
  });

  test("a job without a ledger entry is counted, though no old entry is read", async () => {
    const [job] = within(A, 1, 99);
    await pool.query(`INSERT INTO jobs (job_id, miner_id, model_id, status, completed_at, inference_latency, content_hash) VALUES ($1, $2, $3, 'completed', $4, 1, 'x')`, [
      `stray-${job!.job_id}`,
      job!.miner_id,
      job!.model_id,
      job!.completed_at,
    ]);
    const client = await pool.connect();
    try {
      const report = await verifyIncremental(pool);
      expect(failures(report.results)).toEqual(["jobs (one ledger entry each)"]);
      expect(report.results.find((r) => r.name.startsWith("jobs"))!.examples).toEqual([expect.stringMatching(/^1 job\(s\) without a ledger entry/)]);
    } finally {
      // Jobs are append-only too: only a session that skips triggers (a superuser's repair) can remove it.
      await expect(client.query("DELETE FROM jobs WHERE job_id LIKE 'stray-%'")).rejects.toThrow(/append-only/);
      await client.query("SET session_replication_role = replica");
      await client.query("DELETE FROM jobs WHERE job_id LIKE 'stray-%'");
      await client.query("SET session_replication_role = DEFAULT");
      client.release();
    }
  });

  test("an altered stored digest is a mismatch, not a pass", async () => {
    const { rows } = await pool.query("SELECT digests FROM verified_epochs WHERE epoch = $1", [A]);
    const altered = { ...rows[0].digests, "nodes (totals)": rows[0].digests["nodes (totals)"].map((d: string, i: number) => (i === 0 ? String(BigInt(d) + 1n) : d)) };
    await pool.query("UPDATE verified_epochs SET digests = $2 WHERE epoch = $1", [A, JSON.stringify(altered)]);
    try {
      const report = await verifyIncremental(pool);
      expect(failures(report.results)).toEqual(["nodes (totals)"]);
      expect(report.results.find((r) => r.name === "nodes (totals)")!.examples[0]).toMatch(/verified_epochs was altered/);
    } finally {
      await pool.query("UPDATE verified_epochs SET digests = $2 WHERE epoch = $1", [A, JSON.stringify(rows[0].digests)]);
    }
  });

  test("with the jobs' append-only trigger off, everything is re-derived and a drifted old job is found", async () => {
    const { rows } = await pool.query(
      "SELECT job_id FROM ledger_entries WHERE kind = 'job' AND points_micro > 0 AND occurred_at < $1 AND job_id IN (SELECT job_id FROM jobs WHERE num_iterations IS NOT NULL) LIMIT 1",
      [epochStart(B)],
    );
    const jobId = rows[0].job_id;
    await pool.query("ALTER TABLE jobs DISABLE TRIGGER jobs_no_update_delete");
    await pool.query("UPDATE jobs SET num_iterations = num_iterations * 2 WHERE job_id = $1", [jobId]);
    try {
      const report = await verifyIncremental(pool);
      expect(report.incremental).toBe(false);
      expect(report.fullBecause).toMatch(/jobs_no_update_delete/);
      expect(failures(report.results)).toEqual(["ledger_entries (re-priced from jobs)"]);
      expect(report.results[0]!.examples[0]).toMatch(new RegExp(`^${jobId}: ledger has`));
    } finally {
      await pool.query("UPDATE jobs SET num_iterations = num_iterations / 2 WHERE job_id = $1", [jobId]);
      await pool.query("ALTER TABLE jobs ENABLE TRIGGER jobs_no_update_delete");
    }
  });

  test("the CLI says what it took from digests and what it read, and exits 0", () => {
    const cli = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/cli.ts", "verify"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url },
      encoding: "utf8",
    });
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(new RegExp(`^incremental: epochs ${A}, ${B} \\([\\d,]+ entries\\) from their digests; no newly closed epoch; 1,000 entries since the last close`));
    expect(cli.stdout).toMatch(/ok +ledger_entries \(re-priced from jobs\) +1,000 checked/);
  });
});
