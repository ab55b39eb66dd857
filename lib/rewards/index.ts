// From points to tokens: epochs and exact pool splits. Pure, like lib/points.
export { EPOCH_MS, EPOCH_ORIGIN_MS, epochEnd, epochOf, epochStart } from "./epoch";
export { WEIGHT_ONE_PPM, splitNodeReward, splitPool, splitWeight, splitWeights, timeWeightedStake, type NodeSplit, type StakeChangeAt } from "./split";
export { MIN_OPEN_EPOCH_MS, heuOfPoints, openEpochRate, settledRate, type PoolConfigWei, type TokenRate } from "./token-rate";
export { poolShare, projectNode, type NetworkSoFar, type NodeProjection } from "./projection";
