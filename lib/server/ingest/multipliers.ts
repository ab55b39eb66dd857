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

function weiToHeu(wei: string): number {
  const value = BigInt(wei);
  return Number(value / WEI_PER_HEU) + Number(value % WEI_PER_HEU) / 1e18;
}

/**
 * The NFT count of each wallet, the boost slot of each node and the stake on each node, as the
 * database knows them now. Boost slots go to a wallet's earliest-registered miner IDs; nodes first
 * seen in this batch queue behind the known ones in the order their first job completed.
 */
export async function loadNodeFactors(client: pg.PoolClient, jobs: readonly PreparedJob[]): Promise<Map<string, NodeFactors>> {
  const minerIds = [...new Set(jobs.map((j) => j.job.miner_id))];
  const wallets = [...new Set(jobs.map((j) => j.wallet))];

  const [walletRows, nodeRows] = await Promise.all([
    client.query<{ address: string; nft_count: number }>(
      "SELECT address, nft_count FROM wallets WHERE address = ANY($1::text[]) AND nft_count > 0",
      [wallets],
    ),
    client.query<{ miner_id: string; stake_wei: string }>(
      "SELECT miner_id, stake_wei::text FROM nodes WHERE miner_id = ANY($1::text[]) AND stake_wei > 0",
      [minerIds],
    ),
  ]);
  const nftByWallet = new Map(walletRows.rows.map((r) => [r.address, r.nft_count]));
  const stakeByNode = new Map(nodeRows.rows.map((r) => [r.miner_id, weiToHeu(r.stake_wei)]));

  const slotHolders = new Set<string>();
  if (nftByWallet.size > 0) {
    const ranked = await client.query<{ wallet: string; miner_id: string }>(
      `SELECT n.wallet, n.miner_id
         FROM wallets w
         CROSS JOIN LATERAL (
           SELECT wallet, miner_id FROM nodes WHERE wallet = w.address
           ORDER BY first_seen_at, miner_id LIMIT w.nft_count * 3
         ) n
        WHERE w.address = ANY($1::text[])`,
      [[...nftByWallet.keys()]],
    );
    const ordered = new Map<string, string[]>();
    for (const row of ranked.rows) ordered.set(row.wallet, [...(ordered.get(row.wallet) ?? []), row.miner_id]);
    const byFirstJob = [...jobs].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime() || a.job.miner_id.localeCompare(b.job.miner_id));
    for (const { wallet, job } of byFirstJob) {
      const list = ordered.get(wallet);
      if (list && !list.includes(job.miner_id)) list.push(job.miner_id);
    }
    for (const [wallet, list] of ordered) {
      for (const id of assignBoostSlots(list, nftByWallet.get(wallet) ?? 0)) slotHolders.add(id);
    }
  }

  const factors = new Map<string, NodeFactors>();
  for (const job of jobs) {
    factors.set(job.job.miner_id, {
      nftCount: nftByWallet.get(job.wallet) ?? 0,
      hasBoostSlot: slotHolders.has(job.job.miner_id),
      stakeHeu: stakeByNode.get(job.job.miner_id) ?? 0,
    });
  }
  return factors;
}
