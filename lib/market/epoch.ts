// The staking market's weekly epochs, as the StakingMarket contract counts them: epoch 0 starts
// 1970-01-02 00:00 UTC (a Friday), each lasts 7 days. A bribe set during epoch e is in force from
// the start of e + 1. Times are unix seconds, as on chain.

export const EPOCH_ORIGIN_SEC = 86_400;
export const EPOCH_LENGTH_SEC = 7 * 86_400;

export function epochAt(unixSec: number): number {
  return Math.floor((unixSec - EPOCH_ORIGIN_SEC) / EPOCH_LENGTH_SEC);
}

export function epochStartSec(epoch: number): number {
  return EPOCH_ORIGIN_SEC + epoch * EPOCH_LENGTH_SEC;
}

/** When a bribe set at `unixSec` takes effect: the next Friday 00:00 UTC (strictly after). */
export function nextEpochStartSec(unixSec: number): number {
  return epochStartSec(epochAt(unixSec) + 1);
}
