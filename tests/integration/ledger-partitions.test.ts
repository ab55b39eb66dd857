// The ledger partitioned by week (issue 13 item 5, decision 0028). A database migrated from the
// schema before partitioning keeps its entries where they were (the old table becomes the history
// partition; nothing is copied) and verifies clean; new weeks get partitions of their own, an
// entry lands in its week's, the worker's maintenance keeps weeks ahead, and the ledger stays
// append-only on every partition.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { epochOf, epochStart } from "@/lib/rewards/epoch";
import { ensureLedgerPartitions, ledgerPartitions, PARTITION_WEEKS_AHEAD } from "@/lib/server/ledger-partitions";
import { foldAll } from "@/lib/server/rollups/fold";
import { verifyIncremental } from "@/lib/server/verify/incremental";
import { verifyAll } from "@/lib/server/verify/verify";
import { applyMigrations } from "../../prisma/migrate";
import { createNetwork } from "../../scripts/simulator/network";
import { importJobs } from "../support/import-jobs";
import { createOwnDatabase } from "../support/own-database";

const BEFORE_PARTITIONS = "20261206023207_verified_epochs";
const network = createNetwork({ scale: 0.02 });
const pools: pg.Pool[] = [];
const now = new Date();
const current = epochOf(now);

async function database(prefix: string, upTo?: string): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: await createOwnDatabase(prefix, upTo), max: 3 });
  pools.push(pool);
  return pool;
}

const jobsIn = (from: Date, to: Date, count: number, seed: number) => [...network.generateJobs({ count, from, to, seed })];
/** Every entry as text, in id order: what must survive the migration unchanged. */
const ledgerDigest = async (pool: pg.Pool) =>
  (await pool.query<{ n: string; d: string }>("SELECT count(*)::text AS n, md5(string_agg(l::text, '|' ORDER BY id)) AS d FROM ledger_entries l")).rows[0]!;
const partitionOf = async (pool: pg.Pool, where: string) =>
  (await pool.query<{ p: string; n: string }>(`SELECT tableoid::regclass::text AS p, count(*)::text AS n FROM ledger_entries WHERE ${where} GROUP BY 1 ORDER BY 1`)).rows;
/** A priced entry as a slash would write it, at `at` (entries of a future week can only be written by hand). */
const entryAt = (pool: pg.Pool, at: Date) =>
  pool.query(
    `INSERT INTO ledger_entries (kind, miner_id, wallet, point_type, occurred_at, schedule_id, base_micro, model_multiplier_ppm, nft_multiplier_ppm, stake_multiplier_ppm, points_micro)
     SELECT 'adjustment', miner_id, wallet, 'waifu', $1, 'testnet-2024-04', 0, 1000000, 1000000, 1000000, 0 FROM nodes LIMIT 1 RETURNING id::text, tableoid::regclass::text AS p`,
    [at],
  );

afterAll(async () => {
  await Promise.all(pools.map((p) => p.end()));
});

describe("a ledger migrated with data in place", () => {
  let pool: pg.Pool;
  let before: { n: string; d: string };

  beforeAll(async () => {
    pool = await database("partitions_migrated", BEFORE_PARTITIONS);
    // Two past weeks of 2024 and this week (up to a minute ago): entries in the week being partitioned.
    await importJobs(
      pool,
      [
        ...jobsIn(new Date("2024-09-02T00:00:00Z"), new Date("2024-09-16T00:00:00Z"), 1_500, 1),
        ...jobsIn(new Date(Math.max(epochStart(current).getTime(), now.getTime() - 86_400_000)), new Date(now.getTime() - 1_000), 500, 2),
      ],
      { fold: false },
    );
    before = await ledgerDigest(pool);
    // The deltas are folded after the migrations, by today's folder (which needs the later ones):
    // batches still pending when an operator migrates.
    await applyMigrations(pool.options.connectionString!);
    await foldAll(pool);
  }, 120_000);

  test("every entry is still there, unchanged, in the history partition; weekly partitions start next week", async () => {
    expect(await ledgerDigest(pool)).toEqual(before);
    expect(await partitionOf(pool, "true")).toEqual([{ p: "ledger_entries_history", n: before.n }]);
    const parts = await ledgerPartitions(pool);
    expect(parts[0]).toEqual({ name: "ledger_entries_history", epoch: null, bound: expect.stringContaining("MINVALUE") });
    // This week already had entries, so it stays in the history partition.
    expect(parts.slice(1).map((p) => p.epoch)).toEqual(Array.from({ length: PARTITION_WEEKS_AHEAD }, (_, i) => current + 1 + i));
    expect(parts[0]!.bound).toContain(
      epochStart(current + 1)
        .toISOString()
        .slice(0, 10),
    );
  });

  test("verify is clean after the migration, full and incremental", async () => {
    expect((await verifyAll(pool)).filter((r) => r.mismatches > 0)).toEqual([]);
    const report = await verifyIncremental(pool);
    expect(report.incremental).toBe(true);
    expect(report.results.filter((r) => r.mismatches > 0)).toEqual([]);
  });

  test("ids go on from the same sequence, and next week's entry lands in next week's partition", async () => {
    const { rows } = await entryAt(pool, new Date(epochStart(current + 1).getTime() + 3_600_000));
    expect(rows[0].p).toBe(`ledger_entries_e${current + 1}`);
    const max = await pool.query("SELECT max(id)::text AS m FROM ledger_entries_history");
    expect(BigInt(rows[0].id)).toBeGreaterThan(BigInt(max.rows[0].m));
  });
});

describe("a new ledger", () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = await database("partitions_new");
    await importJobs(pool, [
      ...jobsIn(new Date("2024-09-02T00:00:00Z"), new Date("2024-09-09T00:00:00Z"), 300, 3),
      ...jobsIn(new Date(Math.max(epochStart(current).getTime(), now.getTime() - 86_400_000)), new Date(now.getTime() - 1_000), 300, 4),
    ]);
  }, 120_000);

  test("this week's jobs land in this week's partition, 2024's in the history partition", async () => {
    expect(await partitionOf(pool, "true")).toEqual([
      { p: `ledger_entries_e${current}`, n: "300" },
      { p: "ledger_entries_history", n: "300" },
    ]);
    expect((await verifyAll(pool)).filter((r) => r.mismatches > 0)).toEqual([]);
  });

  test("the worker's maintenance adds the weeks missing ahead, once", async () => {
    expect(await ensureLedgerPartitions(pool)).toBe(0);
    expect(await ensureLedgerPartitions(pool, PARTITION_WEEKS_AHEAD + 3)).toBe(3);
    expect(await ensureLedgerPartitions(pool, PARTITION_WEEKS_AHEAD + 3)).toBe(0);
    const weekly = (await ledgerPartitions(pool)).filter((p) => p.epoch !== null);
    expect(weekly.map((p) => p.epoch)).toEqual(Array.from({ length: PARTITION_WEEKS_AHEAD + 4 }, (_, i) => current + i));
    for (const p of weekly) expect(p.bound).toBe(`FOR VALUES FROM ('${pgTime(epochStart(p.epoch!))}') TO ('${pgTime(epochStart(p.epoch! + 1))}')`);
  });

  test("the ledger stays append-only through the parent and on each partition", async () => {
    await expect(pool.query("UPDATE ledger_entries SET points_micro = 0 WHERE id = (SELECT min(id) FROM ledger_entries)")).rejects.toThrow(/append-only/);
    await expect(pool.query(`DELETE FROM ledger_entries_e${current}`)).rejects.toThrow(/append-only/);
    await expect(pool.query("DELETE FROM ledger_entries_history")).rejects.toThrow(/append-only/);
    expect(await partitionOf(pool, "true")).toHaveLength(2);
  });
});

/** A timestamptz as PostgreSQL prints it in UTC: 2026-12-04 00:00:00+00. */
function pgTime(d: Date): string {
  return `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 19)}+00`;
}
