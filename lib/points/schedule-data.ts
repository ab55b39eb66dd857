import { deepFreeze } from "./deep-freeze";
import type { RewardSchedule } from "./schedules";
import type { StakeCurve } from "./stake-curve";

// Published schedules. NEVER edit one that has priced jobs: add a new schedule with a later
// `effectiveFrom` instead. schedules.test.ts pins each one's fingerprint to enforce this.

/** Testnet stHEU boost: 1.0 up to 10,000, linear to 1.5 at 100,000, flat after. */
export const TESTNET_BOOST_CURVE: StakeCurve = deepFreeze({
  kind: "boost",
  points: [
    [10_000, 1_000_000],
    [100_000, 1_500_000],
  ],
  belowFirstPpm: 1_000_000,
});

/** Mainnet rules: inactive below 10,000; 0.1 at 10,000 rising to 1.0 at 100,000; flat after. */
export const MAINNET_ACTIVATION_CURVE: StakeCurve = deepFreeze({
  kind: "activation",
  points: [
    [10_000, 100_000],
    [100_000, 1_000_000],
  ],
  belowFirstPpm: 0,
});

/** Placeholder boost table until the official Heurist Imaginaries table is published. */
const DEFAULT_NFT_BOOST = [
  { minNfts: 1, ppm: 1_100_000 },
  { minNfts: 2, ppm: 1_150_000 },
  { minNfts: 3, ppm: 1_200_000 },
] as const;

const TIMEOUTS_SEC = { image: 18, llm: 180 } as const;

const TESTNET_2024_04: RewardSchedule = {
  id: "testnet-2024-04",
  effectiveFrom: "2024-04-01T00:00:00Z",
  inForceByDate: true,
  // Flux did not exist on the network yet: absent means "not offered", unlike 0 ("disabled").
  imageCategoryPpm: { sd15: 1_000_000, sdxl: 1_800_000, "sdxl-lora": 1_800_000 },
  llmModelPpm: { "mixtral-8x7b": 1_000_000 },
  timeoutsSec: { ...TIMEOUTS_SEC },
  nftBoostPpm: DEFAULT_NFT_BOOST.map((row) => ({ ...row })),
  stakeCurve: TESTNET_BOOST_CURVE,
};

const TESTNET_2024_09: RewardSchedule = {
  id: "testnet-2024-09",
  effectiveFrom: "2024-09-01T00:00:00Z",
  inForceByDate: true,
  imageCategoryPpm: { sd15: 300_000, sdxl: 1_000_000, "sdxl-lora": 1_200_000, flux: 0 },
  llmModelPpm: {
    "dolphin-2.9-llama3-8b": 500_000,
    "hermes-3-llama3.1-8b": 500_000,
    "theia-llama-3.1-8b": 500_000,
    "openhermes-mixtral-8x7b-gptq": 1_000_000,
  },
  timeoutsSec: { ...TIMEOUTS_SEC },
  nftBoostPpm: DEFAULT_NFT_BOOST.map((row) => ({ ...row })),
  stakeCurve: TESTNET_BOOST_CURVE,
};

// Preview of mainnet rules for the estimator: 2024-09 (its multipliers, timeouts and NFT boost)
// with the activation curve. Never chosen by date; effectiveFrom records which multipliers it
// previews. Sharing 2024-09's tables is safe: every published schedule is frozen below.
const MAINNET_PREVIEW: RewardSchedule = {
  ...TESTNET_2024_09,
  id: "mainnet-preview",
  inForceByDate: false,
  stakeCurve: MAINNET_ACTIVATION_CURVE,
};

export const PUBLISHED_SCHEDULES: readonly RewardSchedule[] = deepFreeze([TESTNET_2024_04, TESTNET_2024_09, MAINNET_PREVIEW]);
