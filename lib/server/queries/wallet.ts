import "server-only";
import { selectFleet } from "@/lib/dashboard/fleet";
import { AppError } from "@/lib/errors";
import { SLOTS_PER_NFT } from "@/lib/points";
import type { WalletQuery, WalletResponse } from "@/lib/schemas/wallets";
import { readPrisma } from "../db";
import { walletSummary as walletSummaryQuery } from "../generated/prisma/sql";
import { readAsOf, withReadAsOf } from "../read-as-of";
import { dailySeries, last24Hrs } from "./activity";
import { walletAvailability24h } from "./availability-24h";
import { countOf, heuOf, isoOf, pointsOf } from "./convert";
import { walletOpenEpoch } from "./open-epoch";
import { walletFleetMiners } from "./wallet-miners";

/** The wallet's all-time totals (prisma/sql/walletSummary.sql); undefined for an unknown wallet. */
export async function walletSummary(address: string): Promise<walletSummaryQuery.Result | undefined> {
  return (await readPrisma().$queryRawTyped(walletSummaryQuery(address)))[0];
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
