import "server-only";
import type pg from "pg";
import { assignBoostSlots } from "@/lib/points";
import type { PreparedJob } from "./prepare-jobs";

export interface NodeFactors {
  nftCount: number;
  hasBoostSlot: boolean;
  stakeHeu: number;
}

const WEI_PER_HEU = 10n ** 18n;

export function weiToHeu(wei: string): number {
  const value = BigInt(wei);
  return Number(value / WEI_PER_HEU) + Number(value % WEI_PER_HEU) / 1e18;
}

interface AssignmentSet {
  effectiveFrom: number;
  minerIds: string[];
}

/**
 * The NFT count of each wallet, the boost slot of each job's node and the stake on it, as the
 * database knows them. Slots go to the owner's chosen miner IDs (the assignment in force when the
 * job completed), the rest to the wallet's earliest-registered ones; nodes first seen in this batch
 * queue behind the known ones in the order their first job completed.
 */
export async function loadNodeFactors(client: pg.PoolClient, jobs: readonly PreparedJob[]): Promise<(job: PreparedJob) => NodeFactors> {
  const minerIds = [...new Set(jobs.map((j) => j.job.miner_id))];
  const wallets = [...new Set(jobs.map((j) => j.wallet))];
  const [walletRows, nodeRows] = await Promise.all([
    client.query<{ address: string; nft_count: number }>("SELECT address, nft_count FROM wallets WHERE address = ANY($1::text[]) AND nft_count > 0", [wallets]),
    client.query<{ miner_id: string; stake_wei: string }>("SELECT miner_id, stake_wei::text FROM nodes WHERE miner_id = ANY($1::text[]) AND stake_wei > 0", [minerIds]),
  ]);
  const nftByWallet = new Map(walletRows.rows.map((r) => [r.address, r.nft_count]));
  const stakeByNode = new Map(nodeRows.rows.map((r) => [r.miner_id, weiToHeu(r.stake_wei)]));
  const holdersFor = nftByWallet.size > 0 ? await slotHolders(client, jobs, nftByWallet) : () => false;

  return (job) => ({
    nftCount: nftByWallet.get(job.wallet) ?? 0,
    hasBoostSlot: holdersFor(job),
    stakeHeu: stakeByNode.get(job.job.miner_id) ?? 0,
  });
}

async function slotHolders(client: pg.PoolClient, jobs: readonly PreparedJob[], nftByWallet: Map<string, number>) {
  const nftWallets = [...nftByWallet.keys()];
  const [ranked, sets] = await Promise.all([
    client.query<{ wallet: string; miner_id: string }>(
      `SELECT n.wallet, n.miner_id FROM wallets w
        CROSS JOIN LATERAL (SELECT wallet, miner_id FROM nodes WHERE wallet = w.address ORDER BY first_seen_at, miner_id LIMIT w.nft_count * 3) n
        WHERE w.address = ANY($1::text[])`,
      [nftWallets],
    ),
    client.query<{ wallet: string; miner_ids: string[]; effective_from: Date }>(
      "SELECT wallet, miner_ids, effective_from FROM boost_assignments WHERE wallet = ANY($1::text[]) ORDER BY wallet, effective_from",
      [nftWallets],
    ),
  ]);
  const order = new Map<string, string[]>();
  for (const row of ranked.rows) order.set(row.wallet, [...(order.get(row.wallet) ?? []), row.miner_id]);
  const byFirstJob = [...jobs].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime() || (a.job.miner_id < b.job.miner_id ? -1 : 1));
  for (const { wallet, job } of byFirstJob) {
    const list = order.get(wallet);
    if (list && !list.includes(job.miner_id)) list.push(job.miner_id);
  }
  const setsByWallet = new Map<string, AssignmentSet[]>();
  for (const s of sets.rows) {
    setsByWallet.set(s.wallet, [...(setsByWallet.get(s.wallet) ?? []), { effectiveFrom: s.effective_from.getTime(), minerIds: s.miner_ids }]);
  }

  const memo = new Map<string, Set<string>>();
  return (job: PreparedJob): boolean => {
    const nfts = nftByWallet.get(job.wallet);
    if (!nfts) return false;
    const inForce = (setsByWallet.get(job.wallet) ?? []).filter((s) => s.effectiveFrom <= job.completedAt.getTime()).at(-1);
    const key = `${job.wallet}:${inForce?.effectiveFrom ?? "default"}`;
    let holders = memo.get(key);
    if (!holders) {
      const explicit = inForce?.minerIds ?? [];
      const list = [...(order.get(job.wallet) ?? []), ...explicit];
      memo.set(key, (holders = assignBoostSlots(list, nfts, explicit)));
    }
    return holders.has(job.job.miner_id);
  };
}
