// The graceful stop of an orchestrator: a worker in the middle of a 10-minute chain-indexer chunk
// stops at its next safe point rather than finishing the chunk, and hands its job back at once. One
// worker of the role scale-out.test.ts runs, on its own database and anvil chain.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, expect, test } from "vitest";
import { chainEnvOf, deployContracts } from "../../contracts/deploy";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { anvilAccount, chainClients } from "../../scripts/lib/chain-actions";
import { until, WorkerRole } from "./support/worker-role";

const root = path.resolve(import.meta.dirname, "../..");
const databaseUrl = process.env.DATABASE_URL!;
let pool: pg.Pool;
let anvil: Anvil;
let role: WorkerRole;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  anvil = await startAnvil();
  const clients = chainClients(anvil.rpcUrl);
  const contracts = await deployContracts({ walletClient: clients.walletFor(anvilAccount(0)), publicClient: clients.publicClient });
  role = new WorkerRole(root, pool, { DATABASE_URL: databaseUrl, ...chainEnvOf(anvil.rpcUrl, contracts), CHAIN_CONFIRMATIONS: "1" });
});

afterAll(async () => {
  await role?.killAll();
  await anvil?.stop();
  await pool?.end();
});

test("SIGTERM to a worker in the middle of a 10-minute indexer chunk: exit 0 long before the chunk would end, no job locked, heartbeat removed", async () => {
  const w = role.start("T", { INDEXER_CHUNK_SECONDS: "600" });
  await until(
    "the worker started",
    () => w.workerIds.length > 0,
    60_000,
    () => w.output(),
  );
  await until(
    "the worker holds chain-index",
    async () => (await role.lockedJobs()).some((j) => j.task === "chain-index" && w.workerIds.includes(j.locked_by)),
    60_000,
    () => w.output(),
  );
  const deadline = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no exit within 60 s of SIGTERM\n${w.output()}`)), 60_000).unref());
  expect(await Promise.race([w.terminate(), deadline])).toEqual({ code: 0, signal: null });
  expect((await role.lockedJobs()).filter((j) => w.workerIds.includes(j.locked_by))).toEqual([]);
  expect((await pool.query("SELECT count(*)::int AS n FROM worker_heartbeat WHERE worker_id = ANY($1::text[])", [w.workerIds])).rows[0].n).toBe(0);
  expect((await pool.query("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'chain-index'")).rows[0].n).toBe(1);
});
