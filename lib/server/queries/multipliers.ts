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
