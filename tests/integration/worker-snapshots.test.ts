// The worker is the only builder of the snapshots pages read (issue 12, item 2): `npm run worker`
// on a database nobody has read from builds the market, every leaderboard window, GPU throughput,
// the flags scan and the Heurist-compatible stats (decision 0033), then rebuilds the market again on
// its sub-minute schedule, and stops cleanly on SIGTERM. Its own database: the shared one's
// snapshots are other files' fixtures.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { LEADERBOARD_WINDOWS } from "@/lib/schemas/leaderboard";
import { GPU_WINDOWS } from "@/lib/schemas/gpus";
import { createOwnDatabase } from "../support/own-database";

let db: pg.Pool;
let url: string;
let worker: ChildProcess | undefined;

async function until<T>(what: string, probe: () => Promise<T | null>, deadlineMs = 60_000): Promise<T> {
  const end = Date.now() + deadlineMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const one = async <T>(sql: string): Promise<T | null> => ((await db.query(sql)).rows[0] as T | undefined) ?? null;

beforeAll(async () => {
  url = await createOwnDatabase("heurist_worker_snapshots");
  db = new pg.Pool({ connectionString: url, max: 2 });
});

afterAll(async () => {
  worker?.kill("SIGKILL");
  await db?.end();
});

describe("npm run worker builds the snapshots", () => {
  test("every snapshot is built without a read, the market again each second, and SIGTERM exits 0", { timeout: 120_000 }, async () => {
    for (const table of ["market_snapshot_meta", "leaderboard_rows", "gpu_throughput_windows", "flags_scans", "heurist_stats_snapshot"]) {
      expect(await one(`SELECT 1 AS x FROM ${table} LIMIT 1`), `${table} is empty before the worker starts`).toBeNull();
    }
    worker = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
      cwd: path.resolve(import.meta.dirname, "../.."),
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, DATABASE_URL: url, CHAIN_INDEXER: "off", EPOCH_SETTLEMENT: "off", MARKET_REFRESH_SECONDS: "1", LOG_LEVEL: "warn" },
    });
    const exited = new Promise<number | null>((resolve) => worker!.once("exit", (code) => resolve(code)));

    const first = await until("the market snapshot", () => one<{ built_at: Date }>(`SELECT built_at FROM market_snapshot_meta WHERE id = 1`));
    await until("every leaderboard window", () =>
      one(`SELECT 1 AS x FROM leaderboard_rows WHERE rank = 0 AND point_type = 'waifu' HAVING count(DISTINCT "window") = ${LEADERBOARD_WINDOWS.length}`),
    );
    await until("both GPU throughput windows", () => one(`SELECT 1 AS x FROM gpu_throughput_windows HAVING count(*) = ${GPU_WINDOWS.length}`));
    await until("the 24-hour flags scan", () => one(`SELECT 1 AS x FROM flags_scans WHERE hours = 24`));
    await until("the Heurist-compatible stats", () => one(`SELECT 1 AS x FROM heurist_stats_snapshot WHERE id = 1`));
    // MARKET_REFRESH_SECONDS=1 is under cron's minute: the task must reschedule itself.
    await until("a second market build", () => one(`SELECT built_at FROM market_snapshot_meta WHERE id = 1 AND built_at > '${first.built_at.toISOString()}'`));

    worker.kill("SIGTERM");
    expect(await exited).toBe(0);
    worker = undefined;
  });
});
