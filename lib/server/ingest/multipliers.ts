import "server-only";
import type pg from "pg";
import type { NodeFactors } from "@/lib/points";
import { assignmentInForce, rankedMiners, slotHolders, type AssignmentSet } from "../boost-slot-ranking";
import { nftTimeline, stakeTimeline, type Timeline } from "../chain/history";
import type { PreparedJob } from "./prepare-jobs";
import { boostAssignmentsOf, knownNodes } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

const WEI_PER_HEU = 10n ** 18n;

export function weiToHeu(wei: string): number {
  const value = BigInt(wei);
  return Number(value / WEI_PER_HEU) + Number(value % WEI_PER_HEU) / 1e18;
}

/**
 * The NFT count of each job's wallet, the boost slot of its node and the stake on it, as the indexed
 * chain had them when the job completed. Slots go to the owner's chosen miner IDs (the assignment
 * in force when the job completed), the rest to the wallet's earliest-registered ones; nodes first
 * seen in this batch queue behind the known ones in the order their first job completed.
 */
export async function loadNodeFactors(client: pg.PoolClient, jobs: readonly PreparedJob[]): Promise<(job: PreparedJob) => Required<NodeFactors>> {
  const minerIds = [...new Set(jobs.map((j) => j.job.miner_id))];
  const wallets = [...new Set(jobs.map((j) => j.wallet))];
  // A loop, not Math.min(...times): a bulk import's chunk (tens of thousands of jobs) would overflow the stack.
  let min = Infinity;
  let max = -Infinity;
  for (const j of jobs) {
    const t = j.completedAt.getTime();
    if (t < min) min = t;
    if (t > max) max = t;
  }
  const from = new Date(min);
  const to = new Date(max);
  const [nfts, stakes] = await Promise.all([nftTimeline(client, wallets, from, to), stakeTimeline(client, minerIds, from, to)]);
  const nftWallets = new Map(wallets.map((w) => [w, nfts.max(w, from, to, 0, (n) => n)] as const).filter(([, n]) => n > 0));
  if (nftWallets.size > 0) await lockNftWallets(client, jobs, nftWallets);
  const holdersFor = nftWallets.size > 0 ? await batchSlotHolders(client, jobs, nftWallets, nfts) : () => false;

  return (job) => ({
    nftCount: nfts.at(job.wallet, job.completedAt, 0),
    hasBoostSlot: holdersFor(job),
    stakeHeu: weiToHeu(stakes.at(job.job.miner_id, job.completedAt, "0")),
  });
}

/** pg advisory-lock namespace for a wallet's boost-slot ranking ("BS"); the key is the address's hash. */
const BOOST_LOCK_CLASS = 0x4253;

/**
 * Boost slots are a ranking over a wallet's nodes: two batches that each bring a new GPU of the
 * same NFT wallet, reading `nodes` at once, could each rank theirs inside the 3 × NFT slots. A batch
 * that brings a new GPU of an NFT wallet takes that wallet's lock exclusively; one that brings only
 * known GPUs takes it shared (it waits for a new GPU being added, not for other readers). Held until
 * COMMIT, so the next batch's ranking sees this batch's nodes.
 *
 * No deadlock: every batch takes all its wallet locks in one statement, in the order of the lock
 * keys themselves (two addresses can share a 32-bit hash, so address order is not key order), each
 * key once, before it touches any node or rollup row. The only rows a batch holds by then are its
 * own new job ids, which no batch waits for while holding a wallet lock (a batch with an overlapping
 * job id waits at its job insert, before taking any wallet lock).
 */
async function lockNftWallets(client: pg.PoolClient, jobs: readonly PreparedJob[], nftWallets: Map<string, number>): Promise<void> {
  const ids = [...new Set(jobs.filter((j) => nftWallets.has(j.wallet)).map((j) => j.job.miner_id))];
  const rows = await queryTyped(client, knownNodes(ids));
  const known = new Set(rows.map((r) => r.miner_id));
  const growing = new Set(jobs.filter((j) => nftWallets.has(j.wallet) && !known.has(j.job.miner_id)).map((j) => j.wallet));
  const wallets = [...nftWallets.keys()];
  await client.query(
    `SELECT CASE WHEN g THEN pg_advisory_xact_lock($1, k) ELSE pg_advisory_xact_lock_shared($1, k) END
       FROM (SELECT hashtext(w) AS k, bool_or(g) AS g FROM unnest($2::text[], $3::bool[]) AS t(w, g) GROUP BY 1 ORDER BY 1) keys`,
    [BOOST_LOCK_CLASS, wallets, wallets.map((w) => growing.has(w))],
  );
}

/** `maxNfts`: each NFT-holding wallet's largest count over the batch (how many default holders to rank). */
async function batchSlotHolders(client: pg.PoolClient, jobs: readonly PreparedJob[], maxNfts: Map<string, number>, nfts: Timeline<number>) {
  const nftWallets = [...maxNfts.keys()];
  const [order, sets] = await Promise.all([rankedMiners(client, maxNfts), queryTyped(client, boostAssignmentsOf(nftWallets))]);
  // Every NFT wallet has a list (rankedMiners), even one whose first GPUs appear in this very batch.
  const byFirstJob = [...jobs].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime() || (a.job.miner_id < b.job.miner_id ? -1 : 1));
  const listed = new Map<string, Set<string>>(); // list membership in O(1): a 2,500-GPU wallet's list is long
  for (const { wallet, job } of byFirstJob) {
    const list = order.get(wallet);
    if (!list) continue;
    let members = listed.get(wallet);
    if (!members) listed.set(wallet, (members = new Set(list)));
    if (!members.has(job.miner_id)) {
      list.push(job.miner_id);
      members.add(job.miner_id);
    }
  }
  const setsByWallet = new Map<string, AssignmentSet[]>();
  for (const s of sets) {
    // miner_ids is a Prisma list (nullable in the table); the boost-slot writes always set it.
    setsByWallet.set(s.wallet, [...(setsByWallet.get(s.wallet) ?? []), { effectiveFrom: s.effective_from.getTime(), minerIds: s.miner_ids ?? [] }]);
  }

  const memo = new Map<string, Set<string>>();
  return (job: PreparedJob): boolean => {
    const count = nfts.at(job.wallet, job.completedAt, 0);
    if (!count) return false;
    const inForce = assignmentInForce(setsByWallet.get(job.wallet) ?? [], job.completedAt.getTime());
    const key = `${job.wallet}:${count}:${inForce?.effectiveFrom ?? "default"}`;
    let holders = memo.get(key);
    if (!holders) {
      memo.set(key, (holders = slotHolders(order.get(job.wallet) ?? [], count, inForce?.minerIds ?? [])));
    }
    return holders.has(job.job.miner_id);
  };
}
