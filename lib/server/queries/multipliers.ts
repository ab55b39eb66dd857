import "server-only";
import { nftMultiplierPpm, ppmToNumber, scheduleAt, stakeMultiplierPpm } from "@/lib/points";

/**
 * What the next job of a node would be multiplied by under the schedule in force now: the same
 * library calls ingestion makes, fed with the node's stored NFT count, slot and stake.
 */
export function multipliersInForce(now: Date, nftCount: number, hasBoostSlot: boolean, stakeHeu: number) {
  const schedule = scheduleAt(now);
  return {
    scheduleId: schedule.id,
    hasBoostSlot,
    nftMultiplier: ppmToNumber(nftMultiplierPpm(schedule, nftCount, hasBoostSlot)),
    stakeMultiplier: ppmToNumber(stakeMultiplierPpm(schedule.stakeCurve, stakeHeu)),
  };
}

/**
 * SQL for "does node `n` hold a boost slot": it is among its wallet's first 3 × nft_count miner IDs
 * by registration (the rule ingestion prices by). Reads at most 3 × 500 index entries.
 * Expects aliases `n` (nodes) and `w` (wallets) in scope.
 */
export const HAS_BOOST_SLOT_SQL = `(w.nft_count > 0 AND n.miner_id IN (
  SELECT s.miner_id FROM nodes s WHERE s.wallet = n.wallet ORDER BY s.first_seen_at, s.miner_id LIMIT w.nft_count * 3))`;
