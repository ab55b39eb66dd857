// Exact integer splits: every unit of a pool goes to someone, none is created. Amounts are bigints
// (token wei, micro-points), so a split never drifts the way floating point does.

/**
 * Splits `pool` pro rata to `shares`: each key gets floor(pool × share ÷ total), and the units left
 * over (fewer than the number of keys) go one each to the largest remainders, ties to the smaller
 * key, so the result is deterministic and sums to `pool` exactly. Keys with a zero share get 0.
 */
export function splitPool<K extends string>(pool: bigint, shares: ReadonlyMap<K, bigint>): Map<K, bigint> {
  if (pool < 0n) throw new RangeError("pool must be ≥ 0");
  let total = 0n;
  for (const [key, share] of shares) {
    if (share < 0n) throw new RangeError(`share of ${key} is negative`);
    total += share;
  }
  const out = new Map<K, bigint>();
  if (total === 0n) {
    for (const key of shares.keys()) out.set(key, 0n);
    return out;
  }
  const remainders: { key: K; rest: bigint }[] = [];
  let given = 0n;
  for (const [key, share] of shares) {
    const exact = pool * share;
    const amount = exact / total;
    out.set(key, amount);
    given += amount;
    remainders.push({ key, rest: exact % total });
  }
  remainders.sort((a, b) => (a.rest === b.rest ? (a.key < b.key ? -1 : 1) : a.rest > b.rest ? -1 : 1));
  for (let i = 0n; i < pool - given; i++) {
    const { key } = remainders[Number(i)]!;
    out.set(key, out.get(key)! + 1n);
  }
  return out;
}

export interface NodeSplit<K extends string> {
  operator: bigint;
  stakers: Map<K, bigint>;
}

/**
 * A node's tokens between its operator and its stakers: the bribe (basis points) goes to the
 * stakers pro rata to `stakeWeights` (time-weighted stake), the rest to the operator. Without
 * stake, the bribe has no one to go to and stays with the operator.
 */
export function splitNodeReward<K extends string>(tokens: bigint, bribeBps: number, stakeWeights: ReadonlyMap<K, bigint>): NodeSplit<K> {
  if (!Number.isInteger(bribeBps) || bribeBps < 0 || bribeBps > 10_000) throw new RangeError(`bribe must be 0–10000 bps, got ${bribeBps}`);
  const staked = [...stakeWeights.values()].some((w) => w > 0n);
  const toStakers = staked ? (tokens * BigInt(bribeBps)) / 10_000n : 0n;
  return { operator: tokens - toStakers, stakers: splitPool(toStakers, stakeWeights) };
}

export interface StakeChangeAt {
  staker: string;
  /** The change in stake (wei), positive or negative. */
  delta: bigint;
  at: Date;
}

/**
 * Each staker's stake × seconds over [from, to): `before` is the stake each held at `from`,
 * `changes` what happened inside the window (in time order). Stakers who held nothing get no key.
 */
export function timeWeightedStake(before: ReadonlyMap<string, bigint>, changes: readonly StakeChangeAt[], from: Date, to: Date): Map<string, bigint> {
  const held = new Map(before);
  const since = new Map<string, number>();
  const weights = new Map<string, bigint>();
  const credit = (staker: string, until: number) => {
    const amount = held.get(staker) ?? 0n;
    const start = since.get(staker) ?? from.getTime();
    if (amount > 0n && until > start) weights.set(staker, (weights.get(staker) ?? 0n) + (amount * BigInt(until - start)) / 1000n);
  };
  for (const c of changes) {
    const t = Math.min(Math.max(c.at.getTime(), from.getTime()), to.getTime());
    credit(c.staker, t);
    held.set(c.staker, (held.get(c.staker) ?? 0n) + c.delta);
    since.set(c.staker, t);
  }
  for (const staker of held.keys()) credit(staker, to.getTime());
  return weights;
}

/** Parts per million: 1,000,000 is weight 1. */
export const WEIGHT_ONE_PPM = 1_000_000;

/**
 * One staker's weight in a node's bribe split from their stake × seconds per token: HEU counts
 * once, esHEU `esheuWeightPpm` ÷ 10⁶ times (the reward configuration's weight), floored once.
 */
export function splitWeight(heu: bigint, esheu: bigint, esheuWeightPpm: number): bigint {
  if (!Number.isInteger(esheuWeightPpm) || esheuWeightPpm <= 0) throw new RangeError(`esHEU weight must be a positive whole ppm, got ${esheuWeightPpm}`);
  return heu + (esheu * BigInt(esheuWeightPpm)) / BigInt(WEIGHT_ONE_PPM);
}

/** Per-token stake × seconds (timeWeightedStake of each token) as each staker's split weight. */
export function splitWeights(heu: ReadonlyMap<string, bigint>, esheu: ReadonlyMap<string, bigint>, esheuWeightPpm: number): Map<string, bigint> {
  const out = new Map<string, bigint>();
  for (const staker of new Set([...heu.keys(), ...esheu.keys()])) {
    const w = splitWeight(heu.get(staker) ?? 0n, esheu.get(staker) ?? 0n, esheuWeightPpm);
    if (w > 0n) out.set(staker, w);
  }
  return out;
}
