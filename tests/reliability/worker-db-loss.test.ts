// The worker process (`npm run worker`, started as e2e/global-setup.ts starts it) survives losing
// every database connection, as a PostgreSQL restart does: the process stays up and an event made
// after the loss is indexed too. The defences: lib/server/worker/pool.ts's pool and client "error"
// handlers (without them an unhandled 'error' event kills the process), and
// lib/server/worker/supervise.ts, which restarts the job runner when graphile-worker loses the
// connection while recording a job's outcome (without it, an unhandled rejection kills the process).
import type { ChildProcess } from "node:child_process";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chainEnvOf, deployContracts } from "../../contracts/deploy";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { anvilAccount, chainActions, chainClients, type ChainActions } from "../../scripts/lib/chain-actions";
import { startBackground, stopGroup } from "../../scripts/lib/processes";

const root = path.resolve(import.meta.dirname, "../..");
const holder = anvilAccount(1).address;

/** This file's own fresh database (setup-env.ts). */
const databaseUrl = process.env.DATABASE_URL!;
let pool: pg.Pool;
let anvil: Anvil;
let act: ChainActions;
let worker: ChildProcess;
let exit: string | undefined;
let output = "";

beforeAll(async () => {
  // One connection: the one that terminates the others is never among them.
  pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  anvil = await startAnvil();
  const clients = chainClients(anvil.rpcUrl);
  const c = await deployContracts({ walletClient: clients.walletFor(anvilAccount(0)), publicClient: clients.publicClient });
  act = chainActions(clients, c);
  worker = startBackground(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      ...chainEnvOf(anvil.rpcUrl, c),
      CHAIN_CONFIRMATIONS: "1",
      CHAIN_POLL_MS: "100",
      EPOCH_SETTLEMENT: "off",
      // The market snapshot completes every second: job outcomes are recorded while connections die.
      MARKET_REFRESH_SECONDS: "1",
    },
  });
  for (const stream of [worker.stdout!, worker.stderr!]) stream.on("data", (chunk: Buffer) => (output += chunk.toString()));
  worker.on("exit", (code, signal) => (exit = `exited with ${code ?? signal}`));
}, 120_000);

afterAll(async () => {
  if (worker && exit === undefined) {
    const exited = new Promise((resolve) => worker.once("exit", resolve));
    stopGroup(worker);
    await exited;
  }
  await anvil?.stop();
  await pool?.end();
});

/** Terminates every other connection to this database; returns how many there were. */
async function terminateAll(): Promise<number> {
  const { rows } = await pool.query<{ terminated: boolean }>(
    "SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
  );
  return rows.filter((r) => r.terminated).length;
}

/** Polls until the worker holds a connection again (it reconnected); gives up at once if it exited. */
async function workerConnected(timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const others = async () =>
    Number((await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows[0]!.n);
  while ((await others()) === 0) {
    if (exit !== undefined) throw new Error(`the worker ${exit} while reconnecting:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the worker did not reconnect within ${timeoutMs / 1000} s:\n${output}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const nftCount = async () => Number((await pool.query<{ n: number }>("SELECT nft_count AS n FROM wallet_nfts WHERE wallet = $1", [holder.toLowerCase()])).rows[0]?.n ?? 0);

/** Polls the database until the holder's indexed NFT count is `n`; gives up at once if the worker has exited. */
async function indexedNfts(n: number, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await nftCount()) !== n) {
    if (exit !== undefined) throw new Error(`the worker ${exit} before indexing NFT #${n}:\n${output}`);
    if (Date.now() > deadline) throw new Error(`NFT #${n} was not indexed within ${timeoutMs / 1000} s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** An NFT mint, buried under the one confirmation the indexer waits for. */
async function mintNft(): Promise<void> {
  await act.mintNft(holder);
  await act.mine(1);
}

describe("worker process", () => {
  test("every database connection terminated (a PostgreSQL restart): the process stays up and indexes the next event", async () => {
    await mintNft();
    await indexedNfts(1);

    // The worker held connections, so there was something to lose.
    expect(await terminateAll()).toBeGreaterThan(0);

    await mintNft();
    await indexedNfts(2);
    expect(exit, output).toBeUndefined();
  });

  test("connections terminated over and over while tasks complete: the worker comes back each time and indexes the next event", async () => {
    // Up to a hundred rounds in a minute (three of three runs failed without the supervisor); each
    // waits for the worker to reconnect, then takes everything away again: some rounds land while
    // graphile-worker records a job's outcome, the moment that used to kill the process. Rounds
    // that land while the runner starts push its restart backoff up (to 10 s), hence the minute.
    const until = Date.now() + 60_000;
    let rounds = 0;
    for (; rounds < 100 && Date.now() < until; rounds++) {
      await workerConnected();
      await terminateAll();
    }
    expect(rounds).toBeGreaterThanOrEqual(10);
    await mintNft();
    // Back within a runner restart (≤ 10 s backoff) and a reap of the old runner's lock (15 s).
    await indexedNfts(3, 60_000);
    expect(exit, output).toBeUndefined();
  }, 240_000);
});
