import "server-only";
import { selectFleet } from "@/lib/dashboard/fleet";
import { AppError } from "@/lib/errors";
import { SLOTS_PER_NFT } from "@/lib/points";
import type { WalletQuery, WalletResponse } from "@/lib/schemas/wallets";
import { readPool } from "../db";
import { readAsOf, withReadAsOf } from "../read-as-of";
import { dailySeries, last24Hrs } from "./activity";
import { walletAvailability24h } from "./availability-24h";
import { countOf, heuOf, isoOf, pointsOf } from "./convert";
import { walletOpenEpoch } from "./open-epoch";
import { walletFleetMiners } from "./wallet-miners";

export interface WalletSummaryRow {
  address: string;
  nft_count: number;
  gpus: string;
  first_seen_at: Date | null;
  last_seen_at: Date | null;
  stake_wei: string | null;
  waifu: string | null;
  llama: string | null;
  images: string | null;
  texts: string | null;
  failed: string | null;
}

/**
 * All-time totals as the sum of the wallet's per-node totals: one index range of at most a few
 * thousand rows, and the same numbers the per-GPU table shows, so the two always add up.
 */
export async function walletSummary(address: string): Promise<WalletSummaryRow | undefined> {
  const { rows } = await readPool().query<WalletSummaryRow>(
    `SELECT w.address, coalesce(wn.nft_count, 0) AS nft_count, s.*, st.stake_wei
       FROM wallets w
       LEFT JOIN wallet_nfts wn ON wn.wallet = w.address
       CROSS JOIN LATERAL (
         SELECT count(*)::text AS gpus, min(first_seen_at) AS first_seen_at, max(last_seen_at) AS last_seen_at,
                sum(total_waifu_micro)::text AS waifu, sum(total_llama_micro)::text AS llama,
                sum(image_count)::text AS images, sum(text_count)::text AS texts, sum(failed_count)::text AS failed
           FROM nodes WHERE wallet = w.address) s
       CROSS JOIN LATERAL (
         SELECT coalesce(sum(ns.stake_wei), 0)::text AS stake_wei
           FROM nodes n JOIN node_stakes ns ON ns.miner_id = n.miner_id WHERE n.wallet = w.address) st
      WHERE w.address = $1`,
    [address],
  );
  return rows[0];
}

export async function getWalletOrThrow(address: string, query: WalletQuery, now = new Date()): Promise<WalletResponse> {
  // Every GPU's availability in one pass, shared by the wallet's figure and the fleet table.
  const availability = walletAvailability24h(address, now);
  const [head, recent, dailyPoints, fleet, avail, openEpoch, asOf] = await Promise.all([
    walletSummary(address),
    last24Hrs("wallet", address, now),
    dailySeries("wallet", address, now, query.days),
    walletFleetMiners(address, now, availability),
    availability,
    walletOpenEpoch(address, now),
    readAsOf(),
  ]);
  if (!head || head.first_seen_at === null || head.last_seen_at === null) {
    throw new AppError("not_found", `No GPU of wallet ${address} has reported a job yet.`);
  }
  const gpuCount = countOf(head.gpus);
  const rows = selectFleet(fleet, query);
  const start = (query.page - 1) * query.pageSize;
  return {
    address: head.address,
    gpuCount,
    firstSeenAt: isoOf(head.first_seen_at),
    lastSeenAt: isoOf(head.last_seen_at),
    nftCount: head.nft_count,
    boostSlots: head.nft_count * SLOTS_PER_NFT,
    stake: heuOf(head.stake_wei),
    totalWaifuPoints: pointsOf(head.waifu),
    totalLlamaPoints: pointsOf(head.llama),
    totalImageCount: countOf(head.images),
    totalTextCount: countOf(head.texts),
    totalFailedCount: countOf(head.failed),
    ...recent,
    last24HrsAvailability: avail.total.ratio,
    availability24h: avail.total,
    dailyPoints,
    openEpoch: withReadAsOf(openEpoch, asOf),
    idleGpus: fleet.filter((m) => m.idle).length,
    miners: {
      items: rows.slice(start, start + query.pageSize),
      page: query.page,
      pageSize: query.pageSize,
      total: rows.length,
    },
  };
}
