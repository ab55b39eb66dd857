import "server-only";
import { AppError } from "@/lib/errors";
import type { MinerQuery, MinerResponse } from "@/lib/schemas/miners";
import { readPool } from "../db";
import { readAsOf, withReadAsOf } from "../read-as-of";
import { dailySeries, last24Hrs } from "./activity";
import { minerAvailability24h } from "./availability-24h";
import { countOf, heuOf, isoOf, nodeLatencyMsSql, pointsOf } from "./convert";
import { multipliersInForce } from "./multipliers";
import { minerOpenEpoch } from "./open-epoch";
import { boostedMinerIds } from "./wallet-miners";

export interface NodeRow {
  miner_id: string;
  wallet: string;
  device_tag: string | null;
  hardware: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
  stake_wei: string;
  total_waifu_micro: string;
  total_llama_micro: string;
  image_count: string;
  text_count: string;
  failed_count: string;
  latency_ms: number | null;
  nft_count: number;
}

export async function nodeRow(minerId: string): Promise<NodeRow | undefined> {
  const { rows } = await readPool().query<NodeRow>(
    `SELECT n.miner_id, n.wallet, n.device_tag, n.hardware, n.first_seen_at, n.last_seen_at, coalesce(s.stake_wei, 0)::text AS stake_wei,
            n.total_waifu_micro::text, n.total_llama_micro::text, n.image_count::text, n.text_count::text,
            n.failed_count::text, ${nodeLatencyMsSql("n")} AS latency_ms, coalesce(wn.nft_count, 0) AS nft_count
       FROM nodes n LEFT JOIN node_stakes s ON s.miner_id = n.miner_id LEFT JOIN wallet_nfts wn ON wn.wallet = n.wallet
      WHERE n.miner_id = $1`,
    [minerId],
  );
  return rows[0];
}

/** One GPU: per-node totals, its last 24 hours and a daily series, all from rollups (never the ledger). */
export async function getMinerOrThrow(minerId: string, query: MinerQuery, now = new Date()): Promise<MinerResponse> {
  // Indexed reads in parallel; the rollup reads are cheap enough to waste on an unknown ID.
  const [node, recent, availability24h, dailyPoints, openEpoch, asOf] = await Promise.all([
    nodeRow(minerId),
    last24Hrs("miner", minerId, now),
    minerAvailability24h(minerId, now),
    dailySeries("miner", minerId, now, query.days),
    minerOpenEpoch(minerId, now),
    readAsOf(),
  ]);
  if (!node) throw new AppError("not_found", `No miner ${minerId} has reported a job yet.`);
  const stake = heuOf(node.stake_wei);
  // Only a wallet with NFTs has slots; then the owner's choice decides (see boost-slots.ts).
  const hasBoostSlot = node.nft_count > 0 && (await boostedMinerIds(node.wallet, now)).has(node.miner_id);
  return {
    minerId: node.miner_id,
    wallet: node.wallet,
    deviceTag: node.device_tag,
    hardware: node.hardware,
    firstSeenAt: isoOf(node.first_seen_at),
    lastSeenAt: isoOf(node.last_seen_at),
    totalWaifuPoints: pointsOf(node.total_waifu_micro),
    totalLlamaPoints: pointsOf(node.total_llama_micro),
    totalImageCount: countOf(node.image_count),
    totalTextCount: countOf(node.text_count),
    totalFailedCount: countOf(node.failed_count),
    ...recent,
    last24HrsAvailability: availability24h.ratio,
    availability24h,
    latencyMs: node.latency_ms,
    stake,
    nftCount: node.nft_count,
    multipliers: multipliersInForce(now, node.nft_count, hasBoostSlot, stake),
    dailyPoints,
    openEpoch: withReadAsOf(openEpoch, asOf),
  };
}
