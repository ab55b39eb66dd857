// `npm run cli -- fold`: adds every pending rollup delta to the rollups now, as the worker's folder
// does continuously (decision 0024). Safe while a worker runs (one folder at a time).
import { foldAll } from "../../lib/server/rollups/fold";
import { withPool } from "./with-pool";

export function fold(databaseUrl: string): Promise<number> {
  return withPool("fold", databaseUrl, 1, async (pool) => {
    const started = performance.now();
    const r = await foldAll(pool);
    console.log(`folded ${r.deltas.toLocaleString("en-US")} delta rows (${r.entries.toLocaleString("en-US")} ledger entries) in ${Math.round(performance.now() - started)} ms`);
    return 0;
  });
}
