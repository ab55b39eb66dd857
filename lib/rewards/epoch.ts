// Weekly epochs, Friday 00:00 UTC to the next Friday 00:00 UTC, numbered like the StakingMarket's
// `currentEpoch()`: epoch 0 starts on 1970-01-02, the first Friday of the Unix era.

export const EPOCH_ORIGIN_MS = 86_400_000;
export const EPOCH_MS = 7 * 86_400_000;

/** The epoch `at` falls in (an epoch includes its start, excludes its end). */
export function epochOf(at: Date): number {
  return Math.floor((at.getTime() - EPOCH_ORIGIN_MS) / EPOCH_MS);
}

export function epochStart(epoch: number): Date {
  if (!Number.isSafeInteger(epoch) || epoch < 0) throw new RangeError(`epoch must be a whole number ≥ 0, got ${epoch}`);
  return new Date(EPOCH_ORIGIN_MS + epoch * EPOCH_MS);
}

export function epochEnd(epoch: number): Date {
  return epochStart(epoch + 1);
}

// The same calendar in unix seconds, as the StakingMarket contract and the indexed chain count time.

/** The epoch unix second `unixSec` falls in (the contract's `currentEpoch()` at that time). */
export const epochAtSec = (unixSec: number): number => epochOf(new Date(unixSec * 1000));

export const epochStartSec = (epoch: number): number => epochStart(epoch).getTime() / 1000;

/** When a bribe set at `unixSec` takes effect: the next Friday 00:00 UTC (strictly after). */
export const nextEpochStartSec = (unixSec: number): number => epochStartSec(epochAtSec(unixSec) + 1);
