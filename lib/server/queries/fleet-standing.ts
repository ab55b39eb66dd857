import "server-only";
import { explainStanding, type StandingMix } from "@/lib/dashboard/fleet-standing";
import { nftMultiplierPpm, ppmToNumber, scheduleAt } from "@/lib/points";
import type { WalletMiner } from "@/lib/schemas/wallets";
import { readPrisma } from "../db";
import { minerStandingMix } from "../generated/prisma/sql";
import { walletFleetMiners } from "./wallet-miners";
import { WINDOW_HOURS, windowStart } from "./windows";

export interface MinerStanding {
  sentence: string;
  row: WalletMiner;
  /** The 24-hour window the comparison covers: the rollups' last 24 hourly buckets. */
  from: string;
  asOf: string;
}

/**
 * One GPU against the wallet's others of its model: its fleet-table row (the same figures the
 * wallet's table sorts by) and its job entries of the same 24 hours grouped by what priced them
 * (one index range on (miner_id, occurred_at)). Null for a GPU the wallet no longer lists.
 */
export async function minerStanding(minerId: string, wallet: string, nftCount: number, now: Date): Promise<MinerStanding | null> {
  const from = windowStart(now, WINDOW_HOURS["24h"]);
  const [fleet, rows] = await Promise.all([walletFleetMiners(wallet, now), readPrisma().$queryRawTyped(minerStandingMix(minerId, from))]);
  const row = fleet.find((m) => m.minerId === minerId);
  if (!row) return null;
  const mix: StandingMix[] = rows.map((r) => ({
    modelId: r.model_id,
    scheduleId: r.schedule_id,
    modelMultiplier: ppmToNumber(r.model_multiplier_ppm),
    zeroReason: r.zero_reason,
    jobs: Number(r.jobs),
  }));
  const boostMultiplier = nftCount > 0 ? ppmToNumber(nftMultiplierPpm(scheduleAt(now), nftCount, true)) : null;
  return { sentence: explainStanding({ row, mix, boostMultiplier }), row, from: from.toISOString(), asOf: now.toISOString() };
}
