// HEU per point: what a point of each kind is worth in the portal's own epochs, never a constant
// (SPEC, "Staking and bribes"). A settled epoch paid pool ÷ points. The open epoch's pools grow
// with its points (base + an amount per point), so its rate is the one it is on course for:
// points so far projected over the whole week at the pace so far, pool sized for that, ÷ points.
import { EPOCH_MS } from "./epoch";

const WEI_PER_HEU = 1e18;
const MICRO = 1e6;
/** Less than a day into an epoch its pace says little; the last settled epoch is used instead. */
export const MIN_OPEN_EPOCH_MS = 86_400_000;

export interface PoolConfigWei {
  waifuBaseWei: bigint;
  llamaBaseWei: bigint;
  waifuWeiPerPoint: bigint;
  llamaWeiPerPoint: bigint;
}

export interface TokenRate {
  /** HEU per Waifu Point and per Llama Point. */
  waifu: number;
  llama: number;
  source: "open-epoch" | "settled-epoch";
  epoch: number;
  /** When the figures were read (open epoch) or the epoch was settled. */
  asOf: string;
}

const heu = (wei: bigint) => Number(wei) / WEI_PER_HEU;

/** A settled epoch's rate: each pool ÷ its points (0 for a pool nobody earned points in). */
export function settledRate(e: { epoch: number; waifuPoolWei: bigint; llamaPoolWei: bigint; waifuPointsMicro: bigint; llamaPointsMicro: bigint; settledAt: Date }): TokenRate {
  const per = (poolWei: bigint, micro: bigint) => (micro > 0n ? heu(poolWei) / (Number(micro) / MICRO) : 0);
  return {
    waifu: per(e.waifuPoolWei, e.waifuPointsMicro),
    llama: per(e.llamaPoolWei, e.llamaPointsMicro),
    source: "settled-epoch",
    epoch: e.epoch,
    asOf: e.settledAt.toISOString(),
  };
}

/**
 * The open epoch's projected rate, or null when less than MIN_OPEN_EPOCH_MS of it has passed or
 * no points of either kind were earned yet.
 */
export function openEpochRate(o: { epoch: number; startsAt: Date; now: Date; config: PoolConfigWei; waifuPointsMicro: bigint; llamaPointsMicro: bigint }): TokenRate | null {
  const elapsed = o.now.getTime() - o.startsAt.getTime();
  if (elapsed < MIN_OPEN_EPOCH_MS || (o.waifuPointsMicro <= 0n && o.llamaPointsMicro <= 0n)) return null;
  const scale = EPOCH_MS / Math.min(elapsed, EPOCH_MS);
  const per = (baseWei: bigint, weiPerPoint: bigint, micro: bigint) => {
    if (micro <= 0n) return 0;
    const projected = (Number(micro) / MICRO) * scale;
    return (heu(baseWei) + heu(weiPerPoint) * projected) / projected;
  };
  return {
    waifu: per(o.config.waifuBaseWei, o.config.waifuWeiPerPoint, o.waifuPointsMicro),
    llama: per(o.config.llamaBaseWei, o.config.llamaWeiPerPoint, o.llamaPointsMicro),
    source: "open-epoch",
    epoch: o.epoch,
    asOf: o.now.toISOString(),
  };
}

/** Points of each kind valued in HEU at a rate. */
export const heuOfPoints = (rate: Pick<TokenRate, "waifu" | "llama">, waifuPoints: number, llamaPoints: number) => waifuPoints * rate.waifu + llamaPoints * rate.llama;
