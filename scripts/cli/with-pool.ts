// How a database command of `npm run cli` runs: on its own small pool, closed whatever happens; a
// failure is printed as "<command>: <message>" and exits 1.
import pg from "pg";

export async function withPool(command: string, databaseUrl: string, max: number, run: (pool: pg.Pool) => Promise<number>): Promise<number> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max });
  try {
    return await run(pool);
  } catch (err) {
    console.error(`${command}: ${err instanceof Error ? err.message : String(err)}`);
    return 1;
  } finally {
    await pool.end();
  }
}
