import "server-only";
import type pg from "pg";
import { FLOOR_SPIKE, floorSpikeFlags, type ModelCounts } from "@/lib/anticheat/floor-spikes";
import { IMPLAUSIBLE, implausibleFlags, type ImplausibleJob, type MinerImplausibleStats } from "@/lib/anticheat/implausible";
import { LATENCY_FLOOR_RATIO, MIN_IMPOSSIBLE_JOBS, latencyFlags, latencyFloorTables, type LatencyExample, type MinerLatencyStats } from "@/lib/anticheat/latency-floor";
import { LOCKSTEP, lockstepFlags, type LockstepStats } from "@/lib/anticheat/lockstep";
import { MIN_PIXELS, MIN_STEPS } from "@/lib/points";
import type { FlagsResponse } from "@/lib/schemas/admin";
import { pool, readOnlyTransaction } from "../db";
import { flagBusiestSeconds, flagFloorCounts, flagImplausible, flagLatency, flagLockstep } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

// Flags for review over completed jobs in [now − hours, now): scanned hourly by the worker for the
// last 24 hours (flags-snapshot.ts), or on demand for another window. Never a slash:
// an admin reads the evidence and decides. The SQL counts; lib/anticheat decides (and is where
// the thresholds and their reasons live). Each query reads only the window's jobs (a BRIN index
// on jobs.completed_at), lockstep at most its last LOCKSTEP.maxHours, and implausible jobs come
// from a partial index of their ledger entries; all of it on one connection.

type Window = { from: Date; to: Date };

/** The examples the scans build with json_agg(json_build_object(...)), as object types a JsonValue narrows to. */
type LatencyExampleJson = Pick<LatencyExample, keyof LatencyExample>;
/** flagImplausible.sql's claimedMicro is numeric as text. */
type ImplausibleJobJson = Omit<ImplausibleJob, "claimedMicro"> & { claimedMicro: string };

/**
 * Per wallet with ≥ LOCKSTEP.minGpus GPUs and ≥ LOCKSTEP.minJobs jobs: same-second and
 * 7-seconds-later company (see lockstep.ts). Example seconds are left empty: `busiestSeconds`
 * fetches them for the flagged wallets only.
 */
export async function lockstepStats(db: pg.Pool | pg.PoolClient, w: Window): Promise<LockstepStats[]> {
  const rows = await queryTyped(db, flagLockstep(w.from, w.to, LOCKSTEP.minGpus, LOCKSTEP.minJobs, LOCKSTEP.controlOffsetSec));
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
  const rows = await queryTyped(db, flagBusiestSeconds(w.from, w.to, [...wallets]));
  return new Map(rows.map((r) => [r.wallet, r.seconds.map((d) => d.toISOString())]));
}

/** Per miner ID and declared hardware with ≥ 1 job under its floor (see latency-floor.ts). */
export async function latencyStats(db: pg.Pool | pg.PoolClient, w: Window, minImpossible = 1): Promise<MinerLatencyStats[]> {
  const t = latencyFloorTables();
  const rows = await queryTyped(
    db,
    flagLatency(w.from, w.to, t.hardware, t.speed, t.modelId, t.kind, t.secPerUnit, t.overheadSec, t.ratio, t.minPixels, t.minSteps, t.tokensPerUnit, minImpossible),
  );
  return rows.map((r) => ({
    minerId: r.miner_id,
    hardware: r.hardware,
    checkedJobs: r.checked,
    impossibleJobs: r.impossible,
    worstRatio: r.worst,
    examples: (r.examples as LatencyExampleJson[]).map((e) => ({ ...e, completedAt: new Date(e.completedAt).toISOString() })),
  }));
}

/** Per model: every miner's counts (candidates only: enough jobs and floor-sized jobs) and the network's. */
export async function floorCounts(db: pg.Pool | pg.PoolClient, w: Window): Promise<{ miners: Map<string, ModelCounts[]>; network: ModelCounts[] }> {
  const rows = await queryTyped(db, flagFloorCounts(w.from, w.to, MIN_PIXELS, MIN_STEPS, FLOOR_SPIKE.smallLlmTokens, FLOOR_SPIKE.minJobs, FLOOR_SPIKE.minFloorJobs));
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
  const rows = await queryTyped(db, flagImplausible(w.from, w.to, IMPLAUSIBLE.maxMiners, IMPLAUSIBLE.examplesPerMiner));
  return rows.map((r) => ({
    minerId: r.miner_id,
    jobs: r.jobs,
    claimedMicro: Number(r.claimed_micro),
    examples: (r.examples as ImplausibleJobJson[]).map((e) => ({ ...e, completedAt: new Date(e.completedAt).toISOString(), claimedMicro: Number(e.claimedMicro) })),
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
