// From a settled epoch to esHEU in wallets (issue 14, decision 0030), against a real anvil: the
// epoch's tree is published and funded by the operator, the indexer follows RootPublished and
// Claimed, and GET /api/v1/wallets/{address}/claims walks each leaf from unpublished to claimable
// to claimed; a claim made with the API's proof is paid as esHEU vesting from the epoch's end, and
// a claim-and-stake raises the node's stake as the indexer sees it.
import pg from "pg";
import type { Address } from "viem";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { GET as getClaims } from "@/app/api/v1/wallets/[address]/claims/route";
import { esHeuAbi, rewardDistributorAbi } from "@/lib/chain/abi";
import type { ChainContracts, ChainEnv } from "@/lib/env";
import { epochEnd, epochOf, epochStart } from "@/lib/rewards/epoch";
import type { WalletClaims } from "@/lib/schemas/claims";
import { indexToHead } from "@/lib/server/chain/indexer";
import { publishEpochRoot } from "@/lib/server/epochs/publish-root";
import { publishRootsTask } from "@/lib/server/worker/tasks/publish-roots";
import { log } from "@/lib/log";
import { settleEpoch } from "@/lib/server/epochs/settle";
import { verifyAll } from "@/lib/server/verify/verify";
import { chainEnvOf, deployContracts, type ContractAddresses } from "../../contracts/deploy";
import { startAnvil, type Anvil } from "../../scripts/lib/anvil";
import { anvilAccount, anvilPrivateKey, chainClients, type ChainClients } from "../../scripts/lib/chain-actions";
import { imageJob } from "../support/fixtures";
import { importJobs } from "../support/import-jobs";
import { createOwnDatabase } from "../support/own-database";

const A = epochOf(new Date("2024-10-09T00:00:00Z"));
const [owner, alice, bob] = [0, 1, 2].map(anvilAccount) as [ReturnType<typeof anvilAccount>, ReturnType<typeof anvilAccount>, ReturnType<typeof anvilAccount>];
const lower = (a: { address: Address }) => a.address.toLowerCase();
const bobNode = `${lower(bob)}-gpu0`;
let anvil: Anvil;
let clients: ChainClients;
let c: ContractAddresses;
let pool: pg.Pool;
let chain: ChainEnv & { contracts: ChainContracts };

const index = () => indexToHead({ chain, pool, client: clients.publicClient });
async function claimsOf(address: string): Promise<{ status: number; body: WalletClaims & { error?: { message: string } } }> {
  const res = await getClaims(new Request(`http://portal.test/api/v1/wallets/${address}/claims`), { params: Promise.resolve({ address }) });
  return { status: res.status, body: await res.json() };
}
const publish = () => publishEpochRoot({ pool, epoch: A, wallet: clients.walletFor(owner) as never, publicClient: clients.publicClient, contracts: c, mintShortfall: true });

beforeAll(async () => {
  anvil = await startAnvil();
  clients = chainClients(anvil.rpcUrl);
  c = await deployContracts({ walletClient: clients.walletFor(owner), publicClient: clients.publicClient });
  // The route's chain configuration, and the worker's operator key (anvil's deployer).
  Object.assign(process.env, chainEnvOf(anvil.rpcUrl, c), { OPERATOR_PRIVATE_KEY: anvilPrivateKey(0) });
  const url = await createOwnDatabase("reward_claims");
  process.env.DATABASE_URL = url;
  pool = new pg.Pool({ connectionString: url, max: 3 });
  chain = {
    chainId: 31337,
    rpcUrl: anvil.rpcUrl,
    publicRpcUrl: anvil.rpcUrl,
    startBlock: c.deployBlock,
    confirmations: 0,
    pollMs: 50,
    batchBlocks: 100,
    chunkMs: 60_000,
    contracts: { heu: c.heu, esHeu: c.esHeu, imaginaries: c.imaginaries, stakingMarket: c.stakingMarket, rewardDistributor: c.rewardDistributor },
  };
  const at = (h: number) => new Date(epochStart(A).getTime() + h * 3_600_000).toISOString();
  const jobs = [...[1, 2, 3].map((h) => imageJob({ miner_id: `${lower(alice)}-gpu0`, completed_at: at(h) })), imageJob({ miner_id: bobNode, completed_at: at(5) })];
  await importJobs(pool, jobs);
  await settleEpoch(pool, A, new Date(epochEnd(A).getTime() + 60_000));
}, 120_000);

afterAll(async () => {
  await pool?.end();
  await anvil?.stop();
});

describe("claims of a settled epoch", () => {
  test("before the root is published each wallet's leaf is unpublished, worth its grants", async () => {
    const { status, body } = await claimsOf(alice.address);
    expect(status).toBe(200);
    expect(body.distributor).toBe(c.rewardDistributor.toLowerCase());
    const grants = await pool.query<{ wei: string }>("SELECT sum(amount_wei)::text AS wei FROM esheu_grants WHERE epoch = $1 AND recipient = $2", [A, lower(alice)]);
    expect(body.claims).toHaveLength(1);
    expect(body.claims[0]).toMatchObject({ epoch: A, amountWei: grants.rows[0]!.wei, status: "unpublished", claimedTx: null });
    expect(body.claims[0]!.vestStart).toBe(epochEnd(A).toISOString());
    expect((await claimsOf("0x1234")).status).toBe(400);
    expect((await claimsOf("0x00000000000000000000000000000000000000aa")).body.claims).toEqual([]);
  });

  test("the operator publishes and funds the root once; the indexer makes it claimable", async () => {
    const first = await publish();
    expect(first.tx).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await publish()).tx).toBeNull(); // already on chain: nothing sent
    await index();
    const { body } = await claimsOf(alice.address);
    expect(body.claims[0]).toMatchObject({ status: "claimable", publishedTx: first.tx });
    const [root, total] = await clients.publicClient.readContract({ address: c.rewardDistributor, abi: rewardDistributorAbi, functionName: "epochOf", args: [BigInt(A)] });
    expect(root).toBe(body.claims[0]!.root);
    expect(total).toBe(first.totalWei);
  });

  test("a claim with the API's proof pays esHEU vesting from the epoch's end; a claim-and-stake raises the node's stake", async () => {
    const mine = (await claimsOf(alice.address)).body.claims[0]!;
    const receipt = await clients.publicClient.waitForTransactionReceipt({
      hash: await clients.walletFor(alice).writeContract({
        address: c.rewardDistributor,
        abi: rewardDistributorAbi,
        functionName: "claim",
        args: [BigInt(A), BigInt(mine.amountWei), mine.proof as `0x${string}`[]],
      }),
    });
    expect(receipt.status).toBe("success");
    const [amount, , start] = await clients.publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grantOf", args: [alice.address, 0n] });
    expect([amount, start]).toEqual([BigInt(mine.amountWei), BigInt(epochEnd(A).getTime() / 1000)]);

    const theirs = (await claimsOf(bob.address)).body.claims[0]!;
    await clients.publicClient.waitForTransactionReceipt({
      hash: await clients.walletFor(bob).writeContract({
        address: c.rewardDistributor,
        abi: rewardDistributorAbi,
        functionName: "claimAndStake",
        args: [BigInt(A), BigInt(theirs.amountWei), theirs.proof as `0x${string}`[], bobNode],
      }),
    });
    await index();
    expect((await claimsOf(alice.address)).body.claims[0]).toMatchObject({ status: "claimed", claimedTx: receipt.transactionHash, stakedInto: null });
    expect((await claimsOf(bob.address)).body.claims[0]).toMatchObject({ status: "claimed", stakedInto: bobNode });
    const stake = await pool.query<{ stake_wei: string }>("SELECT stake_wei::text FROM node_stakes WHERE miner_id = $1", [bobNode]);
    expect(stake.rows[0]?.stake_wei).toBe(theirs.amountWei);
    const staker = await pool.query<{ amount_wei: string }>("SELECT amount_wei::text FROM stake_positions WHERE miner_id = $1 AND staker = $2 AND token = 1", [
      bobNode,
      lower(bob),
    ]);
    expect(staker.rows[0]?.amount_wei).toBe(theirs.amountWei);
  });

  test("verify ties the trees to the grants, the published root to the stored one and each claim to its leaf", async () => {
    const rewardChecks = async () => (await verifyAll(pool)).filter((r) => /^(reward|published) /.test(r.name)).map((r) => [r.name, r.checked, r.mismatches]);
    expect(await rewardChecks()).toEqual([
      ["reward trees (leaves = esHEU grants)", 2, 0],
      ["published roots (on chain = stored)", 1, 0],
      ["reward claims (paid = leaf)", 2, 0],
    ]);
    // What the indexer recorded, changed by hand: each is named.
    await pool.query("UPDATE reward_claims SET amount_wei = amount_wei + 1 WHERE account = $1", [lower(alice)]);
    await pool.query("UPDATE reward_publications SET root = $1", [`0x${"ab".repeat(32)}`]);
    try {
      expect(await rewardChecks()).toEqual([
        ["reward trees (leaves = esHEU grants)", 2, 0],
        ["published roots (on chain = stored)", 1, 1],
        ["reward claims (paid = leaf)", 2, 1],
      ]);
      expect((await claimsOf(bob.address)).body.claims[0]!.status).toBe("claimed"); // claimed stays claimed
    } finally {
      await pool.query("UPDATE reward_claims SET amount_wei = amount_wei - 1 WHERE account = $1", [lower(alice)]);
    }
  });

  test("the worker's publish-roots task publishes the next settled epoch by itself, once", async () => {
    const B = A + 1;
    await importJobs(pool, [imageJob({ miner_id: `${lower(alice)}-gpu0`, completed_at: new Date(epochStart(B).getTime() + 3_600_000).toISOString() })], { fold: false });
    await settleEpoch(pool, B, new Date(epochEnd(B).getTime() + 60_000));
    const task = publishRootsTask();
    expect(task.enabled).toBe(true);
    const run = () => task.run({ pool, logger: log(), signal: new AbortController().signal });
    await run();
    await index();
    expect((await claimsOf(alice.address)).body.claims.map((x) => [x.epoch, x.status])).toEqual([
      [B, "claimable"],
      [A, "claimed"],
    ]);
    // Nothing left to publish: a second run sends nothing (the publication is indexed).
    const block = await clients.publicClient.getBlockNumber({ cacheTime: 0 });
    await run();
    expect(await clients.publicClient.getBlockNumber({ cacheTime: 0 })).toBe(block);
  });
});
