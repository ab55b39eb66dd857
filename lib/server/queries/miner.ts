import "server-only";
import { AppError } from "@/lib/errors";
import type { MinerQuery, MinerResponse } from "@/lib/schemas/miners";
import { minerNode } from "../generated/prisma/sql";
import { readPrisma } from "../db";
import { readAsOf, withReadAsOf } from "../read-as-of";
import { dailySeries, last24Hrs } from "./activity";
import { minerAvailability24h } from "./availability-24h";
import { countOf, heuOf, isoOf, pointsOf } from "./convert";
import { multipliersInForce } from "./multipliers";
import { minerOpenEpoch } from "./open-epoch";
import { boostedMinerIds } from "./wallet-miners";

export async function nodeRow(minerId: string): Promise<minerNode.Result | undefined> {
  return (await readPrisma().$queryRawTyped(minerNode(minerId)))[0];
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
