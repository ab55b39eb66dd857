import "server-only";
import { isIdle, pointsPerJob, withMedians, type FleetRow } from "@/lib/dashboard/fleet";
import type { Availability24h } from "@/lib/schemas/activity";
import type { WalletMiner } from "@/lib/schemas/wallets";
import { boostAssignmentAt } from "../boost-slots";
import { readPrisma } from "../db";
import { walletMiners } from "../generated/prisma/sql";
import { walletAvailability24h, type WalletAvailability } from "./availability-24h";
import { countOf, heuOf, isoOf, onTimeOf, pointsOf } from "./convert";
import { WINDOW_HOURS, windowStart } from "./windows";

// The fleet table reads every GPU of the wallet at once (2,500+ in the largest wallets): the
// median a GPU is compared with is over all of its model, whatever the page or filter, and the
// sort runs on figures computed here (lib/dashboard/fleet.ts). The query: prisma/sql/walletMiners.sql.

type MinerRow = walletMiners.Result;

function toFleetRow(row: MinerRow, boosted: ReadonlySet<string>, availability: Availability24h): FleetRow {
  const onTime24h = onTimeOf(row.successes_24h, row.jobs_24h);
  // Exact in micro-points until here; a GPU serves one kind of job, so the sum is its points.
  const micro24h = BigInt(row.waifu_24h ?? 0) + BigInt(row.llama_24h ?? 0);
  const points24h = pointsOf(micro24h.toString());
  return {
    minerId: row.miner_id,
    hardware: row.hardware,
    firstSeenAt: isoOf(row.first_seen_at),
    lastSeenAt: isoOf(row.last_seen_at),
    totalWaifuPoints: pointsOf(row.total_waifu_micro),
    totalLlamaPoints: pointsOf(row.total_llama_micro),
    totalImageCount: countOf(row.image_count),
    totalTextCount: countOf(row.text_count),
    last24HrsWaifuPoints: pointsOf(row.waifu_24h),
    last24HrsLlamaPoints: pointsOf(row.llama_24h),
    last24HrsAvailability: availability.ratio,
    availability24h: availability,
    onTime24h,
    latencyMs: row.latency_ms,
    stake: heuOf(row.stake_wei),
    hasBoostSlot: boosted.has(row.miner_id),
    pointType: countOf(row.text_count) > countOf(row.image_count) ? "llama" : "waifu",
    points24h,
    pointsPerJob24h: pointsPerJob(micro24h, onTime24h.jobs),
    idle: isIdle(availability),
  };
}

/**
 * Every GPU of the wallet with its figures over the last 24 hours and its standing against the
 * wallet's GPUs of the same model (vsMedian), unsorted. `availability` is walletAvailability24h's.
 */
export async function walletFleetMiners(address: string, now: Date, availability?: Promise<WalletAvailability>): Promise<WalletMiner[]> {
  const rows = readPrisma().$queryRawTyped(walletMiners(address, windowStart(now, WINDOW_HOURS["24h"])));
  const [minerRows, avail, boosted] = await Promise.all([rows, availability ?? walletAvailability24h(address, now), boostedMinerIds(address, now)]);
  return withMedians(minerRows.map((r) => toFleetRow(r, boosted, avail.byMiner.get(r.miner_id) ?? avail.unseen)));
}

/**
 * The wallet's slot holders now: the owner's choice in force, then its earliest-registered miner
 * IDs for any free slot (the rule ingestion prices by). Empty for an unknown wallet.
 */
export async function boostedMinerIds(address: string, now = new Date()): Promise<Set<string>> {
  return new Set((await boostAssignmentAt(address, now.getTime()))?.holders ?? []);
}
