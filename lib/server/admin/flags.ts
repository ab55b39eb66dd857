import "server-only";
import type pg from "pg";
import { FLOOR_SPIKE, floorSpikeFlags, type ModelCounts } from "@/lib/anticheat/floor-spikes";
import { IMPLAUSIBLE, implausibleFlags, type MinerImplausibleStats } from "@/lib/anticheat/implausible";
import { LATENCY_FLOOR_RATIO, MIN_IMPOSSIBLE_JOBS, latencyFlags, latencyFloorTables, type MinerLatencyStats } from "@/lib/anticheat/latency-floor";
import { LOCKSTEP, lockstepFlags, type LockstepStats } from "@/lib/anticheat/lockstep";
import { MIN_PIXELS, MIN_STEPS } from "@/lib/points";
import type { FlagsResponse } from "@/lib/schemas/admin";
import { pool, readOnlyTransaction } from "../db";

// Flags for review over completed jobs in [now − hours, now): scanned hourly by the worker for the
// last 24 hours (flags-snapshot.ts), or on demand for another window. Never a slash:
// an admin reads the evidence and decides. The SQL counts; lib/anticheat decides (and is where
// the thresholds and their reasons live). Each query reads only the window's jobs (a BRIN index
// on jobs.completed_at), lockstep at most its last LOCKSTEP.maxHours, and implausible jobs come
// from a partial index of their ledger entries; all of it on one connection.

type Window = { from: Date; to: Date };

const SECOND = "floor(date_part('epoch', completed_at))::bigint"; // date_part is float8: far cheaper than numeric extract()

/**
 * Per wallet with ≥ LOCKSTEP.minGpus GPUs and ≥ LOCKSTEP.minJobs jobs: same-second and
 * 7-seconds-later company (see lockstep.ts). Example seconds are left empty: `busiestSeconds`
 * fetches them for the flagged wallets only.
 */
export async function lockstepStats(db: pg.Pool | pg.PoolClient, w: Window): Promise<LockstepStats[]> {
  // One row per wallet, second and GPU; window functions over them, sorted once by (wallet,
  // second), give each row its second's GPU count and who finished controlOffsetSec later.
  const { rows } = await db.query<{ wallet: string; gpus: number; jobs: number; same: number; control: number; max_gpus: number }>(
    `WITH d AS (
       SELECT split_part(miner_id, '-', 1) AS wallet, ${SECOND} AS s, miner_id, count(*)::int AS jobs
         FROM jobs WHERE completed_at >= $1 AND completed_at < $2 AND status = 'completed' GROUP BY 1, 2, 3),
     x AS (
       SELECT d.*, count(*) OVER same_second AS n, count(*) OVER later AS later_n, min(d.miner_id) OVER later AS later_lo
         FROM d
       WINDOW same_second AS (PARTITION BY d.wallet, d.s),
              later AS (PARTITION BY d.wallet ORDER BY d.s RANGE BETWEEN $5::bigint FOLLOWING AND $5::bigint FOLLOWING)),
     per_gpu AS (
       SELECT wallet, miner_id, sum(jobs) AS jobs, sum(jobs) FILTER (WHERE n >= 2) AS same,
              sum(jobs) FILTER (WHERE later_n >= 2 OR (later_n = 1 AND later_lo <> miner_id)) AS control, max(n) AS max_gpus
         FROM x GROUP BY wallet, miner_id)
     SELECT wallet, count(*)::int AS gpus, sum(jobs)::int AS jobs, coalesce(sum(same), 0)::int AS same,
            coalesce(sum(control), 0)::int AS control, max(max_gpus)::int AS max_gpus
       FROM per_gpu GROUP BY wallet HAVING count(*) >= $3 AND sum(jobs) >= $4`,
    [w.from, w.to, LOCKSTEP.minGpus, LOCKSTEP.minJobs, LOCKSTEP.controlOffsetSec],
  );
  return rows.map((r) => ({
    wallet: r.wallet,
    gpus: r.gpus,
    jobs: r.jobs,
    sameSecondJobs: r.same,
    controlJobs: r.control,
    maxGpusInOneSecond: r.max_gpus,
    exampleSeconds: [],
  }));
}

/** The three seconds in which most GPUs of each wallet finished a job (ties: earliest first). */
export async function busiestSeconds(db: pg.Pool | pg.PoolClient, w: Window, wallets: readonly string[]): Promise<Map<string, string[]>> {
  if (wallets.length === 0) return new Map();
  const { rows } = await db.query<{ wallet: string; seconds: Date[] }>(
    `SELECT wallet, (array_agg(to_timestamp(s) ORDER BY n DESC, s))[1:3] AS seconds
       FROM (SELECT split_part(miner_id, '-', 1) AS wallet, ${SECOND} AS s, count(DISTINCT miner_id) AS n
               FROM jobs WHERE completed_at >= $1 AND completed_at < $2 AND status = 'completed' AND split_part(miner_id, '-', 1) = ANY($3::text[])
              GROUP BY 1, 2 HAVING count(DISTINCT miner_id) >= 2) x
      GROUP BY wallet`,
    [w.from, w.to, wallets],
  );
  return new Map(rows.map((r) => [r.wallet, r.seconds.map((d) => d.toISOString())]));
}

/** Per miner ID and declared hardware with ≥ 1 job under its floor (see latency-floor.ts). */
export async function latencyStats(db: pg.Pool | pg.PoolClient, w: Window, minImpossible = 1): Promise<MinerLatencyStats[]> {
  const t = latencyFloorTables();
  const { rows } = await db.query<{
    miner_id: string;
    hardware: string;
    checked: number;
    impossible: number;
    worst: number;
    examples: { jobId: string; modelId: string; completedAt: string; latencySec: number; floorSec: number }[];
  }>(
    // Counts by hash aggregation; only the few jobs under their floor are sorted, for examples.
    `WITH hw AS (SELECT * FROM unnest($3::text[], $4::float8[]) AS t(hardware, speed)),
     m AS (SELECT * FROM unnest($5::text[], $6::text[], $7::float8[]) AS t(model_id, kind, spu)),
     f AS NOT MATERIALIZED (
       SELECT j.job_id, j.miner_id, j.hardware, j.model_id, j.completed_at, j.inference_latency::float8 AS latency,
              ($8::float8 + (CASE WHEN m.kind = 'image'
                    THEN (CASE WHEN j.width * j.height < $10 THEN (j.width * j.height)::float8 / $10
                               ELSE 1 + (5 * (j.width * j.height - $10))::float8 / (1048576 - $10) END) * greatest(j.num_iterations, 1) / $11::float8
                    ELSE j.output_tokens / $12::float8 END) * m.spu / hw.speed) * $9::float8 AS floor_sec
         FROM jobs j JOIN hw ON hw.hardware = j.hardware JOIN m ON m.model_id = j.model_id
        WHERE j.completed_at >= $1 AND j.completed_at < $2 AND j.status = 'completed'),
     agg AS (
       SELECT miner_id, hardware, count(*)::int AS checked, count(*) FILTER (WHERE latency < floor_sec)::int AS impossible,
              min(latency / floor_sec) FILTER (WHERE latency < floor_sec) AS worst
         FROM f GROUP BY miner_id, hardware HAVING count(*) FILTER (WHERE latency < floor_sec) >= $13),
     ex AS (
       SELECT miner_id, hardware, json_build_object('jobId', job_id, 'modelId', model_id, 'completedAt', completed_at, 'latencySec', latency, 'floorSec', floor_sec) AS e,
              row_number() OVER (PARTITION BY miner_id, hardware ORDER BY latency / floor_sec, job_id) AS rn
         FROM f WHERE latency < floor_sec)
     SELECT agg.*, x.examples FROM agg
       JOIN (SELECT miner_id, hardware, json_agg(e ORDER BY rn) AS examples FROM ex WHERE rn <= 3 GROUP BY 1, 2) x USING (miner_id, hardware)`,
    [w.from, w.to, t.hardware, t.speed, t.modelId, t.kind, t.secPerUnit, t.overheadSec, t.ratio, t.minPixels, t.minSteps, t.tokensPerUnit, minImpossible],
  );
  return rows.map((r) => ({
    minerId: r.miner_id,
    hardware: r.hardware,
    checkedJobs: r.checked,
    impossibleJobs: r.impossible,
    worstRatio: r.worst,
    examples: r.examples.map((e) => ({ ...e, completedAt: new Date(e.completedAt).toISOString() })),
  }));
}

/** Per model: every miner's counts (candidates only: enough jobs and floor-sized jobs) and the network's. */
export async function floorCounts(db: pg.Pool | pg.PoolClient, w: Window): Promise<{ miners: Map<string, ModelCounts[]>; network: ModelCounts[] }> {
  const { rows } = await db.query<{ miner_id: string | null; model_id: string; jobs: number; floor_jobs: number }>(
    `WITH t AS (
       SELECT miner_id, model_id, count(*)::int AS jobs,
              count(*) FILTER (WHERE (width * height <= $3 AND num_iterations <= $4) OR input_tokens + output_tokens <= $5)::int AS floor_jobs
         FROM jobs WHERE completed_at >= $1 AND completed_at < $2 AND status = 'completed' GROUP BY 1, 2),
     cand AS (SELECT miner_id FROM t GROUP BY 1 HAVING sum(jobs) >= $6 AND sum(floor_jobs) >= $7)
     SELECT t.miner_id, t.model_id, t.jobs, t.floor_jobs FROM t JOIN cand USING (miner_id)
     UNION ALL
     SELECT NULL, model_id, sum(jobs)::int, sum(floor_jobs)::int FROM t GROUP BY model_id`,
    [w.from, w.to, MIN_PIXELS, MIN_STEPS, FLOOR_SPIKE.smallLlmTokens, FLOOR_SPIKE.minJobs, FLOOR_SPIKE.minFloorJobs],
  );
  const miners = new Map<string, ModelCounts[]>();
  const network: ModelCounts[] = [];
  for (const r of rows) {
    const counts = { modelId: r.model_id, jobs: r.jobs, floorJobs: r.floor_jobs };
    if (r.miner_id === null) network.push(counts);
    else miners.set(r.miner_id, [...(miners.get(r.miner_id) ?? []), counts]);
  }
  return { miners, network };
}

/**
 * Per miner ID with jobs priced "implausible" (outside the plausibility bounds) in the window: how
 * many, what they claimed (the product of their ledger factors), and the latest few with their
 * shapes. Reads the partial index of such entries, never the window's other jobs.
 */
export async function implausibleStats(db: pg.Pool | pg.PoolClient, w: Window): Promise<MinerImplausibleStats[]> {
  const { rows } = await db.query<{
    miner_id: string;
    jobs: number;
    claimed_micro: string;
    examples: (Omit<MinerImplausibleStats["examples"][number], "claimedMicro"> & { claimedMicro: string })[];
  }>(
    // The predicate repeats the partial index's (zero_reason = 'implausible') literally, so it applies.
    `WITH f AS (
       SELECT miner_id, job_id, schedule_id, occurred_at,
              round(base_micro::numeric * model_multiplier_ppm * nft_multiplier_ppm * stake_multiplier_ppm / 1e18) AS claimed_micro
         FROM ledger_entries WHERE zero_reason = 'implausible' AND occurred_at >= $1 AND occurred_at < $2),
     agg AS (
       SELECT miner_id, count(*)::int AS jobs, sum(claimed_micro) AS claimed_micro FROM f
        GROUP BY miner_id ORDER BY count(*) DESC, miner_id LIMIT $3),
     ex AS (
       SELECT f.*, row_number() OVER (PARTITION BY f.miner_id ORDER BY f.occurred_at DESC, f.job_id) AS rn
         FROM f JOIN agg USING (miner_id))
     SELECT agg.miner_id, agg.jobs, agg.claimed_micro::text,
            json_agg(json_build_object('jobId', j.job_id, 'modelId', j.model_id, 'scheduleId', ex.schedule_id, 'completedAt', j.completed_at,
                     'hardware', j.hardware, 'latencySec', j.inference_latency::float8, 'width', j.width, 'height', j.height, 'steps', j.num_iterations,
                     'inputTokens', j.input_tokens, 'outputTokens', j.output_tokens, 'claimedMicro', ex.claimed_micro::text) ORDER BY ex.rn) AS examples
       FROM agg JOIN ex USING (miner_id) JOIN jobs j ON j.job_id = ex.job_id
      WHERE ex.rn <= $4
      GROUP BY agg.miner_id, agg.jobs, agg.claimed_micro
      ORDER BY agg.jobs DESC, agg.miner_id`,
    [w.from, w.to, IMPLAUSIBLE.maxMiners, IMPLAUSIBLE.examplesPerMiner],
  );
  return rows.map((r) => ({
    minerId: r.miner_id,
    jobs: r.jobs,
    claimedMicro: Number(r.claimed_micro),
    examples: r.examples.map((e) => ({ ...e, completedAt: new Date(e.completedAt).toISOString(), claimedMicro: Number(e.claimedMicro) })),
  }));
}

/** JIT compiling these one-off aggregations costs more than it saves; their sorts should stay in memory. */
export async function tuneScan(client: pg.PoolClient): Promise<void> {
  await client.query("SET LOCAL jit = off");
  await client.query("SET LOCAL work_mem = '64MB'");
}

/**
 * All scans in one read-only transaction on one connection, one after another: the request never
 * holds more than one of the pool's connections, and every flag sees the same snapshot. Each
 * statement stays under the pool's statement timeout (a 503 if the database is slower than that).
 */
async function readOnly<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return readOnlyTransaction(pool(), async (client) => {
    await tuneScan(client);
    return fn(client);
  });
}

/** A scan of the last `hours` for this request (an admin's custom window): a read, never stored. */
export async function computeFlags(hours: number, now = new Date()): Promise<FlagsResponse> {
  return { source: "on-demand", asOf: now.toISOString(), ...(await readOnly((c) => scanFlags(c, hours, now))) };
}

export type FlagsScan = Omit<FlagsResponse, "source" | "asOf">;

/** Every flag over [now − hours, now), one scan after another on `db`. */
export async function scanFlags(db: pg.Pool | pg.PoolClient, hours: number, now: Date): Promise<FlagsScan> {
  const w = { from: new Date(now.getTime() - hours * 3_600_000), to: now };
  const lockstepWindow = { from: new Date(now.getTime() - Math.min(hours, LOCKSTEP.maxHours) * 3_600_000), to: now };
  const flagged = lockstepFlags(await lockstepStats(db, lockstepWindow));
  const examples = await busiestSeconds(
    db,
    lockstepWindow,
    flagged.map((f) => f.wallet),
  );
  const lockstep = flagged.map((f) => ({ ...f, exampleSeconds: examples.get(f.wallet) ?? [] }));
  const latency = await latencyStats(db, w, MIN_IMPOSSIBLE_JOBS);
  const floors = await floorCounts(db, w);
  const implausible = await implausibleStats(db, w);
  return {
    from: w.from.toISOString(),
    to: w.to.toISOString(),
    hours,
    lockstepFrom: lockstepWindow.from.toISOString(),
    thresholds: {
      lockstep: { ...LOCKSTEP },
      impossibleLatency: { floorRatio: LATENCY_FLOOR_RATIO, minImpossibleJobs: MIN_IMPOSSIBLE_JOBS },
      floorSpikes: { ...FLOOR_SPIKE, minPixels: MIN_PIXELS, minSteps: MIN_STEPS },
      implausible: { ...IMPLAUSIBLE },
    },
    lockstep,
    impossibleLatency: latencyFlags(latency),
    floorSpikes: floorSpikeFlags(floors.miners, floors.network),
    implausible: implausibleFlags(implausible),
  };
}
