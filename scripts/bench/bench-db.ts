// The benchmarks' database: a throwaway PostgreSQL cluster with the portal's database "heurist"
// created and migrated, as a fresh deployment has it.
import pg from "pg";
import { applyMigrations } from "../../prisma/migrate";
import { startThrowawayPostgres } from "../lib/throwaway-postgres";

export interface BenchDatabase {
  /** The migrated "heurist" database. */
  url: string;
  stop(): void;
}

/**
 * Starts the cluster with `settings` and migrates "heurist". With `statements`, pg_stat_statements
 * is loaded and created there (and I/O is timed), for a per-statement account of PostgreSQL's time.
 */
export async function startBenchDatabase(opts: { settings?: Record<string, string>; statements?: boolean } = {}): Promise<BenchDatabase> {
  const profiling: Record<string, string> = opts.statements ? { shared_preload_libraries: "pg_stat_statements", track_io_timing: "on" } : {};
  const db = await startThrowawayPostgres({ settings: { ...opts.settings, ...profiling } });
  try {
    const url = db.url.replace(/\/postgres$/, "/heurist");
    const admin = new pg.Client(db.url);
    await admin.connect();
    try {
      await admin.query("CREATE DATABASE heurist");
    } finally {
      await admin.end();
    }
    await applyMigrations(url);
    if (opts.statements) {
      const client = new pg.Client(url);
      await client.connect();
      await client.query("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").finally(() => client.end());
    }
    return { url, stop: () => db.stop() };
  } catch (err) {
    db.stop();
    throw err;
  }
}
