// The synthetic full-size network of `npm run bench:market` and scripts/bench/snapshots.ts.
import pg from "pg";

/**
 * 40,000 (`nodes`) miner IDs over 11,000 wallets with `days` days of hourly rollups (nine hours in
 * ten busy), a day of heartbeats, a tenth staked and a fifth with a bribe: the network the market
 * and snapshot benchmarks run on. Written straight into the tables, not through ingestion.
 */
export async function fillNetwork(url: string, NODES: number, DAYS: number): Promise<void> {
  const db = new pg.Client(url);
  await db.connect();
  const t = performance.now();
  // 40,000 miner IDs over 11,000 wallets, as the read benchmark's network; GPUs from a short list.
  await db.query(`INSERT INTO wallets (address, first_seen_at) SELECT '0x' || lpad(to_hex(w), 40, '0'), now() - interval '60 days' FROM generate_series(1, 11000) w`);
  await db.query(
    `INSERT INTO nodes (miner_id, wallet, hardware, first_seen_at, last_seen_at, latency_ms_sum, latency_count)
     SELECT '0x' || lpad(to_hex(1 + i % 11000), 40, '0') || '-rig' || i,
            '0x' || lpad(to_hex(1 + i % 11000), 40, '0'),
            (ARRAY['NVIDIA GeForce RTX 4090', 'NVIDIA GeForce RTX 3090', 'NVIDIA A100 80GB PCIe', 'NVIDIA H100 80GB HBM3'])[1 + i % 4],
            now() - (i % 60) * interval '1 day', now(), 3000 + i % 5000, 1
       FROM generate_series(1, $1::int) i`,
    [NODES],
  );
  await db.query(
    `INSERT INTO miner_hourly (miner_id, hour, waifu_micro, llama_micro, image_count, job_count, success_count, latency_ms_sum)
     SELECT n.miner_id, h, 6000000 * (1 + abs(hashtext(n.miner_id)) % 20), 0, 1 + abs(hashtext(n.miner_id)) % 20,
            1 + abs(hashtext(n.miner_id)) % 20, abs(hashtext(n.miner_id)) % 20, 4000 * (1 + abs(hashtext(n.miner_id)) % 20)
       FROM nodes n CROSS JOIN generate_series(date_trunc('hour', now()) - ($1::int * 24 - 1) * interval '1 hour', date_trunc('hour', now()), interval '1 hour') h
      WHERE abs(hashtext(n.miner_id || h::text)) % 10 <> 0`,
    [DAYS],
  );
  await db.query(
    `INSERT INTO node_heartbeats (miner_id, day, buckets)
     SELECT miner_id, d::date, repeat(CASE WHEN abs(hashtext(miner_id)) % 7 = 0 THEN '10' ELSE '11' END, 144)::bit(288)
       FROM nodes CROSS JOIN generate_series(current_date - 1, current_date, interval '1 day') d`,
  );
  await db.query(`INSERT INTO heartbeat_coverage (id, since) VALUES (1, date_trunc('hour', now()) - interval '24 hours')`);
  await db.query(
    `INSERT INTO node_stakes (miner_id, stake_wei, block_number, updated_at)
     SELECT miner_id, (abs(hashtext(miner_id)) % 150000)::numeric * 1e18, 1, now() FROM nodes WHERE abs(hashtext(miner_id)) % 10 = 0`,
  );
  await db.query(`INSERT INTO stake_positions (miner_id, staker, token, amount_wei) SELECT miner_id, '0x' || lpad('5', 40, '0'), 0, stake_wei FROM node_stakes`);
  await db.query(
    `INSERT INTO bribe_changes (block_number, log_index, miner_id, operator, bps, effective_epoch, effective_at, set_at)
     SELECT row_number() OVER (), 0, miner_id, wallet, (abs(hashtext(miner_id)) % 40) * 100, 100, now() - interval '10 days', now() - interval '11 days'
       FROM nodes WHERE abs(hashtext(miner_id)) % 5 = 0`,
  );
  await db.query("ANALYZE");
  const { rows } = await db.query<{ n: string }>("SELECT count(*)::text AS n FROM miner_hourly");
  console.log(
    `Dataset: ${NODES.toLocaleString()} nodes, ${Number(rows[0]!.n).toLocaleString()} hourly rows over ${DAYS} days, filled in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  await db.end();
}
