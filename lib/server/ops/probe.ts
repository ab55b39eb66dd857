import "server-only";
import { readdirSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { chainEnv, opsEnv, serverEnv, type ChainEnv } from "@/lib/env";
import { epochEnd, epochOf } from "@/lib/rewards/epoch";
import { log } from "@/lib/log";
import { metrics } from "@/lib/metrics";
import { LEADERBOARD_WINDOWS } from "@/lib/schemas/leaderboard";
import type { OpsChecks } from "@/lib/schemas/ops";
import { hasReadReplica, pool, readPool } from "../db";
import { opsState } from "../generated/prisma/sql";
import { readAsOf } from "../read-as-of";
import { queryTyped } from "../typed-pg";

// What GET /api/v1/ready reports and what the scrape-time gauges of /api/v1/metrics show: a few
// indexed lookups on one connection under a short statement timeout, and one eth_blockNumber.

const PROBE_TIMEOUT_MS = 2_000;
/** Settlement is overdue this long after an epoch's grace period ended (a pass runs every 10 min). */
const SETTLEMENT_SLACK_MS = 3_600_000;
/** Rollup deltas older than this mean the folder is behind (reported, not decisive). */
const FOLD_SLACK_S = 60;

export type OpsState = OpsChecks;

let expectedMigrations: string[] | undefined;

/** The migrations this build ships (prisma/migrations/<timestamp>_<name>), read once per process. */
function migrationsInBuild(): string[] {
  expectedMigrations ??= readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d{14}_/.test(e.name))
    .map((e) => e.name)
    .sort();
  return expectedMigrations;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));
const ageOf = (at: Date | null, now: Date) => (at ? Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000)) : null);

/** The chain's head block; gives up after the probe timeout. */
async function chainHead(rpcUrl: string): Promise<bigint> {
  const res = await fetch(rpcUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "eth_blockNumber", params: [] }),
    signal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
  });
  const body = (await res.json()) as { result?: string };
  if (!res.ok || typeof body.result !== "string") throw new Error(`eth_blockNumber answered HTTP ${res.status} without a block number`);
  return BigInt(body.result);
}

/**
 * The read replica's lag, on its own connection under the probe's timeout. Informational: a
 * lagging or unreachable replica does not make a web server unready (ingestion and sign-in use
 * the primary; taking servers out of the balancer would stop them too).
 */
async function probeReplica(): Promise<OpsState["replica"]> {
  if (!hasReadReplica()) return { ok: true, configured: false };
  let client: pg.PoolClient | undefined;
  try {
    client = await readPool().connect();
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${PROBE_TIMEOUT_MS}`);
    const r = await readAsOf(client);
    await client.query("COMMIT");
    return { ok: r.replica, configured: true, standby: r.replica, asOf: r.asOf, lagSeconds: r.lagSeconds };
  } catch (err) {
    await client?.query("ROLLBACK").catch(() => undefined);
    metrics().opsProbeFailures.inc({ probe: "replica" });
    log().warn({ component: "ops", err }, "read replica probe failed");
    return { ok: false, configured: true, standby: null, asOf: null, lagSeconds: null, error: message(err) };
  } finally {
    client?.release();
  }
}

type StateRow = opsState.Result;

async function readState(client: pg.ClientBase, liveSince: Date): Promise<StateRow> {
  const [row] = await queryTyped(client, opsState([...LEADERBOARD_WINDOWS], liveSince));
  return row!;
}

export interface ProbeOptions {
  /** Probe on this connection (a test's transaction) instead of the pool's. */
  client?: pg.ClientBase;
  chain?: ChainEnv;
  now?: Date;
}

/** Probes the database, the migrations, the indexer, the snapshots and settlement. Never throws. */
export async function probeOps(opts: ProbeOptions = {}): Promise<OpsState> {
  const now = opts.now ?? new Date();
  const chain = opts.chain ?? chainEnv();
  const env = serverEnv();
  const { READY_MAX_INDEXER_LAG_BLOCKS: maxLagBlocks, READY_MAX_WORKER_SILENCE_SECONDS: maxSilence } = opsEnv();
  const head = chain.contracts
    ? chainHead(chain.rpcUrl).then(
        (h) => ({ h }),
        (err: unknown) => ({ err: message(err) }),
      )
    : null;
  const replica = probeReplica();

  const state: OpsState = {
    database: { ok: false, latencyMs: null },
    migrations: { ok: false, applied: null, expected: 0, missing: [] },
    indexer: chain.contracts ? { ok: false, configured: true, indexedBlock: null, headBlock: null, lagBlocks: null, maxLagBlocks } : { ok: true, configured: false },
    marketSnapshot: { ok: false, builtAt: null, ageSeconds: null, staleAfterSeconds: env.MARKET_REFRESH_SECONDS * 10 },
    leaderboard: { ok: false, builtAt: null, ageSeconds: null, staleAfterSeconds: env.LEADERBOARD_REFRESH_SECONDS * 10 },
    worker: { ok: false, lastBeatAt: null, silenceSeconds: null, liveWorkers: 0, maxSilenceSeconds: maxSilence },
    settlement: { ok: false, lastSettledEpoch: null, settledAt: null, dueEpoch: null, overdue: false },
    replica: { ok: true, configured: false },
    fold: { ok: false, pending: null, oldestAt: null, lagSeconds: null },
  };
  try {
    state.migrations.expected = migrationsInBuild().length;
  } catch (err) {
    state.migrations.error = `prisma/migrations cannot be read: ${message(err)}`;
  }

  const own = !opts.client;
  let client = opts.client;
  let release: (() => void) | undefined;
  let row: StateRow | null = null;
  try {
    if (!client) {
      const pooled = await pool().connect();
      client = pooled;
      release = () => pooled.release();
      await client.query("BEGIN READ ONLY");
    }
    // Checks must answer quickly even on a loaded database; only this transaction is limited.
    await client.query(`SET LOCAL statement_timeout = ${PROBE_TIMEOUT_MS}`);
    const started = performance.now();
    await client.query("SELECT 1");
    state.database = { ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
    try {
      const { rows } = await client.query<{ migration_name: string }>("SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL");
      const applied = new Set(rows.map((r) => r.migration_name));
      const missing = migrationsInBuild().filter((m) => !applied.has(m));
      state.migrations = { ...state.migrations, ok: missing.length === 0 && !state.migrations.error, applied: applied.size, missing };
      row = await readState(client, new Date(now.getTime() - (maxSilence || 60) * 1000));
    } finally {
      if (own) await client.query("COMMIT").catch(() => undefined);
    }
  } catch (err) {
    if (!state.database.ok) state.database.error = message(err);
    else if (state.migrations.applied === null) state.migrations.error = message(err);
    metrics().opsProbeFailures.inc({ probe: "database" });
    log().warn({ component: "ops", err }, "database probe failed");
  } finally {
    release?.();
  }

  if (row) {
    const built = row.market_built_at;
    state.marketSnapshot = { ...state.marketSnapshot, builtAt: built?.toISOString() ?? null, ageSeconds: ageOf(built, now) };
    state.marketSnapshot.ok = state.marketSnapshot.ageSeconds !== null && state.marketSnapshot.ageSeconds <= state.marketSnapshot.staleAfterSeconds;
    // json_agg of json_build_object('window', 'at') in opsState.sql.
    const windows = (row.leaderboard ?? []) as { window: string; at: string }[];
    // The oldest window counts, and a window never built makes the whole leaderboard unbuilt.
    const oldest = windows.length === LEADERBOARD_WINDOWS.length ? new Date(Math.min(...windows.map((w) => new Date(w.at).getTime()))) : null;
    state.leaderboard = { ...state.leaderboard, builtAt: oldest?.toISOString() ?? null, ageSeconds: ageOf(oldest, now) };
    state.leaderboard.ok = state.leaderboard.ageSeconds !== null && state.leaderboard.ageSeconds <= state.leaderboard.staleAfterSeconds;
    // The worker (npm run worker) runs every background task; a heartbeat every 5 s says it is alive.
    const silence = ageOf(row.worker_beat_at, now);
    state.worker = {
      ...state.worker,
      ok: maxSilence === 0 || (silence !== null && silence <= maxSilence),
      lastBeatAt: row.worker_beat_at?.toISOString() ?? null,
      silenceSeconds: silence,
      liveWorkers: row.live_workers,
    };
    // Deltas wait a fold interval at most while a worker runs; a minute means the folder is behind.
    const foldLag = row.fold_oldest_at ? ageOf(row.fold_oldest_at, now) : 0;
    state.fold = { ok: foldLag !== null && foldLag <= FOLD_SLACK_S, pending: row.fold_pending, oldestAt: row.fold_oldest_at?.toISOString() ?? null, lagSeconds: foldLag };
    const due = row.last_epoch !== null ? row.last_epoch + 1 : row.first_hour ? epochOf(row.first_hour) : null;
    const overdue = due !== null && epochEnd(due).getTime() + env.EPOCH_SETTLE_GRACE_HOURS * 3_600_000 + SETTLEMENT_SLACK_MS < now.getTime();
    state.settlement = { ok: !overdue, lastSettledEpoch: row.last_epoch, settledAt: row.settled_at?.toISOString() ?? null, dueEpoch: due, overdue };
  }

  if (head && state.indexer.configured) {
    const h = await head;
    const indexed = row?.cursor_block != null ? BigInt(row.cursor_block) : null;
    if ("err" in h) {
      state.indexer.error = `the chain's RPC did not answer: ${h.err}`;
      metrics().opsProbeFailures.inc({ probe: "rpc" });
    } else {
      // Behind the confirmed head (head − confirmations); before the first batch, from the start block.
      const target = h.h - BigInt(chain.confirmations);
      const from = indexed ?? chain.startBlock - 1n;
      const lag = target > from ? Number(target - from) : 0;
      state.indexer = { ...state.indexer, headBlock: Number(h.h), lagBlocks: row ? lag : null };
      state.indexer.ok = row !== null && lag <= maxLagBlocks;
    }
    state.indexer.indexedBlock = indexed === null ? null : Number(indexed);
  }
  state.replica = await replica;
  return state;
}

/**
 * Able to serve: the database answers, its schema is this build's, the indexer is not far behind
 * and a worker is alive. The read replica is reported, never decisive (see probeReplica).
 */
export function isReady(state: OpsState): boolean {
  return state.database.ok && state.migrations.ok && state.indexer.ok && state.worker.ok;
}

/** GET /api/v1/ready's answer: 200 when ready, else 503; the checks say which failed either way. */
export function readyResponse(checks: OpsState): Response {
  const ready = isReady(checks);
  return Response.json({ ready, checks }, { status: ready ? 200 : 503, headers: { "cache-control": "no-store" } });
}
