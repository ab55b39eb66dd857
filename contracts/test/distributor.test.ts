// RewardDistributor (issue 14): one Merkle root per settled epoch, funded with exactly the sum of
// its leaves; each recipient claims once, as esHEU vesting for a year from the epoch's end, to its
// wallet or staked into a node in its own name; every wrong claim reverts with a named error.
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import { parseEther, type Address } from "viem";
import { describe, expect, test } from "vitest";
import { esHeuAbi, heuAbi, rewardDistributorAbi, stakingMarketAbi } from "../../lib/chain/abi";
import { alice, balanceOf, bob, carol, dave, deployPerFile, eventOf, expectRevert, latestTimestamp, mined, mineAt, mintHeu, owner, publicClient, walletOf } from "./fixture";

const c = deployPerFile();
const YEAR = 365n * 86_400n;
const NODE = `${bob.toLowerCase()}-4090`;
const ESHEU = 1;

type Leaf = [Address, bigint];
const treeOf = (leaves: Leaf[]) => StandardMerkleTree.of(leaves, ["address", "uint256"]);
const proofOf = (tree: StandardMerkleTree<Leaf>, account: Address) => {
  for (const [i, [a]] of tree.entries()) if (a === account) return tree.getProof(i) as `0x${string}`[];
  throw new Error(`${account} has no leaf`);
};
const total = (leaves: Leaf[]) => leaves.reduce((s, [, v]) => s + v, 0n);
const LEAVES: Leaf[] = [
  [alice, parseEther("1250.5")],
  [bob, parseEther("3")],
  [carol, 7n],
];

/** Publishes `leaves` as `epoch`'s root (funded by the owner), vesting from `vestStart`. */
async function publish(epoch: bigint, leaves: Leaf[], vestStart: bigint) {
  const tree = treeOf(leaves);
  await mintHeu(c, owner, total(leaves));
  await mined(walletOf(owner).writeContract({ address: c.heu, abi: heuAbi, functionName: "approve", args: [c.rewardDistributor, total(leaves)] }));
  const receipt = await mined(
    walletOf(owner).writeContract({
      address: c.rewardDistributor,
      abi: rewardDistributorAbi,
      functionName: "publishRoot",
      args: [epoch, tree.root as `0x${string}`, total(leaves), vestStart],
    }),
  );
  return { tree, receipt };
}

const claim = (from: Address, epoch: bigint, amount: bigint, proof: `0x${string}`[]) =>
  walletOf(from).writeContract({ address: c.rewardDistributor, abi: rewardDistributorAbi, functionName: "claim", args: [epoch, amount, proof] });
const grantOf = (account: Address, id: bigint) => publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grantOf", args: [account, id] });
const claimable = (account: Address) => publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "claimable", args: [account] });
async function nodeId(minerId: string): Promise<`0x${string}`> {
  return publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "nodeIdOf", args: [minerId] });
}

describe("publishing", () => {
  test("the owner publishes an epoch's root once, and the contract then holds exactly its leaves' sum", async () => {
    const vestStart = (await latestTimestamp()) - 3_600n;
    const { tree, receipt } = await publish(7n, LEAVES, vestStart);
    expect(eventOf(receipt, rewardDistributorAbi, "RootPublished")).toEqual({ epoch: 7n, root: tree.root, total: total(LEAVES), vestStart });
    expect(await balanceOf(c.heu, c.rewardDistributor)).toBe(total(LEAVES));
    expect(await publicClient.readContract({ address: c.rewardDistributor, abi: rewardDistributorAbi, functionName: "epochOf", args: [7n] })).toEqual([
      tree.root,
      total(LEAVES),
      0n,
      vestStart,
    ]);
    await expectRevert(publish(7n, LEAVES, vestStart), "RootAlreadyPublished", [7n]);
  });

  test("nobody else publishes, and a root needs a value and a total", async () => {
    const root = treeOf(LEAVES).root as `0x${string}`;
    const call = (from: Address, args: readonly [bigint, `0x${string}`, bigint, bigint]) =>
      walletOf(from).writeContract({ address: c.rewardDistributor, abi: rewardDistributorAbi, functionName: "publishRoot", args });
    await expectRevert(call(alice, [1n, root, 1n, 0n]), "OwnableUnauthorizedAccount", [alice]);
    await expectRevert(call(owner, [1n, `0x${"00".repeat(32)}`, 1n, 0n]), "ZeroRoot", []);
    await expectRevert(call(owner, [1n, root, 0n, 0n]), "ZeroAmount", []);
  });
});

describe("claiming", () => {
  test("a recipient's claim is esHEU vesting for a year from the epoch's end, once", async () => {
    // The epoch ended half a year before a moment a minute ahead: the blocks mined on the way
    // (publish, claim) stay before it, so the chain's clock can be set to it without going back.
    const halfYearOn = (await latestTimestamp()) + 60n;
    const vestStart = halfYearOn - YEAR / 2n;
    const { tree } = await publish(3n, LEAVES, vestStart);
    const amount = LEAVES[0]![1];
    const receipt = await mined(claim(alice, 3n, amount, proofOf(tree, alice)));
    expect(eventOf(receipt, rewardDistributorAbi, "Claimed")).toEqual({ epoch: 3n, account: alice, amount, minerId: "" });
    expect(eventOf(receipt, esHeuAbi, "Granted")).toEqual({ account: alice, grantId: 0n, amount, start: vestStart, end: vestStart + YEAR });
    expect(await balanceOf(c.esHeu, alice)).toBe(amount);
    expect(await balanceOf(c.heu, c.rewardDistributor)).toBe(total(LEAVES) - amount);
    expect(await publicClient.readContract({ address: c.rewardDistributor, abi: rewardDistributorAbi, functionName: "isClaimed", args: [3n, alice] })).toBe(true);
    // Half of the year has passed since the epoch's end: half is claimable into HEU now.
    await mineAt(halfYearOn);
    expect(await claimable(alice)).toBe(amount / 2n);
    await expectRevert(claim(alice, 3n, amount, proofOf(tree, alice)), "AlreadyClaimed", [3n, alice]);
  });

  test("a wrong amount, someone else's proof, an account without a leaf and an unknown epoch are refused by name", async () => {
    const { tree } = await publish(4n, LEAVES, await latestTimestamp());
    const [, amount] = LEAVES[0]!;
    await expectRevert(claim(alice, 4n, amount + 1n, proofOf(tree, alice)), "InvalidProof", [4n, alice, amount + 1n]);
    await expectRevert(claim(alice, 4n, amount, proofOf(tree, bob)), "InvalidProof", [4n, alice, amount]);
    await expectRevert(claim(dave, 4n, amount, proofOf(tree, alice)), "InvalidProof", [4n, dave, amount]);
    await expectRevert(claim(alice, 5n, amount, proofOf(tree, alice)), "UnknownEpoch", [5n]);
    await expectRevert(claim(alice, 4n, 0n, []), "InvalidProof", [4n, alice, 0n]);
    expect(await balanceOf(c.heu, c.rewardDistributor)).toBe(total(LEAVES));
  });

  test("every leaf claimed leaves the contract empty; a root worth more than its funding cannot be drained past it", async () => {
    const { tree } = await publish(6n, LEAVES, await latestTimestamp());
    for (const [account, amount] of LEAVES) await mined(claim(account, 6n, amount, proofOf(tree, account)));
    expect(await balanceOf(c.heu, c.rewardDistributor)).toBe(0n);
    // A tree whose leaves add up to more than the published total.
    const greedy: Leaf[] = [
      [alice, 10n],
      [bob, 10n],
    ];
    const t = treeOf(greedy);
    await mintHeu(c, owner, 15n);
    await mined(walletOf(owner).writeContract({ address: c.heu, abi: heuAbi, functionName: "approve", args: [c.rewardDistributor, 15n] }));
    await mined(
      walletOf(owner).writeContract({ address: c.rewardDistributor, abi: rewardDistributorAbi, functionName: "publishRoot", args: [8n, t.root as `0x${string}`, 15n, 0n] }),
    );
    await mined(claim(alice, 8n, 10n, proofOf(t, alice)));
    await expectRevert(claim(bob, 8n, 10n, proofOf(t, bob)), "ExceedsEpochTotal", [8n, 5n, 10n]);
  });
});

describe("claim and stake", () => {
  test("the esHEU goes straight into the node as the claimant's stake; unstaking returns it to the claimant, vesting as granted", async () => {
    const vestStart = await latestTimestamp();
    const { tree } = await publish(9n, LEAVES, vestStart);
    const amount = LEAVES[0]![1];
    const receipt = await mined(
      walletOf(alice).writeContract({
        address: c.rewardDistributor,
        abi: rewardDistributorAbi,
        functionName: "claimAndStake",
        args: [9n, amount, proofOf(tree, alice), NODE],
      }),
    );
    const id = await nodeId(NODE);
    expect(eventOf(receipt, stakingMarketAbi, "Staked")).toEqual({ nodeId: id, staker: alice, token: ESHEU, amount, minerId: NODE });
    expect(eventOf(receipt, rewardDistributorAbi, "Claimed")).toEqual({ epoch: 9n, account: alice, amount, minerId: NODE });
    const read = (functionName: "stakeOf", staker: Address) =>
      publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName, args: [id, staker, ESHEU] });
    expect(await read("stakeOf", alice)).toBe(amount);
    expect(await read("stakeOf", c.rewardDistributor)).toBe(0n);
    expect(await publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "nodeStake", args: [id] })).toBe(amount);
    expect(await balanceOf(c.esHeu, alice)).toBe(0n);
    expect(await balanceOf(c.esHeu, c.rewardDistributor)).toBe(0n);
    expect(await grantOf(alice, 0n)).toEqual([amount, 0n, vestStart, vestStart + YEAR]);

    await mined(walletOf(alice).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "unstake", args: [NODE, ESHEU, amount] }));
    expect(await balanceOf(c.esHeu, alice)).toBe(amount);
    await mineAt(vestStart + YEAR);
    expect(await claimable(alice)).toBe(amount);
  });

  test("several epochs in one transaction, into a node or to the wallet", async () => {
    const now = await latestTimestamp();
    const a = await publish(20n, LEAVES, now);
    const b = await publish(
      21n,
      [
        [alice, 5n],
        [dave, 1n],
      ],
      now,
    );
    const claims = [
      { epoch: 20n, amount: LEAVES[0]![1], proof: proofOf(a.tree, alice) },
      { epoch: 21n, amount: 5n, proof: proofOf(b.tree, alice) },
    ];
    const many = (minerId: string, list = claims) =>
      walletOf(alice).writeContract({ address: c.rewardDistributor, abi: rewardDistributorAbi, functionName: "claimMany", args: [list, minerId] });
    await mined(many(NODE));
    expect(await publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stakeOf", args: [await nodeId(NODE), alice, ESHEU] })).toBe(
      LEAVES[0]![1] + 5n,
    );
    expect(await publicClient.readContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grantCount", args: [alice] })).toBe(2n);
    // A batch with one claim already made is refused whole.
    const c2 = await publish(
      22n,
      [
        [alice, 2n],
        [bob, 1n],
      ],
      now,
    );
    await expectRevert(many("", [{ epoch: 22n, amount: 2n, proof: proofOf(c2.tree, alice) }, claims[1]!]), "AlreadyClaimed", [21n, alice]);
    expect(await publicClient.readContract({ address: c.rewardDistributor, abi: rewardDistributorAbi, functionName: "isClaimed", args: [22n, alice] })).toBe(false);
    await mined(many("", [{ epoch: 22n, amount: 2n, proof: proofOf(c2.tree, alice) }]));
    expect(await balanceOf(c.esHeu, alice)).toBe(2n);
  });

  test("stakeFor names a staker; grantVesting mints only to the grantee or to the granter itself", async () => {
    await mintHeu(c, alice, 10n);
    await mined(walletOf(alice).writeContract({ address: c.heu, abi: heuAbi, functionName: "approve", args: [c.stakingMarket, 10n] }));
    await expectRevert(
      walletOf(alice).writeContract({
        address: c.stakingMarket,
        abi: stakingMarketAbi,
        functionName: "stakeFor",
        args: ["0x0000000000000000000000000000000000000000", NODE, 0, 10n],
      }),
      "ZeroStaker",
      [],
    );
    await mined(walletOf(alice).writeContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stakeFor", args: [carol, NODE, 0, 10n] }));
    expect(await publicClient.readContract({ address: c.stakingMarket, abi: stakingMarketAbi, functionName: "stakeOf", args: [await nodeId(NODE), carol, 0] })).toBe(10n);
    await expectRevert(walletOf(owner).writeContract({ address: c.esHeu, abi: esHeuAbi, functionName: "grantVesting", args: [alice, carol, 1n, 0n] }), "InvalidHolder", [carol]);
  });
});
