// From points to tokens: epochs and exact pool splits. Pure, like lib/points.
export { EPOCH_MS, EPOCH_ORIGIN_MS, epochEnd, epochOf, epochStart } from "./epoch";
export { splitNodeReward, splitPool, timeWeightedStake, type NodeSplit, type StakeChangeAt } from "./split";
