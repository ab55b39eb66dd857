// The chain indexer in the worker (`npm run worker`), SIGKILLed twice mid-range: after restarts every
// event is applied exactly once. Against a real anvil, as chain-indexer.test.ts.
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { chainEnvOf } from "../../contracts/deploy";
import { HEU_TOKEN, heu } from "../../scripts/lib/chain-actions";
import { db } from "../support/fixtures";
import { addr, alice, bob, carol, CONFIRMATIONS, stakeWei, startIndexerChain, type IndexerChain } from "../support/indexer-chain";

let t: IndexerChain;

beforeAll(async () => {
  t = await startIndexerChain();
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe("crashes", () => {
  // The indexer runs in the worker (`npm run worker`); a SIGKILLed worker's chain-index job stays
  // locked until the next worker's reaper sees its heartbeat 15 s silent, hence the longer timeout.
  test("SIGKILL of the worker mid-range, twice: after restarts every event is applied exactly once", { timeout: 180_000 }, async () => {
    const node = `${addr(carol!)}-crash`;
    await t.index(); // the cursor at the head before the stakes: every worker run below indexes only them
    const start = await t.clients.publicClient.getBlockNumber({ cacheTime: 0 });
    const STAKES = 150;
    const stakedIn: bigint[] = [];
    for (let i = 0; i < STAKES; i++) stakedIn.push((await t.act.stake(i % 2 ? alice! : bob!, node, HEU_TOKEN, heu(i + 1))).blockNumber);
    await t.act.mine(CONFIRMATIONS);
    // Uncached: viem caches the block number for its polling interval, and a stale head once made the test
    // stop the last worker before it reached the last stake (the "149 of 150" failures).
    const target = (await t.clients.publicClient.getBlockNumber({ cacheTime: 0 })) - BigInt(CONFIRMATIONS);
    expect(target).toBeGreaterThanOrEqual(stakedIn.at(-1)!);

    const cursor = async () => BigInt((await db().query("SELECT block_number::text FROM chain_cursor")).rows[0]?.block_number ?? -1);
    const cursorReaches = async (block: bigint) => {
      const deadline = Date.now() + 45_000;
      while ((await cursor()) < block) {
        if (Date.now() > deadline) throw new Error(`the indexer did not reach block ${block} within 45 s (at ${await cursor()})`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    const killedAt: bigint[] = [];
    for (let run = 0; run < 2; run++) {
      const child = spawnWorker({ INDEXER_BATCH_BLOCKS: "1" });
      await cursorReaches((await cursor()) + 20n);
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      killedAt.push(await cursor());
    }
    expect(killedAt[0]! > start && killedAt[1]! > killedAt[0]! && killedAt[1]! < target).toBe(true);

    const child = spawnWorker({ INDEXER_BATCH_BLOCKS: "7" });
    await cursorReaches(target);
    child.kill("SIGTERM");
    await new Promise((r) => child.once("exit", r));

    const applied = await db().query("SELECT count(*)::int AS n, count(DISTINCT tx_hash)::int AS txs FROM chain_events WHERE name = 'Staked' AND args->>'minerId' = $1", [node]);
    // On failure: which stake's block is missing, and what the workers logged about it.
    const indexed = new Set((await db().query("SELECT block_number::text AS b FROM chain_events WHERE name = 'Staked' AND args->>'minerId' = $1", [node])).rows.map((r) => r.b));
    const missing = stakedIn.filter((b) => !indexed.has(b.toString()));
    expect(
      applied.rows[0],
      `stakes missing from blocks ${missing.join(", ")} (killed at ${killedAt.join(", ")}); worker logs:\n${workerLogs
        .join("")
        .split("\n")
        .filter((l) => missing.some((b) => l.includes(`"block":${b}`) || l.includes(`${b},`)) || !l.includes('"indexed"'))
        .slice(-60)
        .join("\n")}`,
    ).toEqual({ n: STAKES, txs: STAKES });
    expect(BigInt(await stakeWei(node))).toBe(await t.nodeStakeOnChain(node));
    expect(await stakeWei(node)).toBe(heu((STAKES * (STAKES + 1)) / 2).toString());
  });
});

/** Every spawned worker's JSON log lines, for a failure's message. */
const workerLogs: string[] = [];

/** `npm run worker` following the test chain (and nothing else). */
function spawnWorker(env: Record<string, string>): ChildProcess {
  const root = path.resolve(import.meta.dirname, "../..");
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      ...chainEnvOf(t.anvil.rpcUrl, t.c),
      CHAIN_CONFIRMATIONS: String(CONFIRMATIONS),
      CHAIN_POLL_MS: "50",
      EPOCH_SETTLEMENT: "off",
      ...env,
    },
  });
  child.stdout!.on("data", (chunk: Buffer) => workerLogs.push(chunk.toString()));
  return child;
}
