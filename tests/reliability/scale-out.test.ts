// Scale-out (issue 12): two production web servers and the worker role on one PostgreSQL and one
// anvil chain. 16 clients ingest signed batches through both servers (jobs of the last two weeks,
// which have ended, and of this one) while stakes, bribes and NFT mints happen on chain; during the
// run the worker settles the two ended epochs, a second worker starts beside the first, the worker
// holding the chain indexer is SIGKILLed and restarted, and one web server is SIGKILLed. Afterwards:
// every acknowledged job is in the ledger once, verify is clean, each ended epoch is settled once
// from its bucket, the indexed stakes, bribes, NFTs and events equal the chain's, and a client
// alternating between the servers has one rate-limit budget, not two. A worker's SIGTERM mid-chunk:
// worker-sigterm.test.ts.
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { epochOf, epochStart } from "@/lib/rewards/epoch";
import { chainEnvOf, deployContracts, type ContractAddresses } from "../../contracts/deploy";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { anvilAccount, chainActions, chainClients, type ChainActions, type ChainClients } from "../../scripts/lib/chain-actions";
import { createNetwork } from "../../scripts/simulator/network";
import { fundStakers, runChainActivity, TOUCHED } from "./support/chain-activity";
import { chainStateDiff } from "./support/chain-state";
import { expectAcknowledgedOnce } from "./support/crash-checks";
import { ClientStats, runClients, toBatches } from "./support/crash-clients";
import { getFrom, shuffled } from "./support/scale-out-helpers";
import { ensureTestBuild } from "../support/production-build";
import { PortalServer } from "./support/portal-server";
import type { WorkerProcess } from "./support/worker-process";
import { until, WorkerRole } from "./support/worker-role";

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = "reliability-scale-out-secret-0123456";
const CLIENTS = 16;
const BATCHES = 480;
const BATCH_SIZE = 100;
/** Share of the batches sent freely; the rest wait until the ended epochs are settled and the indexer's worker killed (ingestion must not end first). */
const HOLD_FROM = 0.5;
/** Share of the batches acknowledged before one web server is killed. */
const MARK_SERVER_KILL = 0.6;
/** API requests a minute per client, small enough to spend in a test. */
const API_BUDGET = 30;
const CONFIRMATIONS = 1;

const databaseUrl = process.env.DATABASE_URL!;
let pool: pg.Pool;
let anvil: Anvil;
let clients: ChainClients;
let contracts: ContractAddresses;
let act: ChainActions;
let servers: [PortalServer, PortalServer];
let role: WorkerRole;
/** The lock sampler runs while this is true (a failed test leaves it to afterAll). */
let watching = false;

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  anvil = await startAnvil();
  clients = chainClients(anvil.rpcUrl);
  contracts = await deployContracts({ walletClient: clients.walletFor(anvilAccount(0)), publicClient: clients.publicClient });
  act = chainActions(clients, contracts);
  await fundStakers(act);
  await ensureTestBuild();
  role = new WorkerRole(root, pool, { DATABASE_URL: databaseUrl, ...chainEnvOf(anvil.rpcUrl, contracts), CHAIN_CONFIRMATIONS: String(CONFIRMATIONS) });
  const env = { DATABASE_URL: databaseUrl, INGEST_HMAC_SECRET: SECRET, DATABASE_POOL_MAX: "20", RATE_LIMIT_PER_MINUTE: String(API_BUDGET), ...chainEnvOf(anvil.rpcUrl, contracts) };
  servers = [new PortalServer(root, env), new PortalServer(root, env)];
  await Promise.all(servers.map((s) => s.start()));
});

afterAll(async () => {
  watching = false;
  await role?.killAll();
  await Promise.all((servers ?? []).map((s) => s.stop()));
  await anvil?.stop();
  await pool?.end();
});

const diagnostics = () => [...servers.map((s, i) => `--- web server ${i + 1} ---\n${s.logTail()}`), ...role.workers.map((w) => w.output())].join("\n");

/** Samples graphile-worker's locks every 50 ms until `stop()`: the most jobs of each task ever seen locked at once. */
async function watchLocks(stop: () => boolean): Promise<Record<string, number>> {
  const most: Record<string, number> = {};
  while (!stop()) {
    const { rows } = await pool
      .query<{ task: string; n: number }>("SELECT task_identifier AS task, count(*)::int AS n FROM graphile_worker.jobs WHERE locked_at IS NOT NULL GROUP BY 1")
      .catch(() => ({ rows: [] })); // before the first worker has created its schema
    for (const r of rows) most[r.task] = Math.max(most[r.task] ?? 0, r.n);
    await new Promise((r) => setTimeout(r, 50));
  }
  return most;
}

const settledEpochs = async () => Number((await pool.query<{ n: string }>("SELECT count(*)::text AS n FROM epochs")).rows[0]!.n);

interface ScenarioResult {
  killedWorkerIds: string[];
  /** Batches acknowledged when the ended epochs were seen settled, and when the web server was killed. */
  settledAtAck: number;
  serverKilledAtAck: number;
}

/**
 * The run's events in order, each once its condition holds; ingestion ending first fails the test (the
 * scenario did not happen). The second half of the batches waits for `release()`, called once the
 * indexer's worker is killed, so a fast machine cannot ingest everything before the workers start. The first worker starts once both ended weeks have points, so its first
 * settlement pass has both to settle; the holder of the indexer's job is killed once they are settled.
 */
async function scenario(stats: ClientStats, total: number, due: number[], release: () => void): Promise<ScenarioResult> {
  const step = (what: string, holds: () => Promise<boolean> | boolean) =>
    until(
      what,
      async () => {
        if (await holds()) return true;
        if (stats.finished) throw new Error(`ingestion ended before ${what}\n${diagnostics()}`);
        return false;
      },
      120_000,
      diagnostics,
    );
  // Written, folded or not yet (no worker runs before this step to fold them).
  const withPoints = "SELECT epoch FROM epoch_miner_points WHERE epoch = ANY($1::int[]) UNION SELECT b FROM ingest_deltas, unnest(buckets) b WHERE b = ANY($1::int[])";
  await step("points in both ended weeks", async () => (await pool.query(withPoints, [due])).rowCount === due.length);
  const first = role.start("A");
  await step("the first worker running", () => first.workerIds.length > 0);
  const second = role.start("B");
  await step("the ended epochs settled and the second worker running", async () => second.workerIds.length > 0 && (await settledEpochs()) === due.length);
  const settledAtAck = stats.acknowledged;
  // Kill whichever worker holds the chain indexer's job: its lock outlives it until a reaper sees its heartbeat stop.
  // Frozen first, then checked: a job that ended between the look and the kill would leave nothing to reap.
  let holder: WorkerProcess | undefined;
  await step("a worker frozen while it holds chain-index", async () => {
    const lock = (await role.lockedJobs()).find((j) => j.task === "chain-index");
    holder = lock && role.workers.find((w) => w.running && w.workerIds.includes(lock.locked_by));
    if (!holder) return false;
    holder.freeze();
    if ((await role.lockedJobs()).some((j) => j.task === "chain-index" && holder!.workerIds.includes(j.locked_by))) return true;
    holder.thaw();
    return false;
  });
  await holder!.kill();
  role.start(`${holder!.name}2`);
  release();
  await step(`${MARK_SERVER_KILL * 100} % acknowledged and requests in flight`, () => stats.acknowledged >= MARK_SERVER_KILL * total && stats.inFlight >= CLIENTS / 2);
  const serverKilledAtAck = stats.acknowledged;
  await servers[1].kill();
  return { killedWorkerIds: holder!.workerIds, settledAtAck, serverKilledAtAck };
}

describe("two web servers and the worker role on one database", () => {
  test(`${CLIENTS} clients through both servers; a second worker, a worker SIGKILL and a web server SIGKILL; two ended epochs settled mid-run`, { timeout: 300_000 }, async () => {
    const now = Date.now();
    const current = epochOf(new Date(now));
    const due = [current - 2, current - 1];
    const jobs = [
      ...createNetwork({ scale: 0.02 }).generateJobs({
        count: BATCHES * BATCH_SIZE,
        from: new Date(epochStart(current - 2).getTime() + 3_600_000),
        to: new Date(now - 60_000),
        seed: now % 1_000_000,
      }),
    ];
    const batches = shuffled(toBatches(jobs, BATCH_SIZE), now % 1_000_003);
    const stats = new ClientStats();
    const stop = new AbortController();
    // Clients 0, 2, 4, … start on server 1, the others on server 2; one that cannot reach its server moves to the other.
    const home = Array.from({ length: CLIENTS }, (_, c) => servers[c % 2]!);
    const unreachable = new Map<string, number>();
    let chainDone = false;
    watching = true;
    const locks = watchLocks(() => !watching);
    const started = performance.now();
    let release!: () => void;
    const open = new Promise<void>((r) => (release = r));

    const [records, { killedWorkerIds, settledAtAck, serverKilledAtAck }, transactions] = await Promise.all([
      runClients({
        url: (c) => home[c]!.url,
        onUnreachable: (c, url) => {
          unreachable.set(url, (unreachable.get(url) ?? 0) + 1);
          home[c] = servers.find((s) => s.url !== url)!;
        },
        secret: SECRET,
        batches,
        clients: CLIENTS,
        abandonAfterCut: (b) => b.index % 2 === 1,
        stats,
        signal: stop.signal,
        gate: { at: Math.floor(HOLD_FROM * batches.length), open },
      }).finally(() => (chainDone = true)),
      scenario(stats, batches.length, due, release).catch((err) => {
        stop.abort(err);
        throw err;
      }),
      runChainActivity(act, () => chainDone),
    ]);
    const ingestSeconds = (performance.now() - started) / 1000;
    await act.mine(CONFIRMATIONS);

    // Ingestion through both servers; the clients of the killed one were refused or cut, and moved.
    const acked = records.filter((r) => r.outcome === "acknowledged");
    const abandoned = records.filter((r) => r.outcome === "abandoned");
    expect(records.filter((r) => r.outcome === "refused").map((r) => r.refusal)).toEqual([]);
    const ackedVia = servers.map((s) => acked.filter((r) => r.via === s.url).length);
    expect(
      ackedVia.every((n) => n > 0),
      `acknowledged per server ${ackedVia}`,
    ).toBe(true);
    expect(unreachable.get(servers[1].url) ?? 0).toBeGreaterThan(0);
    expect(unreachable.get(servers[0].url) ?? 0).toBe(0);

    // The chain indexer: after the SIGKILL a surviving worker's reaper handed the job over, and the
    // tables caught up with every confirmed block.
    const head = await clients.publicClient.getBlockNumber({ cacheTime: 0 });
    await until(
      "the indexer reaches the confirmed head",
      async () => BigInt((await pool.query("SELECT block_number::text AS b FROM chain_cursor")).rows[0]?.b ?? -1) >= head - BigInt(CONFIRMATIONS),
      90_000,
      diagnostics,
    );
    // No task ever ran on two workers at once, whichever worker ran it: never two of its jobs locked, no two runs overlapping.
    watching = false;
    const mostLocked = await locks;
    expect(mostLocked["chain-index"]).toBe(1);
    expect(Object.entries(mostLocked).filter(([, n]) => n > 1)).toEqual([]);
    const finished = role.workers.flatMap((w) => w.said("task finished"));
    for (const task of new Set(finished.map((l) => l.task as string))) {
      const runs = finished.filter((l) => l.task === task).map((l) => ({ start: l.startedAt as number, end: l.finishedAt as number }));
      runs.sort((a, b) => a.start - b.start);
      for (let i = 1; i < runs.length; i++) expect(runs[i]!.start, `${task} run ${i} began before run ${i - 1} ended`).toBeGreaterThanOrEqual(runs[i - 1]!.end);
    }
    const reaped = role.workers.flatMap((w) => w.said("unlocked the jobs of workers that stopped beating").flatMap((l) => l.workerIds as string[]));
    expect(
      killedWorkerIds.some((id) => reaped.includes(id)),
      diagnostics(),
    ).toBe(true);
    expect(await chainStateDiff(pool, clients.publicClient, contracts, TOUCHED)).toEqual([]);

    await until("the folder catches up (decision 0024)", async () => (await pool.query("SELECT 1 FROM ingest_deltas LIMIT 1")).rowCount === 0, 60_000, diagnostics);
    // Settlement: each ended epoch once, from its bucket, while jobs of those weeks kept arriving (late, into this week's bucket).
    const settled = await pool.query<{ number: number; bucket_ok: boolean; cutoff: string }>(
      `SELECT e.number, e.ledger_cutoff::text AS cutoff,
              e.waifu_points_micro = (SELECT coalesce(sum(greatest(waifu_micro, 0)), 0) FROM epoch_miner_points p WHERE p.epoch = e.number)
          AND e.llama_points_micro = (SELECT coalesce(sum(greatest(llama_micro, 0)), 0) FROM epoch_miner_points p WHERE p.epoch = e.number) AS bucket_ok
         FROM epochs e ORDER BY e.number`,
    );
    expect(settled.rows.map((r) => [r.number, r.bucket_ok])).toEqual(due.map((n) => [n, true]));
    const settledLines = role.workers.flatMap((w) => w.said("epoch settled").map((l) => l.epoch as number));
    expect([...settledLines].sort((a, b) => a - b)).toEqual(due);
    const late = await pool.query<{ late: string; after: string }>(
      "SELECT (SELECT coalesce(sum(late_micro), 0)::text FROM epoch_miner_points WHERE epoch = $1) AS late, (SELECT count(*)::text FROM ledger_entries WHERE id > $2 AND occurred_at < $3) AS after",
      [current, settled.rows.at(-1)!.cutoff, epochStart(current)],
    );
    expect(BigInt(late.rows[0]!.late)).toBeGreaterThan(0n);
    expect(Number(late.rows[0]!.after)).toBeGreaterThan(0);

    // SIGTERM: each running worker exits 0 and leaves no job locked; one queued job per task whatever three starts did.
    const running = role.workers.filter((w) => w.running);
    expect(running).toHaveLength(2);
    expect(await Promise.all(running.map((w) => w.terminate()))).toEqual(running.map(() => ({ code: 0, signal: null })));
    expect(await role.lockedJobs()).toEqual([]);
    const queued = await pool.query<{ task: string; n: number }>("SELECT task_identifier AS task, count(*)::int AS n FROM graphile_worker.jobs GROUP BY 1 ORDER BY 1");
    expect(queued.rows.map((r) => r.task)).toEqual(expect.arrayContaining(["chain-index", "purge-auth", "settle-epochs"]));
    expect(queued.rows.filter((r) => r.n !== 1)).toEqual([]);

    // Every acknowledged job once; every abandoned batch whole or absent; the ledger and rollups recompute.
    const { abandonedWritten, checks } = await expectAcknowledgedOnce(pool, batches, acked, abandoned, BATCH_SIZE);

    // One budget per client across both servers: the killed server back, a client alternating between them.
    await servers[1].start();
    const statuses: number[] = [];
    for (let i = 0; i < 2 * API_BUDGET; i++) statuses.push(await getFrom("127.0.0.31", `${servers[i % 2]!.url}/api/v1/models`));
    expect(statuses.filter((s) => s === 200)).toHaveLength(API_BUDGET);
    expect(statuses.slice(API_BUDGET).every((s) => s === 429)).toBe(true);

    const recovered = acked.filter((r) => r.duplicates > 0);
    console.log(
      [
        `\nScale-out: ${CLIENTS} clients, 2 web servers, ${role.workers.length} worker processes, ${batches.length} batches × ${BATCH_SIZE} jobs, ${transactions} chain transactions, ingest ${ingestSeconds.toFixed(1)} s`,
        `  requests ${stats.requests}: acknowledged ${acked.length} (server 1 ${ackedVia[0]}, server 2 ${ackedVia[1]}), cut ${stats.cut}, refused ${stats.refused}, 5xx ${stats.serverErrors}; ${recovered.length} acknowledged as duplicates of a cut attempt`,
        `  abandoned after a cut ${abandoned.length}: ${abandonedWritten} fully written, ${abandoned.length - abandonedWritten} not written`,
        `  timeline (batches acknowledged): ended epochs settled by ${settledAtAck}, worker holding the indexer SIGKILLed after that, web server 2 SIGKILLed at ${serverKilledAtAck}`,
        `  epochs settled ${settled.rows.map((r) => r.number).join(", ")} (cutoff ${settled.rows.at(-1)!.cutoff}); late points into epoch ${current}: ${late.rows[0]!.late} µ, ${late.rows[0]!.after} entries of ended weeks after the cutoff`,
        `  indexer: killed worker ${killedWorkerIds.join(",")} reaped; chain equal; verify ${checks.length} checks, 0 mismatches; rate limit ${statuses.filter((s) => s === 200).length}/${statuses.length} admitted across 2 servers`,
      ].join("\n"),
    );
  });
});
