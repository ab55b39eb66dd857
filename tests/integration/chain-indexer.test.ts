// The chain indexer against a real anvil and the deployed contracts: what it writes equals what the
// contracts hold, it waits for confirmations and survives reorgs shallower than that, and ingestion
// prices jobs with the stake and NFTs in force at completion. SIGKILL mid-range:
// chain-indexer-crash.test.ts.
import pg from "pg";
import { parseEventLogs, type Hash } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { POST } from "@/app/api/v1/jobs/route";
import { imaginariesAbi, stakingMarketAbi } from "@/lib/chain/abi";
import { ChainReorgError, indexToHead } from "@/lib/server/chain/indexer";
import { ESHEU_TOKEN, HEU_TOKEN, heu } from "../../scripts/lib/chain-actions";
import { db, imageJob, signedRequest } from "../support/fixtures";
import { addr, alice, bob, carol, CONFIRMATIONS, dave, stakeWei, startIndexerChain, type IndexerChain } from "../support/indexer-chain";

const nodeA = `${addr(carol!)}-gpu0`;
const nodeB = `${addr(carol!)}-gpu1`;

let t: IndexerChain | undefined;
let clients: IndexerChain["clients"];
let c: IndexerChain["c"];
let act: IndexerChain["act"];
let chain: IndexerChain["chain"];
let index: IndexerChain["index"];
let nodeStakeOnChain: IndexerChain["nodeStakeOnChain"];

beforeAll(async () => {
  t = await startIndexerChain();
  ({ clients, c, act, chain, index, nodeStakeOnChain } = t);
}, 120_000);

afterAll(async () => {
  await t?.stop();
});

describe("following the contracts", () => {
  test("stakes, moves, unstakes, bribes and NFT transfers land in tables equal to the contracts' state", async () => {
    await act.stake(alice!, nodeA, HEU_TOKEN, heu(60_000));
    await act.stake(bob!, nodeA, ESHEU_TOKEN, heu(30_000));
    await act.stake(bob!, `0x${addr(carol!).slice(2).toUpperCase()}-GPU1`, HEU_TOKEN, heu(10_000)); // node B, spelled loudly
    await act.move(alice!, nodeA, nodeB, HEU_TOKEN, heu(10_000));
    const unstake = await act.unstake(alice!, nodeA, HEU_TOKEN, heu(5_000));
    await act.unstake(bob!, nodeA, ESHEU_TOKEN, heu(1_000));
    const bribe = await act.setBribe(carol!, nodeA, 1_500);
    await act.mintNft(carol!.address);
    await act.mintNft(carol!.address);
    await act.mintNft(dave!.address);
    await act.transferNft(carol!, dave!.address, 1n);
    await act.mine(CONFIRMATIONS);
    await index();

    expect(await stakeWei(nodeA)).toBe(heu(74_000).toString());
    expect(await stakeWei(nodeB)).toBe(heu(20_000).toString());
    expect(BigInt(await stakeWei(nodeA))).toBe(await nodeStakeOnChain(nodeA));
    expect(BigInt(await stakeWei(nodeB))).toBe(await nodeStakeOnChain(nodeB));

    const positions = await db().query("SELECT miner_id, staker, token, amount_wei::text FROM stake_positions WHERE amount_wei > 0");
    const key = (r: { miner_id: string; staker: string }) => r.miner_id + r.staker;
    expect(positions.rows.sort((x, y) => key(x).localeCompare(key(y)))).toEqual(
      [
        { miner_id: nodeA, staker: addr(alice!), token: HEU_TOKEN, amount_wei: heu(45_000).toString() },
        { miner_id: nodeA, staker: addr(bob!), token: ESHEU_TOKEN, amount_wei: heu(29_000).toString() },
        { miner_id: nodeB, staker: addr(alice!), token: HEU_TOKEN, amount_wei: heu(10_000).toString() },
        { miner_id: nodeB, staker: addr(bob!), token: HEU_TOKEN, amount_wei: heu(10_000).toString() },
      ].sort((x, y) => key(x).localeCompare(key(y))),
    );

    const [unstaked] = parseEventLogs({ abi: stakingMarketAbi, logs: unstake.logs, eventName: "Unstaked" });
    const lock = await db().query("SELECT lock_id::text, staker, miner_id, amount_wei::text, extract(epoch FROM unlock_at)::bigint::text AS unlock, withdrawn_at FROM stake_locks");
    expect(lock.rows).toEqual([
      { lock_id: "1", staker: addr(alice!), miner_id: nodeA, amount_wei: heu(5_000).toString(), unlock: unstaked!.args.unlockAt.toString(), withdrawn_at: null },
    ]);

    const [set] = parseEventLogs({ abi: stakingMarketAbi, logs: bribe.logs, eventName: "BribeSet" });
    const bribes = await db().query("SELECT miner_id, operator, bps, effective_epoch, extract(epoch FROM effective_at)::bigint::text AS at FROM bribe_changes");
    expect(bribes.rows).toEqual([{ miner_id: nodeA, operator: addr(carol!), bps: 1500, effective_epoch: Number(set!.args.effectiveEpoch), at: set!.args.effectiveAt.toString() }]);
    expect(new Date(Number(set!.args.effectiveAt) * 1000).getUTCDay()).toBe(5); // a Friday

    const nfts = await db().query("SELECT wallet, nft_count FROM wallet_nfts ORDER BY wallet");
    for (const { wallet, nft_count } of nfts.rows) {
      expect(BigInt(nft_count)).toBe(await clients.publicClient.readContract({ address: c.imaginaries, abi: imaginariesAbi, functionName: "balanceOf", args: [wallet] }));
    }
    expect(Object.fromEntries(nfts.rows.map((r) => [r.wallet, r.nft_count]))).toEqual({ [addr(carol!)]: 1, [addr(dave!)]: 2 });
  });

  test("indexing again from an earlier block applies nothing twice", async () => {
    const before = await db().query("SELECT count(*)::int AS events, (SELECT sum(stake_wei)::text FROM node_stakes) AS stake FROM chain_events");
    const start = await clients.publicClient.getBlock({ blockNumber: c.deployBlock });
    await db().query("UPDATE chain_cursor SET block_number = $1, block_hash = $2", [start.number.toString(), start.hash]);
    const result = await index();
    expect(result.applied).toBe(0);
    expect((await db().query("SELECT count(*)::int AS events, (SELECT sum(stake_wei)::text FROM node_stakes) AS stake FROM chain_events")).rows).toEqual(before.rows);
  });

  // Two indexers overlap (a worker restarted while its old run still reads, two workers racing a
  // job's unlock): one commits a shorter range while the other reads a batch. The one that waited
  // must go on from the cursor it finds, not from the end of the batch it threw away.
  test("an indexer that finds the cursor moved while it read a batch goes on from that cursor and skips nothing", async () => {
    const node = `${addr(dave!)}-overlap`;
    await index();
    const before = (await db().query("SELECT block_number::text FROM chain_cursor")).rows[0].block_number as string;
    await act.mine(3); // the cursor X is followed by empty blocks (the confirmations, these three), then the stakes
    const shorter = await clients.publicClient.getBlock({ blockNumber: BigInt(before) + 3n });
    for (let i = 1; i <= 5; i++) await act.stake(i % 2 ? alice! : bob!, node, HEU_TOKEN, heu(i)); // X+7..X+11
    await act.mine(CONFIRMATIONS);

    const holder = await db().connect();
    const own = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 1 }); // the indexer's, apart from the test's two
    try {
      await holder.query("BEGIN");
      await holder.query("SELECT 1 FROM chain_cursor FOR UPDATE");
      const running = indexToHead({ chain: { ...chain, batchBlocks: 7 }, pool: own, client: clients.publicClient });
      const waitsOnCursor = async () =>
        (
          await db().query(
            "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%chain_cursor%FOR UPDATE%'",
          )
        ).rows[0].n > 0;
      while (!(await waitsOnCursor())) await new Promise((r) => setTimeout(r, 5));
      // The indexer holds logs for X+1..X+7 and waits; another commits the empty X+1..X+3.
      await holder.query("UPDATE chain_cursor SET block_number = $1, block_hash = $2, block_time = $3", [
        shorter.number.toString(),
        shorter.hash,
        new Date(Number(shorter.timestamp) * 1000),
      ]);
      await holder.query("COMMIT");
      await running;
    } finally {
      holder.release();
      await own.end();
    }
    expect(await stakeWei(node)).toBe(heu(1 + 2 + 3 + 4 + 5).toString());
    expect(BigInt(await stakeWei(node))).toBe(await nodeStakeOnChain(node));
  });

  test(`an event waits for ${CONFIRMATIONS} confirmations`, async () => {
    const node = `${addr(dave!)}-wait`;
    await act.stake(alice!, node, HEU_TOKEN, heu(1_000));
    await act.mine(CONFIRMATIONS - 1);
    expect((await index()).applied).toBe(0);
    expect(await stakeWei(node)).toBe("0");
    await act.mine(1);
    expect((await index()).applied).toBe(1);
    expect(await stakeWei(node)).toBe(heu(1_000).toString());
  });

  test("a reorg shallower than the confirmation depth leaves only the surviving chain's events", async () => {
    const dropped = `${addr(dave!)}-dropped`;
    const kept = `${addr(dave!)}-kept`;
    const snapshot = await clients.testClient.snapshot();
    const lost = await act.stake(alice!, dropped, HEU_TOKEN, heu(777));
    await act.mine(CONFIRMATIONS - 2);
    await index(); // sees the block, must not apply it yet
    await clients.testClient.revert({ id: snapshot });
    await act.stake(bob!, kept, HEU_TOKEN, heu(888));
    await act.mine(CONFIRMATIONS);
    await index();

    expect(await stakeWei(dropped)).toBe("0");
    expect(await stakeWei(kept)).toBe(heu(888).toString());
    expect((await db().query("SELECT count(*)::int AS n FROM chain_events WHERE tx_hash = $1", [lost.transactionHash])).rows[0].n).toBe(0);
    expect(await nodeStakeOnChain(dropped)).toBe(0n);
  });
});

describe("pricing from the chain", () => {
  test("a stake and an NFT on chain raise the multipliers of jobs completed after them, not before", async () => {
    const wallet = addr(dave!);
    const miner = `${wallet}-priced`;
    // "before" is the latest block's second; the stake and the mint land two seconds later.
    const latest = await clients.publicClient.getBlock();
    const before = new Date(Number(latest.timestamp) * 1000).toISOString();
    await clients.testClient.setNextBlockTimestamp({ timestamp: latest.timestamp + 2n });
    await act.stake(alice!, miner, HEU_TOKEN, heu(55_000));
    const minted = await act.mintNft(dave!.address);
    await act.mine(CONFIRMATIONS);
    await index();
    const mintedAt = (await clients.publicClient.getBlock({ blockNumber: minted.blockNumber })).timestamp;
    const after = new Date(Number(mintedAt) * 1000 + 1_000);

    const jobs = [imageJob({ miner_id: miner, completed_at: before }), imageJob({ miner_id: miner, completed_at: after.toISOString() })];
    const res = await POST(signedRequest({ jobs }));
    expect(res.status).toBe(200);
    const body = await res.json();
    // Before: Dave's 2 NFTs (×1.15), no stake. After: 3 NFTs (×1.20) and 55,000 stHEU (×1.25).
    expect(body.results.map((r: { points: number }) => r.points)).toEqual([6.9, 9]);
    const entry = await db().query("SELECT nft_count, nft_multiplier_ppm, stake_multiplier_ppm, stake_heu FROM ledger_entries WHERE job_id = $1", [jobs[1]!.job_id]);
    expect(entry.rows[0]).toMatchObject({ nft_count: 3, nft_multiplier_ppm: 1_200_000, stake_multiplier_ppm: 1_250_000 });
  });
});

describe("time", () => {
  test("withdrawing after the 30-day lock marks the lock withdrawn", async () => {
    const { lock_id } = (await db().query("SELECT lock_id::text FROM stake_locks WHERE withdrawn_at IS NULL LIMIT 1")).rows[0];
    await clients.testClient.increaseTime({ seconds: 30 * 86_400 });
    await act.withdraw(alice!, BigInt(lock_id));
    await act.mine(CONFIRMATIONS);
    await index();
    expect((await db().query("SELECT withdrawn_at FROM stake_locks WHERE lock_id = $1", [lock_id])).rows[0].withdrawn_at).toBeInstanceOf(Date);
  });

  test("a reorg deeper than the confirmation depth stops the indexer with a clear error", async () => {
    const snapshot: Hash = await clients.testClient.snapshot();
    await act.stake(alice!, `${addr(dave!)}-deep`, HEU_TOKEN, heu(1));
    await act.mine(CONFIRMATIONS + 2);
    await index();
    await clients.testClient.revert({ id: snapshot });
    await act.mine(CONFIRMATIONS + 4);
    await expect(index()).rejects.toBeInstanceOf(ChainReorgError);
    await expect(index()).rejects.toThrow(/reorg deeper than CHAIN_CONFIRMATIONS/);
  });
});
