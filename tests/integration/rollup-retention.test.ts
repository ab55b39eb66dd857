// Hourly rollups kept for a window, then daily (issue 13 item 5, decision 0029). Two weeks of
// history are compacted with a 35-day window whose boundary falls inside the second week: the hours
// before it become one row per UTC day, every reader that groups by day (CSV export, charts, the
// network's days) answers exactly as before, `cli verify` stays clean in full and incremental mode
// (the stored epoch digests still hold), a job older than the boundary folds into its day row, and
// a changed day row is still found.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { epochOf, epochStart } from "@/lib/rewards/epoch";
import { settleEpoch } from "@/lib/server/epochs/settle";
import { dailySeries } from "@/lib/server/queries/activity";
import { dailyCsvStream } from "@/lib/server/queries/daily-export";
import { getNetworkDaily } from "@/lib/server/queries/network-daily";
import { compactRollups, hourlyFromFor } from "@/lib/server/rollups/retention";
import { verifyIncremental } from "@/lib/server/verify/incremental";
import { verifyAll } from "@/lib/server/verify/verify";
import { createNetwork } from "../../scripts/simulator/network";
import { importJobs } from "../support/import-jobs";
import { createOwnDatabase } from "../support/own-database";

const DAY = 86_400_000;
const A = epochOf(new Date("2024-09-04T00:00:00Z"));
const B = A + 1;
const KEEP_DAYS = 35;
// The boundary: three days into week B.
const NOW = new Date(epochStart(B).getTime() + (3 + KEEP_DAYS) * DAY + 12 * 3_600_000);
const CUTOFF = hourlyFromFor(NOW, KEEP_DAYS);
const ROLLUPS = ["miner_hourly", "wallet_hourly", "hardware_hourly"] as const;
const network = createNetwork({ scale: 0.02 });
let pool: pg.Pool;
let miner: string;
let wallet: string;

const between = (from: number, to: number, count: number, seed: number) => [...network.generateJobs({ count, from: new Date(from + 60_000), to: new Date(to - 60_000), seed })];
const failures = (results: { name: string; mismatches: number }[]) => results.filter((r) => r.mismatches > 0).map((r) => `${r.name}: ${r.mismatches}`);
const csvOf = (scope: "miner" | "wallet", key: string) => new Response(dailyCsvStream(scope, key, { start: epochStart(A), end: epochStart(B + 1), days: 14 })).text();

/** What people see per day: both CSV exports, both charts and the network's days. */
async function dailyViews() {
  return {
    minerCsv: await csvOf("miner", miner),
    walletCsv: await csvOf("wallet", wallet),
    minerChart: await dailySeries("miner", miner, NOW, 60),
    walletChart: await dailySeries("wallet", wallet, NOW, 60),
    network: (await getNetworkDaily(60, NOW)).days,
  };
}

/** Rows per rollup before the boundary: all, and those not at a UTC midnight (hours). */
async function rowsBefore(cutoff: Date) {
  const out: Record<string, { all: number; hours: number; after: number }> = {};
  for (const t of ROLLUPS) {
    const { rows } = await pool.query<{ all: number; hours: number; after: number }>(
      `SELECT count(*) FILTER (WHERE hour < $1)::int AS all, count(*) FILTER (WHERE hour < $1 AND hour <> date_trunc('day', hour, 'UTC'))::int AS hours,
              count(*) FILTER (WHERE hour >= $1)::int AS after FROM ${t}`,
      [cutoff],
    );
    out[t] = rows[0]!;
  }
  return out;
}

beforeAll(async () => {
  const url = await createOwnDatabase("rollup_retention");
  process.env.DATABASE_URL = url; // the readers' pool (server code reads the environment on first use)
  pool = new pg.Pool({ connectionString: url, max: 3 });
  await importJobs(pool, between(epochStart(A).getTime(), epochStart(B + 1).getTime(), 4_000, 1));
  await settleEpoch(pool, A, NOW);
  await settleEpoch(pool, B, NOW);
  const top = await pool.query<{ miner_id: string; wallet: string }>("SELECT miner_id, wallet FROM ledger_entries GROUP BY 1, 2 ORDER BY count(*) DESC, miner_id LIMIT 1");
  ({ miner_id: miner, wallet } = top.rows[0]!);
}, 120_000);

afterAll(async () => {
  await pool?.end();
});

describe("hourly rollups, then daily", () => {
  test("hours before the boundary become day rows; every daily view, verify and the stored epoch digests agree, even across an interruption", async () => {
    expect(CUTOFF.toISOString()).toBe(new Date(epochStart(B).getTime() + 3 * DAY).toISOString());
    const first = await verifyIncremental(pool);
    expect(failures(first.results)).toEqual([]);
    expect(first.verified.map((v) => v.epoch)).toEqual([A, B]);
    const views = await dailyViews();
    const before = await rowsBefore(CUTOFF);
    expect(before.miner_hourly!.hours).toBeGreaterThan(1_000); // hourly rows to merge

    // Stopped after its first day: that day is merged, the rest not, and nothing is off.
    const stop = new AbortController();
    await expect(compactRollups(pool, { days: KEEP_DAYS, now: NOW, signal: stop.signal, onDay: () => stop.abort() })).rejects.toThrow();
    const firstDay = epochStart(A).getTime();
    const partial = await pool.query<{ hourly_from: Date }>("SELECT hourly_from FROM rollup_retention");
    expect(partial.rows[0]!.hourly_from.toISOString()).toBe(new Date(firstDay + DAY).toISOString());
    expect(failures(await verifyAll(pool))).toEqual([]);

    const r = await compactRollups(pool, { days: KEEP_DAYS, now: NOW });
    expect(r.days).toBe(9); // A's other six days and B's first three
    expect(r.hourlyFrom?.toISOString()).toBe(CUTOFF.toISOString());
    const after = await rowsBefore(CUTOFF);
    for (const t of ROLLUPS) {
      expect(after[t]!.hours, t).toBe(0);
      expect(after[t]!.after, t).toBe(before[t]!.after); // the window's hours untouched
      expect(after[t]!.all, t).toBeLessThan(before[t]!.all);
    }
    // One row per miner (wallet) and UTC day it earned on, before the boundary.
    const days = await pool.query<{ miners: number; wallets: number }>(
      `SELECT count(DISTINCT (miner_id, (occurred_at AT TIME ZONE 'UTC')::date))::int AS miners,
              count(DISTINCT (wallet, (occurred_at AT TIME ZONE 'UTC')::date))::int AS wallets FROM ledger_entries WHERE occurred_at < $1`,
      [CUTOFF],
    );
    expect([after.miner_hourly!.all, after.wallet_hourly!.all]).toEqual([days.rows[0]!.miners, days.rows[0]!.wallets]);
    expect(await dailyViews()).toEqual(views);
    expect(failures(await verifyAll(pool))).toEqual([]);
    // The digests kept for A and B still stand for their entries: no epoch is read again.
    const next = await verifyIncremental(pool);
    expect(failures(next.results)).toEqual([]);
    expect(next.reused.epochs).toEqual([A, B]);
    expect(next.verified).toEqual([]);
    // Nothing more to merge until a day passes.
    expect(await compactRollups(pool, { days: KEEP_DAYS, now: NOW })).toMatchObject({ days: 0, hourRows: 0 });
  });

  test("a job older than the boundary folds into its day's row; one after it into its hour", async () => {
    const views = await dailyViews();
    const late = between(epochStart(A).getTime(), CUTOFF.getTime(), 40, 2);
    const recent = between(CUTOFF.getTime(), epochStart(B + 1).getTime(), 40, 3);
    await importJobs(pool, [...late, ...recent]);
    const rows = await rowsBefore(CUTOFF);
    for (const t of ROLLUPS) expect(rows[t]!.hours, t).toBe(0);
    expect(failures(await verifyAll(pool))).toEqual([]);
    expect(failures((await verifyIncremental(pool)).results)).toEqual([]);
    // The network's days count each new job on its own day.
    const perDay = new Map<string, number>();
    for (const j of [...late, ...recent]) {
      const day = new Date(j.completed_at).toISOString().slice(0, 10);
      perDay.set(day, (perDay.get(day) ?? 0) + 1);
    }
    const now = (await dailyViews()).network;
    for (const [i, d] of now.entries()) expect(d.jobs - views.network[i]!.jobs, d.date).toBe(perDay.get(d.date) ?? 0);
  });

  test("a day row changed by hand is found by verify, full and incremental", async () => {
    const changed = await pool.query<{ miner_id: string; hour: Date }>(
      `UPDATE miner_hourly SET waifu_micro = waifu_micro + 1
        WHERE ctid = (SELECT ctid FROM miner_hourly WHERE hour < $1 ORDER BY miner_id, hour LIMIT 1) RETURNING miner_id, hour`,
      [CUTOFF],
    );
    expect(changed.rowCount).toBe(1);
    try {
      expect(failures(await verifyAll(pool))).toEqual(["miner_hourly: 1"]);
      expect(failures((await verifyIncremental(pool)).results)).toEqual(["miner_hourly: 1"]);
    } finally {
      await pool.query("UPDATE miner_hourly SET waifu_micro = waifu_micro - 1 WHERE miner_id = $1 AND hour = $2", [changed.rows[0]!.miner_id, changed.rows[0]!.hour]);
    }
    expect(failures(await verifyAll(pool))).toEqual([]);
  });
});
