import "server-only";
import { StandardMerkleTree } from "@openzeppelin/merkle-tree";
import type pg from "pg";
import { withTransaction } from "../db";
import { epochGrantTotals, epochsWithoutTree } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

// A settled epoch's esHEU grants as the RewardDistributor's Merkle tree (decision 0030): one leaf
// (address account, uint256 amount) per recipient, its roles (miner, staker) summed, in
// OpenZeppelin's standard tree (double-hashed leaves, sorted pairs), the tree the contract checks.

export const LEAF_TYPES = ["address", "uint256"] as const;

export interface RewardTree {
  root: `0x${string}`;
  totalWei: bigint;
  leaves: { account: string; amountWei: bigint; proof: `0x${string}`[] }[];
}

/** The tree of `grants` (recipient → wei); recipients with nothing are left out. Null when nobody gets anything. */
export function rewardTreeOf(grants: ReadonlyMap<string, bigint>): RewardTree | null {
  const values = [...grants]
    .filter(([, wei]) => wei > 0n)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([account, wei]) => [account, wei.toString()]);
  if (values.length === 0) return null;
  const tree = StandardMerkleTree.of(values, [...LEAF_TYPES]);
  const leaves = [...tree.entries()].map(([i, [account, wei]]) => ({ account: account!, amountWei: BigInt(wei!), proof: tree.getProof(i) as `0x${string}`[] }));
  return { root: tree.root as `0x${string}`, totalWei: leaves.reduce((s, l) => s + l.amountWei, 0n), leaves };
}

/**
 * Builds epoch `epoch`'s tree from its esheu_grants and stores its root and every leaf with its
 * proof; `vestStart` is the epoch's end. Called inside the settlement's transaction, so an epoch is
 * settled with its tree or not at all; a no-op when the tree exists (an epoch settled before trees).
 */
export async function storeRewardTree(client: pg.PoolClient, epoch: number, vestStart: Date): Promise<RewardTree | null> {
  const rows = await queryTyped(client, epochGrantTotals(epoch));
  const tree = rewardTreeOf(new Map(rows.map((r) => [r.recipient, BigInt(r.wei)])));
  if (!tree) return null;
  const stored = await client.query(`INSERT INTO reward_roots (epoch, root, total_wei, leaves, vest_start) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (epoch) DO NOTHING`, [
    epoch,
    tree.root,
    tree.totalWei.toString(),
    tree.leaves.length,
    vestStart,
  ]);
  if (stored.rowCount === 0) return null;
  await client.query(
    `INSERT INTO reward_leaves (epoch, account, amount_wei, proof)
     SELECT $1, account, amount, string_to_array(proof, ',') FROM unnest($2::text[], $3::numeric[], $4::text[]) AS l(account, amount, proof)`,
    [epoch, tree.leaves.map((l) => l.account), tree.leaves.map((l) => l.amountWei.toString()), tree.leaves.map((l) => l.proof.join(","))],
  );
  return tree;
}

/** Builds the trees of epochs settled before trees existed (the settlement task calls it each run); returns their epochs. */
export async function storeMissingRewardTrees(pool: pg.Pool): Promise<number[]> {
  const rows = await queryTyped(pool, epochsWithoutTree());
  const built: number[] = [];
  for (const e of rows) {
    if (await withTransaction((client) => storeRewardTree(client, e.number, e.ends_at), { db: pool })) built.push(e.number);
  }
  return built;
}
