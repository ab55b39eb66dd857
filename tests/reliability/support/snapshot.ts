// "Nothing was written": every table a request could write, as a row count and a digest of its
// rows, so an update in place shows as well as an insert. The snapshots the worker rebuilds
// (leaderboard_rows, market_snapshot, …) are left out: no request writes them.
import type pg from "pg";

export const WATCHED_TABLES = [
  "jobs",
  "ledger_entries",
  "nodes",
  "wallets",
  "miner_hourly",
  "wallet_hourly",
  "hardware_hourly",
  "wallet_model_daily",
  "boost_assignments",
  "sessions",
  "auth_nonces",
] as const;

export async function snapshot(pool: pg.Pool): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of WATCHED_TABLES) {
    const { rows } = await pool.query<{ n: string; digest: string }>(
      `SELECT count(*)::text AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS digest FROM ${table} t`,
    );
    out[table] = `${rows[0]!.n} rows, ${rows[0]!.digest}`;
  }
  return out;
}
