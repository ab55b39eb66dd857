// Fills a database with a synthetic ledger of `rows` entries over 40,000 miner IDs and 11,000 wallets,
// with SQL (generate_series), not HTTP: minutes for 10 M rows instead of hours. Rollups are then
// built from the ledger exactly as ingestion would have left them.
import pg from "pg";
import { fillLedger } from "./fill-ledger";

export const BENCH_WALLETS = 11_000;
export const BENCH_NODES = 40_000;
export const WHALE_GPUS = 2_500;
export const WHALE = `0x${"ab".repeat(20)}`;

const HARDWARE = ["NVIDIA GeForce RTX 4090", "NVIDIA GeForce RTX 3090", "NVIDIA A100 80GB PCIe", "NVIDIA GeForce RTX 4080", "NVIDIA RTX A5000", "NVIDIA H100 80GB HBM3"];

/** GPUs per wallet: one 2,500-GPU whale, a heavy tail, and thousands of single-GPU miners. */
function gpuCounts(): number[] {
  const counts = [WHALE_GPUS];
  let left = BENCH_NODES - WHALE_GPUS;
  for (let w = 1; w < BENCH_WALLETS; w++) {
    const walletsLeft = BENCH_WALLETS - w;
    // Zipf-like: wallet w gets ~ 1000/w^0.75 GPUs (median 2), never fewer than 1, never starving the rest.
    const n = Math.max(1, Math.min(left - (walletsLeft - 1), Math.round(1000 / w ** 0.75)));
    counts.push(n);
    left -= n;
  }
  counts[counts.length - 1]! += left;
  return counts;
}

function walletAddress(i: number): string {
  return i === 0 ? WHALE : `0x${i.toString(16).padStart(40, "0")}`;
}

export async function generateDataset(url: string, rows: number, log: (line: string) => void): Promise<{ whale: string; sampleMiners: string[] }> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off; SET maintenance_work_mem = '1GB'; SET work_mem = '256MB'");
    const counts = gpuCounts();
    const wallets = counts.map((_, i) => walletAddress(i));
    const nodeWallet: string[] = [];
    const nodeIds: string[] = [];
    counts.forEach((n, w) => {
      for (let g = 0; g < n; g++) {
        nodeWallet.push(wallets[w]!);
        nodeIds.push(`${wallets[w]}-g${g.toString(36)}`);
      }
    });
    log(`  ${wallets.length} wallets, ${nodeIds.length} miner IDs (largest wallet ${counts[0]} GPUs)`);
    await client.query("INSERT INTO wallets (address, first_seen_at) SELECT a, now() - interval '30 days' FROM unnest($1::text[]) a", [wallets]);
    await client.query(
      `INSERT INTO nodes (miner_id, wallet, hardware, first_seen_at, last_seen_at)
       SELECT id, w, ($3::text[])[1 + (ord % ${HARDWARE.length})], now() - interval '30 days' + ord * interval '1 second', now()
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS t(id, w, ord)`,
      [nodeIds, nodeWallet, HARDWARE],
    );
    await client.query("CREATE TEMP TABLE node_index AS SELECT (row_number() OVER (ORDER BY miner_id) - 1)::int AS idx, miner_id, wallet, hardware FROM nodes");
    await client.query("CREATE INDEX ON node_index (idx)");

    const t0 = performance.now();
    // Each entry goes to a node picked by hashing its number; times fall anywhere in the last week.
    const pickNode = "JOIN node_index ni ON ni.idx = (hashint8(g) & 2147483647) % $3";
    const shape = {
      jobPrefix: "bench-",
      minerId: "ni.miner_id",
      wallet: "ni.wallet",
      occurredAt: "now() - random() * interval '7 days'",
      from: pickNode,
      params: [nodeIds.length],
    };
    await fillLedger(client, rows, shape, (written) => log(`  ledger: ${written.toLocaleString()} rows`));
    log(`  ledger and its indexes in ${((performance.now() - t0) / 1000).toFixed(0)} s; building rollups…`);

    const sum = (type: string, t = "") => `coalesce(sum(${t}points_micro) FILTER (WHERE ${t}point_type = '${type}'), 0)`;
    await client.query(`INSERT INTO miner_hourly (miner_id, hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count, latency_ms_sum)
      SELECT miner_id, date_trunc('hour', occurred_at), ${sum("waifu")}, ${sum("llama")},
             count(*) FILTER (WHERE point_type = 'waifu'), count(*) FILTER (WHERE point_type = 'llama'), count(*), count(*), count(*) * 4000
        FROM ledger_entries GROUP BY 1, 2`);
    await client.query(`INSERT INTO wallet_hourly (wallet, hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count)
      SELECT split_part(miner_id, '-', 1), hour, sum(waifu_micro), sum(llama_micro), sum(image_count), sum(text_count), sum(job_count), sum(success_count)
        FROM miner_hourly GROUP BY 1, 2`);
    await client.query(`INSERT INTO hardware_hourly (hardware, model_id, hour, waifu_micro, llama_micro, job_count, success_count, latency_ms_sum)
      SELECT ni.hardware, l.model_id, date_trunc('hour', l.occurred_at), ${sum("waifu", "l.")}, ${sum("llama", "l.")}, count(*), count(*), count(*) * 4000
        FROM ledger_entries l JOIN node_index ni USING (miner_id) GROUP BY 1, 2, 3`);
    await client.query(`INSERT INTO wallet_model_daily (wallet, day, model_id, point_type, points_micro, job_count, success_count)
      SELECT wallet, occurred_at::date, model_id, min(point_type::text)::"PointType", sum(points_micro), count(*), count(*)
        FROM ledger_entries GROUP BY 1, 2, 3`);
    // The settlement buckets every ledger writer adds to (decision 0020): the open epoch reads them.
    // Nothing is settled here, so each entry is in its own epoch's bucket (lib/rewards epochOf).
    await client.query(`INSERT INTO epoch_miner_points (epoch, miner_id, wallet, waifu_micro, llama_micro)
      SELECT floor((extract(epoch FROM hour) - 86400) / 604800)::int, miner_id, split_part(miner_id, '-', 1), sum(waifu_micro), sum(llama_micro)
        FROM miner_hourly GROUP BY 1, 2`);
    // The router's heartbeats, as a live network sends them (every 5-minute bucket of an hour in which
    // the GPU had a job), from the dataset's first day: availability reads these, not the job-hours
    // fallback that covers only the history before heartbeats began.
    await client.query(`INSERT INTO node_heartbeats (miner_id, day, buckets)
      SELECT miner_id, day, (SELECT string_agg(CASE WHEN h = ANY(hours) THEN '111111111111' ELSE '000000000000' END, '' ORDER BY h)
                               FROM generate_series(0, 23) h)::bit(288)
        FROM (SELECT miner_id, (hour AT TIME ZONE 'UTC')::date AS day, array_agg(extract(hour FROM hour AT TIME ZONE 'UTC')::int) AS hours
                FROM miner_hourly GROUP BY 1, 2) d`);
    await client.query(`INSERT INTO heartbeat_coverage (id, since) SELECT 1, (min(day)::timestamp AT TIME ZONE 'UTC') FROM node_heartbeats`);
    await client.query(`UPDATE nodes n SET total_waifu_micro = s.w, total_llama_micro = s.l, image_count = s.i, text_count = s.t,
                              latency_ms_sum = s.lat, latency_count = s.ok
      FROM (SELECT miner_id, sum(waifu_micro) w, sum(llama_micro) l, sum(image_count) i, sum(text_count) t, sum(latency_ms_sum) lat, sum(success_count) ok
              FROM miner_hourly GROUP BY 1) s
     WHERE s.miner_id = n.miner_id`);
    await client.query("VACUUM ANALYZE");
    log(`  dataset ready in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    const sample = await client.query<{ miner_id: string }>("SELECT miner_id FROM node_index WHERE idx % 97 = 0 LIMIT 400");
    return { whale: WHALE, sampleMiners: sample.rows.map((r) => r.miner_id) };
  } finally {
    await client.end();
  }
}
