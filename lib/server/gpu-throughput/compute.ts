import "server-only";
import { availabilityPlan, coverageStart } from "@/lib/heartbeats/coverage";
import { summarizeThroughput, type KindRow, type ModelRow } from "@/lib/estimator/summarize-throughput";
import type { NetworkThroughput } from "@/lib/estimator/types";
import type pg from "pg";
import { heartbeatsSince } from "../heartbeats/availability";
import { hourFloor } from "../queries/windows";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

// What each GPU model's devices did per hour they were online (docs/decisions/0015): per device and
// day of the window, its successful jobs and points (miner_hourly) and the 5-minute buckets it was
// online (node_heartbeats; before the router's heartbeats began, hours with a received job, as
// availabilityOf counts them), folded per GPU model and kind of work with the spread across
// device-days. A device's kind is the kind of most of its jobs in the window (a node runs an image
// or an LLM worker). A device-day with jobs but no time online (a node the router did not report)
// is left out whole: its points would otherwise count against no hours. Reads rollups only.
const KIND_SQL = `
  WITH hb AS (
    SELECT r.w, h.miner_id, sum(bit_count(substring(h.buckets FROM r.start FOR r.length)))::int AS online
      FROM unnest($1::int[], $2::date[], $3::int[], $4::int[]) AS r(w, day, start, length)
      JOIN node_heartbeats h ON h.day = r.day
     GROUP BY 1, 2),
  act AS (
    SELECT floor(extract(epoch FROM m.hour - $5::timestamptz) / 86400)::int AS w, m.miner_id,
           sum(m.success_count) AS successes, sum(m.image_count) AS images, sum(m.text_count) AS texts,
           sum(m.waifu_micro + m.llama_micro) AS micro,
           (count(*) FILTER (WHERE m.job_count > 0 AND m.hour < $7::timestamptz) * 12)::int AS job_online
      FROM miner_hourly m WHERE m.hour >= $5 AND m.hour < $6
     GROUP BY 1, 2),
  dd AS (
    SELECT coalesce(hb.w, act.w) AS w, coalesce(hb.miner_id, act.miner_id) AS miner_id,
           coalesce(hb.online, 0) + coalesce(act.job_online, 0) AS online,
           coalesce(act.successes, 0) AS successes, coalesce(act.images, 0) AS images,
           coalesce(act.texts, 0) AS texts, coalesce(act.micro, 0) AS micro
      FROM hb FULL JOIN act ON act.w = hb.w AND act.miner_id = hb.miner_id),
  dev AS (
    SELECT dd.*, n.hardware,
           CASE WHEN sum(dd.images) OVER d > 0 AND sum(dd.images) OVER d >= sum(dd.texts) OVER d THEN 'image'
                WHEN sum(dd.texts) OVER d > 0 THEN 'llm' ELSE 'none' END AS kind
      FROM dd JOIN nodes n USING (miner_id)
     WHERE n.hardware IS NOT NULL
    WINDOW d AS (PARTITION BY dd.miner_id))
  SELECT hardware, CASE WHEN grouping(kind) = 1 THEN NULL ELSE kind END AS kind,
         (count(DISTINCT miner_id) FILTER (WHERE online > 0))::int AS devices,
         (count(DISTINCT w) FILTER (WHERE online > 0))::int AS days,
         (count(*) FILTER (WHERE online > 0))::int AS device_days,
         sum(online)::int AS online,
         coalesce(sum(successes) FILTER (WHERE online > 0), 0)::text AS successes,
         coalesce(sum(micro) FILTER (WHERE online > 0), 0)::text AS micro,
         percentile_cont(ARRAY[0.25, 0.75]) WITHIN GROUP (ORDER BY successes * 12.0 / online) FILTER (WHERE online >= 12) AS jobs_q,
         percentile_cont(ARRAY[0.25, 0.75]) WITHIN GROUP (ORDER BY micro * 288.0 / online) FILTER (WHERE online >= 12) AS micro_day_q
    FROM dev
   GROUP BY GROUPING SETS ((hardware, kind), (hardware))`;

const MODEL_SQL = `
  SELECT hardware, model_id, sum(success_count)::text AS successes, sum(waifu_micro + llama_micro)::text AS micro
    FROM hardware_hourly WHERE hour >= $1 AND hour < $2 AND hardware <> 'unknown'
   GROUP BY 1, 2`;

/** The window: the last `days` × 24 whole hours before the current (partial) hour. */
export function throughputWindow(now: Date, days: number): { from: Date; to: Date } {
  const to = hourFloor(now);
  return { from: new Date(to.getTime() - days * DAY_MS), to };
}

/**
 * Computes GPU models' throughput per hour online over the last `days` days (2–4 s at 4,000 nodes):
 * only the worker calls it, to build the snapshot pages read (lib/server/gpu-throughput/snapshot.ts).
 */
export async function computeGpuThroughput(now: Date, days: number, db: Pick<pg.Pool, "query">): Promise<NetworkThroughput> {
  const { from, to } = throughputWindow(now, days);
  const since = await heartbeatsSince(db);
  // One availability plan per day of the window, exactly as availabilityOf() measures a node.
  const plans = Array.from({ length: days }, (_, w) => availabilityPlan(new Date(from.getTime() + w * DAY_MS), new Date(from.getTime() + (w + 1) * DAY_MS), since));
  const runs = plans.flatMap((p, w) => p.heartbeatRuns.map((r) => ({ w, ...r })));
  const cover = coverageStart(since);
  const jobHoursEnd = cover && cover < to ? cover : to;
  const whole = availabilityPlan(from, to, since);
  const [kinds, models] = await Promise.all([
    db.query<KindRow>(KIND_SQL, [runs.map((r) => r.w), runs.map((r) => r.day), runs.map((r) => r.start), runs.map((r) => r.length), from, to, jobHoursEnd]),
    db.query<ModelRow>(MODEL_SQL, [from, to]),
  ]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    asOf: now.toISOString(),
    availabilitySource: whole.source,
    items: summarizeThroughput(kinds.rows, models.rows, days * 24),
  };
}
