import "server-only";
import type pg from "pg";
import { rollupHour } from "./hour";

// The one writer of the rollups (decision 0024): nodes' totals, miner_hourly, wallet_hourly,
// wallet_model_daily, hardware_hourly and the settlement buckets (epoch_miner_points), folded from
// ingest_deltas. Every aggregate is a sum, a count, a min or a max, so the result is the same
// whatever the order deltas are folded in.

/** The fold lock (namespace "FO"): one folder at a time, and settlement folds under it too. */
const FOLD_CLASS = 0x464f;
/** Taken inside a transaction: it waits for a fold in progress and keeps the next one out until COMMIT. */
export const FOLD_LOCK_SQL = `SELECT pg_advisory_xact_lock(${FOLD_CLASS}, 1)`;
/** Delta rows per fold transaction (each holds up to 1,000 entries). */
export const FOLD_DELTAS_PER_PASS = 100;

/** The entries of a set of ingest_deltas rows `t`, one row each, with their rollup hour (./hour.ts). */
const ENTRIES = (from: string) => `
  SELECT t.is_job, u.miner_id, u.wallet, u.model_id, u.hardware, u.occurred_at, u.point_type, u.points, u.success, u.image, u.latency_ms,
         u.bucket, u.late, ${rollupHour("u.occurred_at")} AS hour
    FROM ${from} t CROSS JOIN LATERAL unnest(t.miner_ids, t.wallets, t.model_ids, t.hardware, t.occurred_at, t.point_types, t.points_micro,
                                             t.successes, t.images, t.latency_ms, t.buckets, t.late)
         AS u(miner_id, wallet, model_id, hardware, occurred_at, point_type, points, success, image, latency_ms, bucket, late)`;

const WAIFU = "coalesce(sum(points) FILTER (WHERE point_type = 'waifu'), 0)";
const LLAMA = "coalesce(sum(points) FILTER (WHERE point_type = 'llama'), 0)";
const JOBS = "count(*) FILTER (WHERE is_job)";
const OK = "count(*) FILTER (WHERE is_job AND success)";
const IMAGES = "count(*) FILTER (WHERE is_job AND success AND image)";
const TEXTS = "count(*) FILTER (WHERE is_job AND success AND NOT image)";
const LATENCY = "coalesce(sum(latency_ms) FILTER (WHERE is_job AND success), 0)";
const add = (t: string, cols: string[]) => cols.map((c) => `${c} = ${t}.${c} + excluded.${c}`).join(", ");

/**
 * Each rollup as a SELECT over entries `e`: what folding adds to it. `verify` reads the same
 * SELECTs over the pending deltas, so ledger = rollups + pending is checked with the folder's own rules.
 */
export const ROLLUP_DELTAS = {
  miner_hourly: `SELECT miner_id, hour, ${WAIFU} AS waifu_micro, ${LLAMA} AS llama_micro, ${IMAGES} AS image_count, ${TEXTS} AS text_count,
                        ${JOBS} AS job_count, ${OK} AS success_count, ${LATENCY} AS latency_ms_sum
                   FROM e GROUP BY miner_id, hour`,
  wallet_hourly: `SELECT wallet, hour, ${WAIFU} AS waifu_micro, ${LLAMA} AS llama_micro, ${IMAGES} AS image_count, ${TEXTS} AS text_count,
                         ${JOBS} AS job_count, ${OK} AS success_count
                    FROM e GROUP BY wallet, hour`,
  wallet_model_daily: `SELECT wallet, (occurred_at AT TIME ZONE 'UTC')::date AS day, model_id, min(point_type) AS point_type, sum(points) AS points_micro,
                              count(*) AS job_count, count(*) FILTER (WHERE success) AS success_count
                         FROM e WHERE is_job GROUP BY 1, 2, 3`,
  hardware_hourly: `SELECT coalesce(hardware, 'unknown') AS hardware, model_id, hour, ${WAIFU} AS waifu_micro, ${LLAMA} AS llama_micro,
                           count(*) AS job_count, count(*) FILTER (WHERE success) AS success_count, ${LATENCY} AS latency_ms_sum
                      FROM e WHERE is_job GROUP BY 1, 2, 3`,
  epoch_miner_points: `SELECT bucket AS epoch, miner_id, min(wallet) AS wallet, ${WAIFU} AS waifu_micro, ${LLAMA} AS llama_micro,
                              coalesce(sum(points) FILTER (WHERE late), 0) AS late_micro, coalesce(sum(points) FILTER (WHERE NOT is_job), 0) AS adjust_micro
                         FROM e GROUP BY bucket, miner_id`,
  nodes: `SELECT miner_id, ${WAIFU} AS total_waifu_micro, ${LLAMA} AS total_llama_micro, ${IMAGES} AS image_count, ${TEXTS} AS text_count,
                 count(*) FILTER (WHERE is_job AND NOT success) AS failed_count, ${LATENCY} AS latency_ms_sum, ${OK} AS latency_count,
                 min(occurred_at) FILTER (WHERE is_job) AS first_at, max(occurred_at) FILTER (WHERE is_job) AS last_at,
                 -- The hardware of the latest job; ties broken by the value, so no order decides it.
                 (array_agg(hardware ORDER BY occurred_at DESC, hardware DESC NULLS LAST) FILTER (WHERE is_job))[1] AS hw
            FROM e GROUP BY miner_id`,
} as const;

/** The pending deltas as entries `e`, for readers that add them to the rollups (verify). */
export const PENDING_ENTRIES = ENTRIES("ingest_deltas");

const FOLD_SQL = `
  WITH taken AS (
    DELETE FROM ingest_deltas WHERE id IN (
      SELECT id FROM ingest_deltas WHERE $2::bigint IS NULL OR id <= $2 ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
    RETURNING *),
  e AS MATERIALIZED (${ENTRIES("taken")}),
  n AS (
    UPDATE nodes n SET
      hardware = CASE WHEN d.last_at IS NULL THEN n.hardware
                      WHEN d.last_at >= n.last_seen_at THEN COALESCE(d.hw, n.hardware) ELSE COALESCE(n.hardware, d.hw) END,
      first_seen_at = LEAST(n.first_seen_at, d.first_at), last_seen_at = GREATEST(n.last_seen_at, d.last_at),
      ${add("n", ["total_waifu_micro", "total_llama_micro", "image_count", "text_count", "failed_count", "latency_ms_sum", "latency_count"]).replaceAll("excluded.", "d.")}
      FROM (${ROLLUP_DELTAS.nodes}) d WHERE n.miner_id = d.miner_id
    RETURNING 1),
  mh AS (
    INSERT INTO miner_hourly AS t (miner_id, hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count, latency_ms_sum)
    ${ROLLUP_DELTAS.miner_hourly} ORDER BY 1, 2
    ON CONFLICT (miner_id, hour) DO UPDATE SET
      ${add("t", ["waifu_micro", "llama_micro", "image_count", "text_count", "job_count", "success_count", "latency_ms_sum"])}
    RETURNING 1),
  wh AS (
    INSERT INTO wallet_hourly AS t (wallet, hour, waifu_micro, llama_micro, image_count, text_count, job_count, success_count)
    ${ROLLUP_DELTAS.wallet_hourly} ORDER BY 1, 2
    ON CONFLICT (wallet, hour) DO UPDATE SET ${add("t", ["waifu_micro", "llama_micro", "image_count", "text_count", "job_count", "success_count"])}
    RETURNING 1),
  wm AS (
    INSERT INTO wallet_model_daily AS t (wallet, day, model_id, point_type, points_micro, job_count, success_count)
    ${ROLLUP_DELTAS.wallet_model_daily} ORDER BY 1, 2, 3
    ON CONFLICT (wallet, day, model_id) DO UPDATE SET ${add("t", ["points_micro", "job_count", "success_count"])}
    RETURNING 1),
  hh AS (
    INSERT INTO hardware_hourly AS t (hardware, model_id, hour, waifu_micro, llama_micro, job_count, success_count, latency_ms_sum)
    ${ROLLUP_DELTAS.hardware_hourly} ORDER BY 1, 2, 3
    ON CONFLICT (hardware, model_id, hour) DO UPDATE SET ${add("t", ["waifu_micro", "llama_micro", "job_count", "success_count", "latency_ms_sum"])}
    RETURNING 1),
  ep AS (
    INSERT INTO epoch_miner_points AS t (epoch, miner_id, wallet, waifu_micro, llama_micro, late_micro, adjust_micro)
    ${ROLLUP_DELTAS.epoch_miner_points} ORDER BY 1, 2
    ON CONFLICT (epoch, miner_id) DO UPDATE SET wallet = LEAST(t.wallet, excluded.wallet),
      ${add("t", ["waifu_micro", "llama_micro", "late_micro", "adjust_micro"])}
    RETURNING 1)
  SELECT (SELECT count(*) FROM taken)::int AS deltas, (SELECT count(*) FROM e)::int AS entries,
         (SELECT count(*) FROM n) + (SELECT count(*) FROM mh) + (SELECT count(*) FROM wh) + (SELECT count(*) FROM wm)
           + (SELECT count(*) FROM hh) + (SELECT count(*) FROM ep) AS rows`;

export interface FoldResult {
  /** Delta rows consumed. */
  deltas: number;
  /** Ledger entries they held. */
  entries: number;
}

/**
 * Folds up to `limit` pending delta rows in one transaction under the fold lock: deleted and added
 * to every rollup together, so a crash mid-fold leaves them pending, never half-counted.
 */
export async function foldOnce(pool: pg.Pool, limit = FOLD_DELTAS_PER_PASS, upTo: string | null = null): Promise<FoldResult> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(FOLD_LOCK_SQL);
    const { rows } = await client.query<{ deltas: number; entries: number }>(FOLD_SQL, [limit, upTo]);
    await client.query("COMMIT");
    return { deltas: rows[0]!.deltas, entries: rows[0]!.entries };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/**
 * Folds every delta committed when it is called (settlement, tests, `cli fold`), not those written
 * meanwhile: under steady ingestion "until none is pending" would never end. After an epoch's close
 * (no writer in flight) that is every delta written before the close: ids are taken inside the
 * writers' transactions, so every later writer's ids are higher. Returns what it folded.
 */
export async function foldAll(pool: pg.Pool, signal?: AbortSignal): Promise<FoldResult> {
  const total: FoldResult = { deltas: 0, entries: 0 };
  const { rows } = await pool.query<{ last: string | null }>("SELECT max(id)::text AS last FROM ingest_deltas");
  const last = rows[0]!.last;
  if (last === null) return total;
  for (;;) {
    signal?.throwIfAborted();
    const r = await foldOnce(pool, FOLD_DELTAS_PER_PASS, last);
    total.deltas += r.deltas;
    total.entries += r.entries;
    if (r.deltas === 0) return total;
  }
}

export interface FoldLag {
  /** Delta rows waiting. */
  pending: number;
  /** When the oldest waiting one was written (null: nothing pending). */
  oldest: Date | null;
}

/** What is waiting to be folded: the rollups are complete up to `oldest` (or now). */
export async function foldLag(client: pg.Pool | pg.PoolClient): Promise<FoldLag> {
  const { rows } = await client.query<{ pending: number; oldest: Date | null }>("SELECT count(*)::int AS pending, min(created_at) AS oldest FROM ingest_deltas");
  return rows[0]!;
}
