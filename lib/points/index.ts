// Public API of the points library. Pure TypeScript: safe to import from server and browser code.
export { ModelNotOfferedError, NoScheduleError, PointsError, UnknownModelError, UnknownScheduleError, type PointsErrorCode } from "./errors";
export { describeBreach } from "./describe-breach";
export { MIN_PIXELS, MIN_STEPS, waifuBaseMicro } from "./image";
export { TOKENS_PER_POINT, llamaBaseMicro } from "./llm";
export { IMAGE_CATEGORY_BY_TYPE, MODELS, findModel, getModelOrThrow, type ImageCategory, type ModelInfo, type ModelType } from "./models";
export { SLOTS_PER_NFT, assignBoostSlots, boostSlots, nftMultiplierPpm } from "./nft-boost";
export {
  MEGAPIXEL,
  PLAUSIBILITY_BOUNDS,
  checkPlausibility,
  findPlausibilityBounds,
  latencyFloorMs,
  plausibilityBoundsFor,
  plausibilityFingerprint,
  type ImageBounds,
  type LlmBounds,
  type PlausibilityBound,
  type PlausibilityBounds,
  type PlausibilityBreach,
  type PlausibilityJob,
} from "./plausibility";
export {
  ZERO_REASONS,
  jobTimeoutSec,
  pointsMicroFromFactors,
  isSuccess,
  priceBase,
  priceJob,
  withNodeFactors,
  scheduleMultiplierPpm,
  type JobStatus,
  type BasePrice,
  type NodeFactors,
  type PriceJobInput,
  type PricedJob,
  type ZeroReason,
} from "./price-job";
export { MAINNET_ACTIVATION_CURVE, TESTNET_BOOST_CURVE } from "./schedule-data";
export { SCHEDULES, findSchedule, getScheduleOrThrow, scheduleAt, scheduleFingerprint, type RewardSchedule } from "./schedules";
export { stakeMultiplierPpm, type StakeCurve } from "./stake-curve";
export { MICRO, PPM, formatPoints, microToPoints, multiplyMicro, pointsToMicro, ppmToNumber } from "./units";
