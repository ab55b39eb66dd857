import type { RewardSchedule } from "./schedules";
import { PPM, assertSafeInteger } from "./units";

/** Each Heurist Imaginaries NFT boosts up to three GPUs of the wallet holding it. */
export const SLOTS_PER_NFT = 3;

export function boostSlots(nftCount: number): number {
  assertSafeInteger(nftCount, "nftCount", { min: 0 });
  return nftCount * SLOTS_PER_NFT;
}

/**
 * The boost depends on how many NFTs the wallet holds, but applies only to a GPU that holds one
 * of the wallet's slots; the others earn 1.0.
 */
export function nftMultiplierPpm(schedule: Pick<RewardSchedule, "nftBoostPpm">, nftCount: number, hasSlot: boolean): number {
  assertSafeInteger(nftCount, "nftCount", { min: 0 });
  if (!hasSlot || nftCount === 0) return PPM;
  let best: { minNfts: number; ppm: number } | undefined;
  for (const row of schedule.nftBoostPpm) {
    if (row.minNfts <= nftCount && (!best || row.minNfts > best.minNfts)) best = row;
  }
  return best?.ppm ?? PPM;
}

/**
 * Which of a wallet's miner ids hold a boost slot.
 *
 * The owner's explicit choice wins (ids of other wallets and duplicates are ignored, and only the
 * first `3k` count). Slots the choice leaves free go to the earliest-registered miners, so a
 * slot is never wasted when the owner buys another NFT or retires a boosted GPU.
 *
 * @param minerIds the wallet's miner ids, oldest registration first (compared verbatim: pass the
 *   stored lowercase form for both lists)
 */
export function assignBoostSlots(minerIds: readonly string[], nftCount: number, explicit?: readonly string[]): Set<string> {
  const slots = boostSlots(nftCount);
  const owned = new Set(minerIds);
  const assigned = new Set<string>();
  const take = (ids: Iterable<string>) => {
    for (const id of ids) {
      if (assigned.size >= slots) return;
      if (owned.has(id)) assigned.add(id);
    }
  };
  take(explicit ?? []);
  take(minerIds);
  return assigned;
}
