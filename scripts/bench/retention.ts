// `npm run bench:retention [-- --days 42 --keep 35]`: what merging hourly rollup rows into days
// costs and saves (decision 0029), on the synthetic full-size network of bench:market (40,000 GPUs,
// nine hours in ten busy) with `days` days of miner_hourly, and wallet_hourly and hardware_hourly
// derived from it. Prints rows and bytes of the three rollups before and after, the seconds per
// day merged, and what a wallet's daily chart over the whole span costs to read, before and after.
import { parseArgs } from "node:util";
import pg from "pg";
import { startBenchDatabase } from "./bench-db";
import { percentile } from "./measure";
import { fillNetwork } from "./network-fill";

const { values } = parseArgs({
  options: { days: { type: "string", default: "42" }, keep: { type: "string", default: "35" }, nodes: { type: "string", default: "40000" } },
});
const DAYS = Number(values.days);
const KEEP = Number(values.keep);
const TABLES = ["miner_hourly", "wallet_hourly", "hardware_hourly"] as const;

async function sizes(db: pg.Client): Promise<Record<string, { rows: number; mb: number }>> {
  const out: Record<string, { rows: number; mb: number }> = {};
  for (const t of TABLES) {
    const { rows } = await db.query<{ rows: string; bytes: string }>(`SELECT count(*)::text AS rows, pg_total_relation_size('${t}')::text AS bytes FROM ${t}`);
    out[t] = { rows: Number(rows[0]!.rows), mb: Number(rows[0]!.bytes) / 2 ** 20 };
  }
  return out;
}

const line = (label: string, s: Record<string, { rows: number; mb: number }>) =>
  console.log(`${label.padEnd(34)} ${TABLES.map((t) => `${t} ${s[t]!.rows.toLocaleString()} rows ${s[t]!.mb.toFixed(0)} MB`).join(" · ")}`);

const bench = await startBenchDatabase({ settings: { shared_buffers: "1GB", maintenance_work_mem: "512MB" } });
const db = new pg.Client(bench.url);
try {
  await db.connect();
  await fillNetwork(bench.url, Number(values.nodes), DAYS);
  const t0 = performance.now();
  await db.query(`INSERT INTO wallet_hourly (wallet, hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count)
    SELECT n.wallet, m.hour, sum(m.waifu_micro), sum(m.llama_micro), sum(m.image_count), sum(m.text_count), sum(m.job_count), sum(m.success_count)
      FROM miner_hourly m JOIN nodes n USING (miner_id) GROUP BY 1, 2`);
  await db.query(`INSERT INTO hardware_hourly (hardware, model_id, hour, waifu_micro, llama_micro, job_count, success_count, latency_ms_sum)
    SELECT n.hardware, 'SDXL', m.hour, sum(m.waifu_micro), sum(m.llama_micro), sum(m.job_count), sum(m.success_count), sum(m.latency_ms_sum)
      FROM miner_hourly m JOIN nodes n USING (miner_id) GROUP BY 1, 2, 3`);
  await db.query("VACUUM ANALYZE");
  console.log(`wallet and GPU-model rollups derived in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  process.env.DATABASE_URL = bench.url;
  const { dailySeries } = await import("../../lib/server/queries/activity");
  const { compactRollups } = await import("../../lib/server/rollups/retention");
  const { pool: serverPool } = await import("../../lib/server/db");
  const wallet = (await db.query<{ wallet: string }>("SELECT wallet FROM nodes GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1")).rows[0]!.wallet;
  const chart = async (label: string) => {
    const ms: number[] = [];
    for (let i = 0; i < 60; i++) {
      const t = performance.now();
      await dailySeries("wallet", wallet, new Date(), DAYS);
      if (i >= 10) ms.push(performance.now() - t);
    }
    console.log(`${label}: a wallet's ${DAYS}-day chart p50 ${percentile(ms, 50).toFixed(2)} ms, p95 ${percentile(ms, 95).toFixed(2)} ms`);
  };

  const before = await sizes(db);
  line("before", before);
  await chart("before");

  const pool = new pg.Pool({ connectionString: bench.url, max: 2 });
  const perDay: number[] = [];
  let last = performance.now();
  const t1 = performance.now();
  const r = await compactRollups(pool, {
    days: KEEP,
    onDay: (day) => {
      const now = performance.now();
      perDay.push((now - last) / 1000);
      last = now;
      console.log(`  merged ${day.toISOString().slice(0, 10)} in ${perDay.at(-1)!.toFixed(1)} s`);
    },
  });
  const seconds = (performance.now() - t1) / 1000;
  console.log(
    `merged ${r.days} days (${r.hourRows.toLocaleString()} hour rows into ${r.dayRows.toLocaleString()} day rows) in ${seconds.toFixed(1)} s: ` +
      `${(r.hourRows / seconds).toLocaleString(undefined, { maximumFractionDigits: 0 })} hour rows/s, median ${percentile(perDay, 50).toFixed(1)} s per day`,
  );
  await db.query("VACUUM ANALYZE");
  line("after, VACUUM (space reusable)", await sizes(db));
  await chart("after");
  await db.query(`VACUUM FULL ${TABLES.join(", ")}`);
  line("after, VACUUM FULL (steady size)", await sizes(db));
  await pool.end();
  await serverPool().end();
} finally {
  await db.end().catch(() => undefined);
  bench.stop();
}
