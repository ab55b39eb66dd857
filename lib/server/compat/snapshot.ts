import "server-only";
import type pg from "pg";
import type { HeuristMinerDetail } from "@/lib/schemas/heurist-stats";
import { withTransaction } from "../db";
import { heuristStatsMiners } from "../generated/prisma/sql";
import { availabilityOf, heartbeatsSince } from "../heartbeats/availability";
import { availabilityWindow } from "../queries/availability-24h";
import { WINDOW_HOURS, windowStart } from "../queries/windows";
import { queryTyped } from "../typed-pg";
import { statusOf } from "./miner-stats";

// GET /prod/stats?details=true lists every miner ID of the network (40,000 and more): too much to
// read and serialize per request. The worker builds the whole answer once a minute into one row of
// heurist_stats_snapshot (decision 0033), and a read sends that text as it is. Its figures are the
// /api/v1 miner answer's: node totals, the last 24 hourly buckets of miner_hourly, and availability
// over the last 24 hours for the status.

/** pg advisory-lock namespace ("HE") and key ("HS"): one rebuild at a time, cluster-wide. */
const LOCK_CLASS = 0x4845;
const LOCK_KEY = 0x4853;

export interface HeuristStatsBuild {
  images: bigint;
  texts: bigint;
  miners: number;
  active: number;
  /** The details=true answer. */
  details: string;
}

/** Reads every miner ID's figures as of `now` and serializes the details=true answer (what each request would cost without the snapshot). */
export async function buildHeuristStats(client: pg.PoolClient, now: Date): Promise<HeuristStatsBuild> {
  const w = availabilityWindow(now);
  const online = await availabilityOf(null, w.from, w.to, await heartbeatsSince(client), client);
  const rows = await queryTyped(client, heuristStatsMiners(windowStart(now, WINDOW_HOURS["24h"])));
  let images = 0n;
  let texts = 0n;
  let active = 0;
  const minerDetails = rows.map((r): HeuristMinerDetail => {
    images += BigInt(r.images_24h);
    texts += BigInt(r.texts_24h);
    const status = statusOf({ onlineBuckets: online.get(r.miner_id)?.online ?? 0 });
    if (status === "active") active += 1;
    // miner_id first: Heurist's tools find a row by the text after its miner ID.
    return {
      miner_id: r.miner_id,
      hardware: r.hardware,
      total_image_count: r.images,
      total_text_count: r.texts,
      last_24_hours_image_count: r.images_24h,
      last_24_hours_text_count: r.texts_24h,
      status,
    };
  });
  // The network's counts come first and are followed by a comma (a tool reads them as the text up to it).
  const details = JSON.stringify({
    last24HrsImageCount: Number(images),
    last24HrsTextCount: Number(texts),
    minerCount: rows.length,
    activeMinerCount: active,
    asOf: now.toISOString(),
    minerDetails,
  });
  return { images, texts, miners: rows.length, active, details };
}

async function rebuild(client: pg.PoolClient, now: Date): Promise<void> {
  const started = performance.now();
  const b = await buildHeuristStats(client, now);
  await client.query(
    `INSERT INTO heurist_stats_snapshot (id, built_at, last24h_image_count, last24h_text_count, miner_count, active_miner_count, build_ms, details)
     VALUES (1, $1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO UPDATE SET built_at = $1, last24h_image_count = $2, last24h_text_count = $3, miner_count = $4,
       active_miner_count = $5, build_ms = $6, details = $7`,
    [now, b.images.toString(), b.texts.toString(), b.miners, b.active, Math.round(performance.now() - started), b.details],
  );
}

/**
 * Rebuilds the snapshot as of `now` in one transaction: the worker's task every minute (and
 * `npm run cli -- snapshots`). Under a cluster-wide advisory lock, a second worker waits for the
 * first and keeps its snapshot when it is at least as recent (returns false). Reads never call it.
 */
export async function rebuildHeuristStats(now = new Date()): Promise<boolean> {
  return withTransaction(async (client) => {
    await client.query("SET LOCAL statement_timeout = 120000");
    await client.query("SELECT pg_advisory_xact_lock($1, $2)", [LOCK_CLASS, LOCK_KEY]);
    const done = await client.query("SELECT 1 FROM heurist_stats_snapshot WHERE built_at >= $1", [now]);
    if (done.rows.length > 0) return false;
    await rebuild(client, now);
    return true;
  });
}
