// GET /api/v1/market (and market.csv): the staking market, one row per node, from the market
// snapshot (lib/server/market/snapshot.ts) so every server answers the same page.
import { z } from "zod";
import { intParam, isoDateTime, MAX_PAGE_SIZE, DEFAULT_PAGE_SIZE, paginatedSchema } from "./query";

export const MARKET_SORTS = ["yield", "bribe", "uptime24h", "uptime7d", "uptime30d", "onTime7d", "stake", "points", "latency", "age"] as const;
export type MarketSort = (typeof MARKET_SORTS)[number];
export const SORT_ORDERS = ["asc", "desc"] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/** The order each sort reads best in when none is given, the staker's "best first": the lowest latency, the highest of everything else. */
export const DEFAULT_ORDER = Object.fromEntries(MARKET_SORTS.map((sort) => [sort, sort === "latency" ? "asc" : "desc"])) as Record<MarketSort, SortOrder>;

export const DEFAULT_STAKE_HEU = 10_000;
export const MAX_STAKE_HEU = 1_000_000_000;
/** A node younger than this is "new". */
export const NEW_NODE_DAYS = 14;

const percent = (name: string) =>
  z.coerce
    .number({ error: `${name} must be a number of percent (0–100)` })
    .min(0, `${name} must be ≥ 0`)
    .max(100, `${name} must be ≤ 100`);
const flag = (name: string) => z.enum(["1", "0", "true", "false"], { error: `${name} must be 1 or 0` }).transform((v) => v === "1" || v === "true");

export const marketQuerySchema = z
  .object({
    stake: z.coerce
      .number({ error: "stake must be a number of HEU" })
      .gt(0, "stake must be > 0")
      .max(MAX_STAKE_HEU, `stake must be ≤ ${MAX_STAKE_HEU}`)
      .default(DEFAULT_STAKE_HEU)
      .describe("the stake you plan (P, HEU) the yield is estimated for"),
    sort: z.enum(MARKET_SORTS, { error: `sort must be one of ${MARKET_SORTS.join(", ")}` }).default("yield"),
    order: z.enum(SORT_ORDERS, { error: "order must be asc or desc" }).optional().describe("default: the sort's best-first order (desc; asc for latency)"),
    minBribe: percent("minBribe").optional().describe("keep nodes whose bribe for a new stake (pending, else in force) is at least this many percent"),
    minUptime7d: percent("minUptime7d").optional().describe("keep nodes available at least this many percent of the last 7 days"),
    maxStake: z.coerce
      .number({ error: "maxStake must be a number of HEU" })
      .min(0, "maxStake must be ≥ 0")
      .max(1e12, "maxStake must be ≤ 1e12")
      .optional()
      .describe("keep nodes with at most this stake (HEU)"),
    gpu: z
      .string()
      .trim()
      .min(1, "gpu must not be empty")
      .max(100, "gpu must be at most 100 characters")
      .regex(/^[\x20-\x7e]+$/, "gpu must be printable ASCII")
      .optional()
      .describe("exact GPU model, as in `gpu` of a row"),
    noRecentCut: flag("noRecentCut").optional().describe("1: leave out nodes that cut their bribe in the last 30 days or have a cut pending"),
    new: flag("new").optional().describe(`1: only nodes first seen in the last ${NEW_NODE_DAYS} days`),
    q: z
      .string()
      .trim()
      .max(120, "q must be at most 120 characters")
      .regex(/^[0-9A-Za-z_-]*$/, "q must be a miner ID or wallet prefix (letters, digits, - and _)")
      .transform((s) => s.toLowerCase())
      .optional()
      .describe("miner ID or wallet address prefix"),
    page: intParam("page", 1, 1_000_000).default(1).describe("1-based page number"),
    pageSize: intParam("pageSize", 1, MAX_PAGE_SIZE).default(DEFAULT_PAGE_SIZE).describe(`rows per page (1–${MAX_PAGE_SIZE})`),
  })
  .strict();
export type MarketQuery = z.output<typeof marketQuerySchema>;

const wei = z.string().regex(/^\d+$/).describe("exact amount in wei (10⁻¹⁸ HEU), as a decimal string");
const ratio = z.number().min(0).max(1).nullable();

const availabilitySchema = z.object({
  ratio: ratio.describe("onlineBuckets ÷ buckets; null when nothing was measured"),
  onlineBuckets: z.number().int(),
  buckets: z.number().int().describe("5-minute buckets measured"),
  heartbeatBuckets: z.number().int().describe("of `buckets`, how many the router's heartbeats cover; the rest are whole hours with a received job"),
  source: z.enum(["heartbeats", "jobs", "mixed", "none"]),
});
const onTimeSchema = z.object({
  ratio: ratio.describe("completed ÷ jobs; null without jobs"),
  completed: z.number().int().describe("jobs completed within the timeout"),
  jobs: z.number().int().describe("jobs received"),
});
const windows = <T extends z.ZodType>(s: T) => z.object({ "24h": s, "7d": s, "30d": s });

export const bribeChangeSchema = z.object({ bps: z.number().int(), setAt: isoDateTime, effectiveAt: isoDateTime });

const yieldSchema = z
  .object({
    percentPerYear: z.number().describe("simple annual rate on your stake, in percent (no compounding)"),
    heuPerYear: z.number(),
    heuPerEpoch: z.number(),
    heuPerEpochWei: wei.describe("heuPerEpoch in wei"),
    share: z.number().describe("your stake's weight ÷ (the node's weighted stake + your stake's weight): your share of the stakers' cut"),
  })
  .nullable();

export const marketRowSchema = z.object({
  minerId: z.string(),
  wallet: z.string(),
  gpu: z.string().nullable(),
  firstSeenAt: isoDateTime,
  lastSeenAt: isoDateTime,
  isNew: z.boolean().describe(`first seen within ${NEW_NODE_DAYS} days of the snapshot`),
  bribe: z.object({
    bps: z.number().int().nullable().describe("bribe in force (basis points: 1750 = 17.5 %); null when none has taken effect"),
    pending: z.object({ bps: z.number().int(), epoch: z.number().int(), effectiveAt: isoDateTime }).nullable().describe("a change that takes effect at the start of `epoch`"),
    forStakeBps: z.number().int().nullable().describe("what a new stake earns from the next epoch on: pending, else in force (the yield's bribe)"),
    lastChange: bribeChangeSchema.nullable(),
    recentCut: z
      .object({ fromBps: z.number().int(), toBps: z.number().int(), effectiveAt: isoDateTime, pending: z.boolean() })
      .nullable()
      .describe("the bribe in force or pending is lower than one in force in the last 30 days"),
  }),
  stake: z.object({
    totalWei: wei,
    heuWei: wei,
    esHeuWei: wei,
    total: z.number().describe("HEU, for display"),
    weighted: z.number().describe("the stake as the bribe split weighs it: HEU + esHEU × esHeuWeight (stHEU)"),
    multiplierNow: z.number().describe("the stake multiplier at today's stake"),
    multiplierAfter: z.number().describe("the stake multiplier with your stake added"),
  }),
  availability: windows(availabilitySchema),
  onTime: windows(onTimeSchema),
  latencyMs: z.number().int().nullable().describe("median over the last 7 days' hours with jobs of each hour's mean inference latency"),
  points7d: z.object({ waifu: z.number(), llama: z.number() }),
  yield: yieldSchema.describe("for your stake in HEU; null when it cannot be priced: see yieldUnavailable"),
  yieldEsHeu: yieldSchema.describe("the same stake in esHEU, which weighs esHeuWeight × in the bribe split; null when `yield` is"),
  yieldUnavailable: z.enum(["no-bribe", "inactive", "no-rate"]).nullable(),
});
export type MarketRow = z.output<typeof marketRowSchema>;

export const tokenRateSchema = z.object({
  waifu: z.number().describe("HEU per Waifu point"),
  llama: z.number().describe("HEU per Llama point"),
  source: z.enum(["open-epoch", "settled-epoch"]),
  epoch: z.number().int(),
  asOf: isoDateTime,
});

export const marketResponseSchema = paginatedSchema(marketRowSchema).extend({
  asOf: isoDateTime.describe("when the snapshot was built; every number in it is as of then"),
  stale: z.boolean().describe("true when the snapshot is older than 10 × MARKET_REFRESH_SECONDS: the worker, which rebuilds it, is behind or not running"),
  windowEnd: isoDateTime.describe("availability windows end here (a whole 5-minute bucket)"),
  stake: z.number().describe("the stake (HEU) yields are estimated for"),
  sort: z.enum(MARKET_SORTS),
  order: z.enum(SORT_ORDERS),
  scheduleId: z.string().describe("the points schedule whose stake curve the multipliers come from"),
  esHeuWeight: z.number().describe("how much esHEU stake weighs in a node's bribe split against HEU, from the reward configuration in force when the snapshot was built"),
  rate: tokenRateSchema.nullable().describe("HEU per point the yields are priced at (the portal's own epochs); null before any epoch had points"),
  gpus: z.array(z.string()).describe("GPU models in the snapshot, for the gpu filter"),
});
export type MarketResponse = z.output<typeof marketResponseSchema>;
