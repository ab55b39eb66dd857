// `npm run cli -- snapshots`: every snapshot the worker rebuilds, rebuilt once now.
export async function snapshots(databaseUrl: string): Promise<number> {
  // lib/server reads its database from the environment, once, on first use.
  process.env.DATABASE_URL = databaseUrl;
  const { SNAPSHOT_JOBS } = await import("../../lib/server/snapshot-jobs");
  const { pool } = await import("../../lib/server/db");
  try {
    for (const job of SNAPSHOT_JOBS) {
      const started = performance.now();
      const rebuilt = await job.rebuild(new Date());
      console.log(`${job.what.padEnd(24)} ${rebuilt ? "rebuilt" : "kept (a worker built one as recent)"} in ${Math.round(performance.now() - started)} ms`);
    }
    return 0;
  } catch (err) {
    console.error(`snapshots: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await pool().end();
  }
}
