// GET /api/v1/ready: what lib/server/ops/probe.ts reports and the OpenAPI document describes.
import { z } from "zod";

const age = {
  ok: z.boolean().describe("built, and not older than staleAfterSeconds (informational: readiness does not depend on it)"),
  builtAt: z.iso.datetime().nullable(),
  ageSeconds: z.number().int().nullable().describe("null before the first build"),
  staleAfterSeconds: z.number().int().describe("10 × the refresh interval"),
};

export const opsChecksSchema = z.object({
  database: z.object({ ok: z.boolean(), latencyMs: z.number().nullable().describe("round trip of SELECT 1"), error: z.string().optional() }),
  migrations: z.object({
    ok: z.boolean().describe("every migration this build ships is applied"),
    applied: z.number().int().nullable().describe("rows of _prisma_migrations that finished"),
    expected: z.number().int().describe("migrations in this build (prisma/migrations)"),
    missing: z.array(z.string()).describe("migrations of this build not applied: run npm run db:migrate"),
    error: z.string().optional(),
  }),
  indexer: z.union([
    z.object({ ok: z.literal(true), configured: z.literal(false).describe("no contracts configured: nothing to index") }),
    z.object({
      ok: z.boolean().describe("lagBlocks ≤ maxLagBlocks"),
      configured: z.literal(true),
      indexedBlock: z.number().int().nullable(),
      headBlock: z.number().int().nullable().describe("eth_blockNumber of CHAIN_RPC_URL"),
      lagBlocks: z.number().int().nullable().describe("confirmed blocks (head − CHAIN_CONFIRMATIONS) not yet applied"),
      maxLagBlocks: z.number().int().describe("READY_MAX_INDEXER_LAG_BLOCKS"),
      error: z.string().optional(),
    }),
  ]),
  marketSnapshot: z.object(age),
  leaderboard: z.object({ ...age, builtAt: age.builtAt.describe("the oldest window's build") }),
  worker: z.object({
    ok: z.boolean().describe("some worker beat within maxSilenceSeconds (always true when maxSilenceSeconds is 0)"),
    lastBeatAt: z.iso.datetime().nullable().describe("the newest heartbeat of any worker; null: none ever, or none left after a clean stop"),
    silenceSeconds: z.number().int().nullable().describe("age of lastBeatAt"),
    liveWorkers: z.number().int().describe("worker processes that beat within maxSilenceSeconds"),
    maxSilenceSeconds: z.number().int().describe("READY_MAX_WORKER_SILENCE_SECONDS (0: reported, does not decide readiness)"),
  }),
  replica: z.union([
    z.object({ ok: z.literal(true), configured: z.literal(false).describe("no DATABASE_READ_URL: pages and read APIs read the primary") }),
    z.object({
      ok: z.boolean().describe("the replica answered and is a standby (informational: readiness does not depend on it)"),
      configured: z.literal(true),
      standby: z.boolean().nullable().describe("pg_is_in_recovery() on DATABASE_READ_URL; false: it points at a primary"),
      asOf: z.iso.datetime().nullable().describe("the time the replica's data is as of (its last replayed commit while it has WAL left to replay, else now)"),
      lagSeconds: z.number().int().nullable().describe("how far the replica's data trails now; 0 when caught up; null when unknown or unreachable"),
      error: z.string().optional(),
    }),
  ]),
  fold: z.object({
    ok: z.boolean().describe("informational: pending deltas are folded within a few seconds while a worker runs"),
    pending: z.number().int().nullable().describe("rollup delta rows (one per ingested batch or correction) waiting for the worker's folder"),
    oldestAt: z.iso.datetime().nullable().describe("when the oldest waiting one was written; the rollups are complete up to about then"),
    lagSeconds: z.number().int().nullable().describe("age of oldestAt; 0 when nothing waits"),
  }),
  settlement: z.object({
    ok: z.boolean().describe("not overdue (informational)"),
    lastSettledEpoch: z.number().int().nullable(),
    settledAt: z.iso.datetime().nullable(),
    dueEpoch: z.number().int().nullable().describe("the next epoch to settle; null before any activity"),
    overdue: z.boolean().describe("dueEpoch ended more than EPOCH_SETTLE_GRACE_HOURS + 1 h ago"),
  }),
});
export type OpsChecks = z.infer<typeof opsChecksSchema>;

export const readyResponseSchema = z.object({
  ready: z.boolean().describe("database, migrations, indexer and worker ok: 200, else 503 (snapshots, settlement and the read replica are reported only)"),
  checks: opsChecksSchema,
});
