// The open epoch, projected: what settlement would grant if the epoch ended now with no more jobs
// and no stake moved. The same splits as settlement (splitPool, splitNodeReward), applied to one
// node or one wallet against the rest of the network, so a projection is never a second formula.
import { splitNodeReward, splitPool } from "./split";

export interface NetworkSoFar {
  waifuPoolWei: bigint;
  llamaPoolWei: bigint;
  /** All points of each kind earned in the epoch so far (micro-points). */
  waifuPointsMicro: bigint;
  llamaPointsMicro: bigint;
}

/**
 * What settlement's splitPool gives `pointsMicro` of a pool whose points total `totalMicro`. The
 * rest of the network is one key here, so the leftover wei of the floor division may land
 * differently than among all miners: at most 1 wei per pool and miner counted in `pointsMicro`.
 */
export function poolShare(poolWei: bigint, pointsMicro: bigint, totalMicro: bigint): bigint {
  const mine = pointsMicro > 0n ? pointsMicro : 0n; // settlement never pays a negative share
  if (mine === 0n || totalMicro <= 0n || poolWei === 0n) return 0n;
  const rest = totalMicro > mine ? totalMicro - mine : 0n;
  return splitPool(
    poolWei,
    new Map([
      ["mine", mine],
      ["rest", rest],
    ]),
  ).get("mine")!;
}

export interface NodeProjection<K extends string> {
  waifuWei: bigint;
  llamaWei: bigint;
  tokensWei: bigint;
  /** The bribe's part, to the node's stakers by time-weighted stake (0 without stake or bribe). */
  stakersWei: bigint;
  operatorWei: bigint;
  stakers: Map<K, bigint>;
}

/** One node's tokens so far and their split between its operator and stakers, as settlement splits them. */
export function projectNode<K extends string>(
  network: NetworkSoFar,
  node: { waifuPointsMicro: bigint; llamaPointsMicro: bigint; bribeBps: number; stakeWeights: ReadonlyMap<K, bigint> },
): NodeProjection<K> {
  const waifuWei = poolShare(network.waifuPoolWei, node.waifuPointsMicro, network.waifuPointsMicro);
  const llamaWei = poolShare(network.llamaPoolWei, node.llamaPointsMicro, network.llamaPointsMicro);
  const tokensWei = waifuWei + llamaWei;
  const split = splitNodeReward(tokensWei, node.bribeBps, node.stakeWeights);
  return { waifuWei, llamaWei, tokensWei, operatorWei: split.operator, stakersWei: tokensWei - split.operator, stakers: split.stakers };
}
