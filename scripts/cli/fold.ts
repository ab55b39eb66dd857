// `npm run cli -- fold`: adds every pending rollup delta to the rollups now, as the worker's folder
// does continuously (decision 0024). Safe while a worker runs (one folder at a time).
import pg from "pg";
import { foldAll } from "../../lib/server/rollups/fold";

export async function fold(databaseUrl: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const started = performance.now();
    const r = await foldAll(pool);
    console.log(`folded ${r.deltas.toLocaleString("en-US")} delta rows (${r.entries.toLocaleString("en-US")} ledger entries) in ${Math.round(performance.now() - started)} ms`);
    return 0;
  } catch (err) {
    console.error(`fold: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await pool.end();
  }
}
