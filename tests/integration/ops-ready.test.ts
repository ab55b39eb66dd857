// GET /api/v1/ready: 200 only when the database answers, its migrations are this build's, the
// indexer is close to the chain's head and a worker beats; snapshot ages and settlement are reported alongside.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST as ingest } from "@/app/api/v1/jobs/route";
import { GET } from "@/app/api/v1/ready/route";
import { chainEnv, serverEnv, type ChainEnv } from "@/lib/env";
import { epochEnd } from "@/lib/rewards/epoch";
import { readyResponseSchema } from "@/lib/schemas/ops";
import { probeOps, readyResponse } from "@/lib/server/ops/probe";
import { db, foldNow, imageJob, signedRequest } from "../support/fixtures";

/** Runs `fn` on one connection inside a transaction that is always rolled back: other test files never see it. */
async function rolledBack<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await db().connect();
  try {
    await client.query("BEGIN");
    return await fn(client);
  } finally {
    await client.query("ROLLBACK");
    client.release();
  }
}

// A live worker, as `npm run worker` would record it (every 5 s): the other checks are this file's subject.
const WORKER = "pool-integration-test";
beforeAll(async () => {
  await db().query("INSERT INTO worker_heartbeat (worker_id, hostname, pid, started_at, beat_at) VALUES ($1, 'test', 1, now(), now() + interval '1 hour')", [WORKER]);
});
afterAll(async () => {
  await db().query("DELETE FROM worker_heartbeat WHERE worker_id = $1", [WORKER]);
});

async function readyOf(res: Response) {
  return { status: res.status, body: readyResponseSchema.parse(await res.json()) };
}

test("with the database up, every migration applied and no chain to follow, the server is ready", async () => {
  const { status, body } = await readyOf(await GET(new Request("http://localhost/api/v1/ready")));
  expect(status).toBe(200);
  expect(body.ready).toBe(true);
  expect(body.checks.database).toMatchObject({ ok: true, latencyMs: expect.any(Number) });
  expect(body.checks.migrations).toMatchObject({ ok: true, missing: [] });
  expect(body.checks.migrations.expected).toBeGreaterThanOrEqual(9);
  expect(body.checks.migrations.applied).toBe(body.checks.migrations.expected);
  expect(body.checks.indexer).toEqual({ ok: true, configured: false });
  // At least the planted beat: a worker another test file SIGKILLed may still count as live (the database is shared).
  expect(body.checks.worker).toMatchObject({ ok: true, maxSilenceSeconds: 60 });
  expect(body.checks.worker.liveWorkers).toBeGreaterThanOrEqual(1);
});

test("no worker heartbeat is 503 naming the worker; a beat 60 s old is still ready, 61 s is not", async () => {
  const now = new Date("2030-01-01T00:00:00Z");
  await rolledBack(async (client) => {
    await client.query("DELETE FROM worker_heartbeat");
    const none = await readyOf(readyResponse(await probeOps({ client, now })));
    expect(none.status).toBe(503);
    expect(none.body.checks.worker).toEqual({ ok: false, lastBeatAt: null, silenceSeconds: null, liveWorkers: 0, maxSilenceSeconds: 60 });
    expect(none.body.checks.database.ok && none.body.checks.migrations.ok && none.body.checks.indexer.ok).toBe(true);

    const beat = (ageS: number, id: string, pid: number) =>
      client.query("INSERT INTO worker_heartbeat (worker_id, hostname, pid, started_at, beat_at) VALUES ($1, 'host', $2, $3, $3)", [
        id,
        pid,
        new Date(now.getTime() - ageS * 1000),
      ]);
    await beat(61, "pool-old", 10);
    const silent = await readyOf(readyResponse(await probeOps({ client, now })));
    expect(silent.status).toBe(503);
    expect(silent.body.checks.worker).toMatchObject({ ok: false, silenceSeconds: 61, liveWorkers: 0 });

    await beat(60, "pool-a", 11);
    await beat(3, "pool-b", 12);
    const fresh = await readyOf(readyResponse(await probeOps({ client, now })));
    expect(fresh.status).toBe(200);
    expect(fresh.body.checks.worker).toMatchObject({ ok: true, lastBeatAt: new Date(now.getTime() - 3000).toISOString(), silenceSeconds: 3, liveWorkers: 2 });
  });
});

test("a migration of this build missing from _prisma_migrations makes it 503, naming the migration", async () => {
  await rolledBack(async (client) => {
    const { rows } = await client.query<{ migration_name: string }>(
      "DELETE FROM _prisma_migrations WHERE migration_name = (SELECT max(migration_name) FROM _prisma_migrations) RETURNING migration_name",
    );
    const { status, body } = await readyOf(readyResponse(await probeOps({ client })));
    expect(status).toBe(503);
    expect(body.ready).toBe(false);
    expect(body.checks.migrations).toMatchObject({ ok: false, missing: [rows[0]!.migration_name] });
    expect(body.checks.migrations.applied).toBe(body.checks.migrations.expected - 1);
    expect(body.checks.database.ok).toBe(true);
  });
  // Nothing leaked out of the transaction.
  expect((await readyOf(await GET(new Request("http://localhost/api/v1/ready")))).status).toBe(200);
});

describe("indexer lag, with a chain configured", () => {
  let rpc: Server;
  let head = 0;
  let chain: ChainEnv;
  const INDEXED = 5_000;

  beforeAll(async () => {
    // A JSON-RPC endpoint that knows one method: the chain's head is whatever the test says.
    rpc = createServer((req, res) => {
      req.resume().on("end", () => res.setHeader("content-type", "application/json").end(JSON.stringify({ jsonrpc: "2.0", id: 1, result: `0x${head.toString(16)}` })));
    });
    await new Promise<void>((resolve) => rpc.listen(0, "127.0.0.1", resolve));
    const addr = (n: number) => `0x${String(n).padStart(40, "0")}` as const;
    chain = {
      ...chainEnv(),
      rpcUrl: `http://127.0.0.1:${(rpc.address() as AddressInfo).port}`,
      confirmations: 2,
      contracts: { heu: addr(1), esHeu: addr(2), imaginaries: addr(3), stakingMarket: addr(4), rewardDistributor: null },
    };
  });
  afterAll(() => new Promise<void>((resolve) => rpc.close(() => resolve())));

  const withCursor = <T>(fn: (client: pg.PoolClient) => Promise<T>) =>
    rolledBack(async (client) => {
      await client.query(
        `INSERT INTO chain_cursor (id, chain_id, contracts, block_number, block_hash, block_time, updated_at)
         VALUES ('main', 31337, 'test', $1, '0x00', now(), now())
         ON CONFLICT (id) DO UPDATE SET block_number = EXCLUDED.block_number`,
        [INDEXED],
      );
      return fn(client);
    });

  test("up to READY_MAX_INDEXER_LAG_BLOCKS (100) confirmed blocks behind is ready; one more is 503 naming the indexer", async () => {
    await withCursor(async (client) => {
      head = INDEXED + 2 + 100;
      const near = await readyOf(readyResponse(await probeOps({ client, chain })));
      expect(near.status).toBe(200);
      expect(near.body.checks.indexer).toMatchObject({ ok: true, configured: true, indexedBlock: INDEXED, headBlock: head, lagBlocks: 100, maxLagBlocks: 100 });

      head = INDEXED + 2 + 101;
      const far = await readyOf(readyResponse(await probeOps({ client, chain })));
      expect(far.status).toBe(503);
      expect(far.body.checks.indexer).toMatchObject({ ok: false, lagBlocks: 101 });
      expect(far.body.checks.migrations.ok).toBe(true);
    });
  });

  test("an RPC that does not answer is 503 with the reason, not a made-up lag", async () => {
    const dead = { ...chain, rpcUrl: "http://127.0.0.1:9/" };
    const { status, body } = await readyOf(readyResponse(await withCursor((client) => probeOps({ client, chain: dead }))));
    expect(status).toBe(503);
    expect(body.checks.indexer).toMatchObject({ ok: false, lagBlocks: null, indexedBlock: INDEXED, error: expect.stringMatching(/RPC did not answer/) });
  });
});

test("settlement is overdue an hour after an epoch's grace period ends unsettled, and does not decide readiness", async () => {
  expect((await ingest(signedRequest({ jobs: [imageJob()] }))).status).toBe(200);
  // The first hour with jobs (hardware_hourly, a rollup) names the first epoch due: fold the job into it.
  await foldNow();
  const { settlement } = await probeOps();
  expect(settlement.dueEpoch).toEqual(expect.any(Number));
  const deadline = epochEnd(settlement.dueEpoch!).getTime() + serverEnv().EPOCH_SETTLE_GRACE_HOURS * 3_600_000 + 3_600_000;

  const onTime = await probeOps({ now: new Date(deadline - 1000) });
  expect(onTime.settlement).toMatchObject({ ok: true, overdue: false, dueEpoch: settlement.dueEpoch });
  const late = await probeOps({ now: new Date(deadline + 1000) });
  expect(late.settlement).toMatchObject({ ok: false, overdue: true, dueEpoch: settlement.dueEpoch });
  expect(readyResponse(late).status).toBe(200);
});
