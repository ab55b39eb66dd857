import "server-only";
import type pg from "pg";
import { bribeState } from "@/lib/market/bribes";
import { BUCKET_MS } from "@/lib/heartbeats/buckets";
import { availabilityPlan } from "@/lib/heartbeats/coverage";
import { scheduleAt } from "@/lib/points";
import { WEIGHT_ONE_PPM, epochOf } from "@/lib/rewards";
import { pool, withTransaction } from "../db";
import { TOKEN_ESHEU, TOKEN_HEU } from "../chain/events";
import { esheuWeightPpmFor } from "../epochs/config";
import { availabilityOf, heartbeatsSince } from "../heartbeats/availability";
import { rankSelectSql } from "./ranks";
import { changesByNode, type BribeChangeRow } from "../queries/bribes";
import { chainTime, indexedHead } from "../queries/chain-status";
import { getTokenRate } from "../queries/token-rate";
import { windowStart } from "../queries/windows";

// The staking market as one snapshot (market_snapshot + market_snapshot_meta): every node with
// its bribe state, stake by token (and as the bribe split weighs it), availability and on-time rate over 24 h / 7 d / 30 d, 7-day
// points and latency, plus the HEU-per-point rate it is priced at. Rebuilt in one transaction, so
// every server reads the same rows and a reader sees the old snapshot or the new one, never a mix.
// Only the worker writes it (rebuildMarketSnapshot); lib/server/market/query.ts reads it.

/** pg advisory-lock namespace ("HE") and key: one rebuild at a time, cluster-wide. */
const LOCK_CLASS = 0x4845;
const LOCK_KEY = 0x4d4b; // "MK"

const SNAPSHOT_COLUMNS = [
  "miner_id",
  "wallet",
  "hardware",
  "first_seen_at",
  "last_seen_at",
  "bribe_bps",
  "pending_bribe_bps",
  "pending_epoch",
  "pending_at",
  "forward_bribe_bps",
  "last_change_bps",
  "last_change_set_at",
  "last_change_at",
  "cut_from_bps",
  "cut_to_bps",
  "cut_at",
  "cut_pending",
  "stake_wei",
  "stake_heu_wei",
  "stake_esheu_wei",
  "stake_heu",
  "split_stake_heu",
  "online_24h",
  "online_7d",
  "online_30d",
  "jobs_24h",
  "jobs_7d",
  "jobs_30d",
  "on_time_24h",
  "on_time_7d",
  "on_time_30d",
  "on_time_rate_7d",
  "waifu_micro_7d",
  "llama_micro_7d",
  "latency_ms",
];

export const MARKET_WINDOWS = { "24h": 24, "7d": 7 * 24, "30d": 30 * 24 } as const;
const HOUR_MS = 3_600_000;

async function bribeColumns(client: pg.PoolClient, now: Date) {
  // The rebuild writes what it reads: the primary, never the read replica.
  const head = await indexedHead(client);
  const { rows } = await client.query<Omit<BribeChangeRow, "block_number"> & { block_number: string }>(
    `SELECT miner_id, bps, effective_epoch, effective_at, set_at, block_number::text, log_index FROM bribe_changes`,
  );
  const at = chainTime(head, now).getTime();
  // pg reads a bigint as text: the same rows as the typed query's once the block number is one.
  const byNode = changesByNode(rows.map((r) => ({ ...r, block_number: BigInt(r.block_number) })));
  const cols = { id: [] as string[], bribe: [] as (number | null)[], pending: [] as (number | null)[], pendingEpoch: [] as (number | null)[], pendingAt: [] as (Date | null)[] };
  const more = {
    lastBps: [] as number[],
    lastSetAt: [] as Date[],
    lastAt: [] as Date[],
    cutFrom: [] as (number | null)[],
    cutTo: [] as (number | null)[],
    cutAt: [] as (Date | null)[],
    cutPending: [] as (boolean | null)[],
  };
  for (const [id, changes] of byNode) {
    const s = bribeState(changes, at);
    const last = s.history[0]!; // newest set first
    cols.id.push(id);
    cols.bribe.push(s.currentBps);
    cols.pending.push(s.pending?.bps ?? null);
    cols.pendingEpoch.push(s.pending?.effectiveEpoch ?? null);
    cols.pendingAt.push(s.pending ? new Date(s.pending.effectiveAt) : null);
    more.lastBps.push(last.bps);
    more.lastSetAt.push(new Date(last.setAt));
    more.lastAt.push(new Date(last.effectiveAt));
    more.cutFrom.push(s.recentCut?.fromBps ?? null);
    more.cutTo.push(s.recentCut?.toBps ?? null);
    more.cutAt.push(s.recentCut ? new Date(s.recentCut.effectiveAt) : null);
    more.cutPending.push(s.recentCut?.pending ?? null);
  }
  return { ...cols, ...more };
}

async function rebuild(client: pg.PoolClient, now: Date): Promise<{ nodes: number }> {
  const started = performance.now();
  const to = new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS);
  const since = await heartbeatsSince(client);
  const windows = Object.entries(MARKET_WINDOWS).map(([name, hours]) => {
    const from = new Date(to.getTime() - hours * HOUR_MS);
    return { name, from, plan: availabilityPlan(from, to, since) };
  });
  // One statement at a time on the transaction's client.
  const avail: Awaited<ReturnType<typeof availabilityOf>>[] = [];
  for (const w of windows) avail.push(await availabilityOf(null, w.from, to, since, client));
  const bribes = await bribeColumns(client, now);
  const rate = await getTokenRate(now, pool());
  const esheuWeightPpm = await esheuWeightPpmFor(client, epochOf(now));
  const ids = [...new Set(avail.flatMap((m) => [...m.keys()]))];
  const onlineOf = (i: number) => ids.map((id) => avail[i]!.get(id)?.online ?? 0);

  // Each order numbered once here, at the rates this snapshot prices with (yield at the default stake).
  const ranks = rankSelectSql(scheduleAt(now).stakeCurve, { waifu: rate ? `${rate.waifu}::float8` : "NULL::float8", llama: rate ? `${rate.llama}::float8` : "NULL::float8" });
  await client.query("DELETE FROM market_snapshot");
  const { rowCount } = await client.query(
    `WITH hourly AS (
       SELECT miner_id,
              sum(job_count) FILTER (WHERE hour >= $1)::int AS jobs_24h, sum(success_count) FILTER (WHERE hour >= $1)::int AS ok_24h,
              sum(job_count) FILTER (WHERE hour >= $2)::int AS jobs_7d, sum(success_count) FILTER (WHERE hour >= $2)::int AS ok_7d,
              sum(job_count)::int AS jobs_30d, sum(success_count)::int AS ok_30d,
              sum(waifu_micro) FILTER (WHERE hour >= $2) AS waifu_7d, sum(llama_micro) FILTER (WHERE hour >= $2) AS llama_7d,
              percentile_disc(0.5) WITHIN GROUP (ORDER BY latency_ms_sum / job_count) FILTER (WHERE hour >= $2 AND job_count > 0) AS latency
         FROM miner_hourly WHERE hour >= $3 GROUP BY miner_id),
     stakes AS (
       SELECT miner_id, sum(amount_wei) FILTER (WHERE token = ${TOKEN_HEU}) AS heu, sum(amount_wei) FILTER (WHERE token = ${TOKEN_ESHEU}) AS esheu
         FROM stake_positions GROUP BY miner_id),
     avail AS (SELECT * FROM unnest($4::text[], $5::int[], $6::int[], $7::int[]) AS a(miner_id, o24, o7, o30)),
     bribe AS (
       SELECT * FROM unnest($8::text[], $9::int[], $10::int[], $11::int[], $12::timestamptz[], $13::int[], $14::timestamptz[], $15::timestamptz[],
                            $16::int[], $17::int[], $18::timestamptz[], $19::bool[])
         AS b(miner_id, bribe, pending, pending_epoch, pending_at, last_bps, last_set_at, last_at, cut_from, cut_to, cut_at, cut_pending)),
     node_rows AS (
       SELECT n.miner_id, n.wallet, n.hardware, n.first_seen_at, n.last_seen_at,
              b.bribe AS bribe_bps, b.pending AS pending_bribe_bps, b.pending_epoch, b.pending_at, coalesce(b.pending, b.bribe) AS forward_bribe_bps,
              b.last_bps AS last_change_bps, b.last_set_at AS last_change_set_at, b.last_at AS last_change_at,
              b.cut_from AS cut_from_bps, b.cut_to AS cut_to_bps, b.cut_at, b.cut_pending,
              coalesce(s.stake_wei, 0) AS stake_wei, coalesce(st.heu, 0) AS stake_heu_wei, coalesce(st.esheu, 0) AS stake_esheu_wei,
              coalesce(s.stake_wei, 0)::float8 / 1e18 AS stake_heu,
              ((coalesce(st.heu, 0) + coalesce(st.esheu, 0) * $20::numeric / ${WEIGHT_ONE_PPM}) / 1e18)::float8 AS split_stake_heu,
              coalesce(a.o24, 0) AS online_24h, coalesce(a.o7, 0) AS online_7d, coalesce(a.o30, 0) AS online_30d,
              coalesce(h.jobs_24h, 0) AS jobs_24h, coalesce(h.jobs_7d, 0) AS jobs_7d, coalesce(h.jobs_30d, 0) AS jobs_30d,
              coalesce(h.ok_24h, 0) AS on_time_24h, coalesce(h.ok_7d, 0) AS on_time_7d, coalesce(h.ok_30d, 0) AS on_time_30d,
              h.ok_7d::float8 / nullif(h.jobs_7d, 0) AS on_time_rate_7d,
              coalesce(h.waifu_7d, 0) AS waifu_micro_7d, coalesce(h.llama_7d, 0) AS llama_micro_7d, h.latency::int AS latency_ms
         FROM nodes n
         LEFT JOIN node_stakes s USING (miner_id)
         LEFT JOIN stakes st USING (miner_id)
         LEFT JOIN hourly h USING (miner_id)
         LEFT JOIN avail a USING (miner_id)
         LEFT JOIN bribe b USING (miner_id))
     INSERT INTO market_snapshot (${SNAPSHOT_COLUMNS.join(", ")}, ${ranks.columns.join(", ")})
     SELECT ${SNAPSHOT_COLUMNS.map((c) => `s.${c}`).join(", ")}, ${ranks.exprs.join(", ")} FROM node_rows s`,
    [
      windowStart(now, MARKET_WINDOWS["24h"]),
      windowStart(now, MARKET_WINDOWS["7d"]),
      windowStart(now, MARKET_WINDOWS["30d"]),
      ids,
      onlineOf(0),
      onlineOf(1),
      onlineOf(2),
      bribes.id,
      bribes.bribe,
      bribes.pending,
      bribes.pendingEpoch,
      bribes.pendingAt,
      bribes.lastBps,
      bribes.lastSetAt,
      bribes.lastAt,
      bribes.cutFrom,
      bribes.cutTo,
      bribes.cutAt,
      bribes.cutPending,
      esheuWeightPpm,
    ],
  );
  const nodes = rowCount ?? 0;
  const [w24, w7, w30] = windows.map((w) => w.plan);
  await client.query(
    `INSERT INTO market_snapshot_meta (id, built_at, window_end, buckets_24h, buckets_7d, buckets_30d,
       heartbeat_buckets_24h, heartbeat_buckets_7d, heartbeat_buckets_30d, schedule_id, rate_waifu, rate_llama, rate_source, rate_epoch, rate_as_of, nodes, build_ms,
       esheu_weight_ppm, gpus)
     VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
       (SELECT coalesce(array_agg(DISTINCT hardware ORDER BY hardware), '{}') FROM market_snapshot WHERE hardware IS NOT NULL AND hardware <> 'unknown'))
     ON CONFLICT (id) DO UPDATE SET built_at = $1, window_end = $2, buckets_24h = $3, buckets_7d = $4, buckets_30d = $5,
       heartbeat_buckets_24h = $6, heartbeat_buckets_7d = $7, heartbeat_buckets_30d = $8, schedule_id = $9, rate_waifu = $10, rate_llama = $11,
       rate_source = $12, rate_epoch = $13, rate_as_of = $14, nodes = $15, build_ms = $16, esheu_weight_ppm = $17, gpus = excluded.gpus`,
    [
      now,
      to,
      w24!.buckets,
      w7!.buckets,
      w30!.buckets,
      w24!.heartbeatBuckets,
      w7!.heartbeatBuckets,
      w30!.heartbeatBuckets,
      scheduleAt(now).id,
      rate?.waifu ?? null,
      rate?.llama ?? null,
      rate?.source ?? null,
      rate?.epoch ?? null,
      rate ? new Date(rate.asOf) : null,
      nodes,
      Math.round(performance.now() - started),
      esheuWeightPpm,
    ],
  );
  return { nodes };
}

/**
 * Rebuilds the snapshot as of `now` in one transaction (readers see the old one or the new one):
 * the worker's market task, every MARKET_REFRESH_SECONDS. Under a cluster-wide advisory lock, a
 * second worker waits for the first and keeps its snapshot when it is at least as recent (returns
 * false). Idempotent. Reads never call it.
 */
export async function rebuildMarketSnapshot(now = new Date()): Promise<boolean> {
  return withTransaction(async (client) => {
    // A rebuild at 40,000 nodes reads 30 days of rollups: more than a page's statement timeout.
    await client.query("SET LOCAL statement_timeout = 120000");
    await client.query(`SELECT pg_advisory_xact_lock($1, $2)`, [LOCK_CLASS, LOCK_KEY]);
    const done = await client.query(`SELECT 1 FROM market_snapshot_meta WHERE built_at >= $1`, [now]);
    if (done.rows.length > 0) return false;
    await rebuild(client, now);
    return true;
  });
}
