// One market snapshot row as the API and the page show it: the yield for a planned stake worked
// out here, from the row's own numbers, the schedule's stake curve and the snapshot's HEU per
// point, so the table, the CSV, the worked example and the API agree to the wei.
import { microToPoints, ppmToNumber, stakeMultiplierPpm, type StakeCurve } from "@/lib/points";
import type { MarketRow } from "@/lib/schemas/market";
import { NEW_NODE_DAYS } from "@/lib/schemas/market";
import type { AvailabilitySource } from "@/lib/heartbeats/coverage";
import { bpsToRatio } from "./bribes";
import { estimateStakerYield, nodeHeuPerPoint, type YieldEstimate } from "./yield";

/** The points window the yield annualizes: the last 7 days' hourly rollups. */
export const YIELD_WINDOW_DAYS = 7;

export interface SnapshotRowInput {
  minerId: string;
  wallet: string;
  hardware: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
  bribeBps: number | null;
  pendingBribeBps: number | null;
  pendingEpoch: number | null;
  pendingAt: Date | null;
  forwardBribeBps: number | null;
  lastChangeBps: number | null;
  lastChangeSetAt: Date | null;
  lastChangeAt: Date | null;
  cutFromBps: number | null;
  cutToBps: number | null;
  cutAt: Date | null;
  cutPending: boolean | null;
  stakeWei: string;
  stakeHeuWei: string;
  stakeEsheuWei: string;
  /** HEU + esHEU × the snapshot's esHEU weight, stHEU: the stake the bribe is split by. */
  splitStakeHeu: number;
  online: Record<"24h" | "7d" | "30d", number>;
  jobs: Record<"24h" | "7d" | "30d", number>;
  onTime: Record<"24h" | "7d" | "30d", number>;
  waifuMicro7d: string;
  llamaMicro7d: string;
  latencyMs: number | null;
}

export interface SnapshotContext {
  builtAt: Date;
  buckets: Record<"24h" | "7d" | "30d", { all: number; heartbeats: number }>;
  curve: StakeCurve;
  rate: { waifu: number; llama: number } | null;
  /** The planned stake P, HEU. */
  stakeHeu: number;
  /** How much esHEU weighs in the bribe split (1.25 = 1.25×), from the snapshot's reward configuration. */
  esHeuWeight: number;
}

const WEI_PER_HEU = 10n ** 18n;

/** wei (decimal string) as HEU, exact to the whole token before the fraction is added. */
export function heuOfWei(wei: string): number {
  const v = BigInt(wei);
  return Number(v / WEI_PER_HEU) + Number(v % WEI_PER_HEU) / 1e18;
}

/** An HEU amount as whole wei (the float's value × 10¹⁸, rounded): one conversion for every page. */
export function weiOfHeu(heu: number): string {
  if (!Number.isFinite(heu) || heu < 0) throw new RangeError(`not an HEU amount: ${heu}`);
  return BigInt(Math.round(heu * 1e18)).toString();
}

function sourceOf(all: number, heartbeats: number): AvailabilitySource {
  if (all === 0) return "none";
  return heartbeats === all ? "heartbeats" : heartbeats === 0 ? "jobs" : "mixed";
}

/** The yield estimate for P staked in HEU (weight 1) or esHEU on a row; null for a node whose operator never set a bribe. */
export function rowYield(
  r: Pick<SnapshotRowInput, "forwardBribeBps" | "stakeWei" | "splitStakeHeu" | "waifuMicro7d" | "llamaMicro7d">,
  ctx: SnapshotContext,
  token: "heu" | "esheu" = "heu",
): YieldEstimate | null {
  if (r.forwardBribeBps === null) return null;
  const waifu = microToPoints(BigInt(r.waifuMicro7d));
  const llama = microToPoints(BigInt(r.llamaMicro7d));
  return estimateStakerYield({
    bribe: bpsToRatio(r.forwardBribeBps),
    recentPoints: waifu + llama,
    windowDays: YIELD_WINDOW_DAYS,
    stakeHeu: heuOfWei(r.stakeWei),
    splitStakeHeu: r.splitStakeHeu,
    extraStakeHeu: ctx.stakeHeu,
    extraWeight: token === "esheu" ? ctx.esHeuWeight : 1,
    curve: ctx.curve,
    heuPerPoint: ctx.rate && nodeHeuPerPoint(ctx.rate, waifu, llama),
  });
}

function yieldOf(est: YieldEstimate | null): MarketRow["yield"] {
  return est?.ok
    ? { percentPerYear: est.apr * 100, heuPerYear: est.stakerHeuPerYear, heuPerEpoch: est.stakerHeuPerEpoch, heuPerEpochWei: weiOfHeu(est.stakerHeuPerEpoch), share: est.share }
    : null;
}

export function toMarketRow(r: SnapshotRowInput, ctx: SnapshotContext): MarketRow {
  const windows = ["24h", "7d", "30d"] as const;
  const stakeHeu = heuOfWei(r.stakeWei);
  const est = rowYield(r, ctx);
  const esEst = rowYield(r, ctx, "esheu");
  const iso = (d: Date) => d.toISOString();
  return {
    minerId: r.minerId,
    wallet: r.wallet,
    gpu: r.hardware,
    firstSeenAt: iso(r.firstSeenAt),
    lastSeenAt: iso(r.lastSeenAt),
    isNew: ctx.builtAt.getTime() - r.firstSeenAt.getTime() < NEW_NODE_DAYS * 86_400_000,
    bribe: {
      bps: r.bribeBps,
      pending: r.pendingBribeBps !== null && r.pendingEpoch !== null && r.pendingAt ? { bps: r.pendingBribeBps, epoch: r.pendingEpoch, effectiveAt: iso(r.pendingAt) } : null,
      forStakeBps: r.forwardBribeBps,
      lastChange:
        r.lastChangeBps !== null && r.lastChangeSetAt && r.lastChangeAt ? { bps: r.lastChangeBps, setAt: iso(r.lastChangeSetAt), effectiveAt: iso(r.lastChangeAt) } : null,
      recentCut:
        r.cutFromBps !== null && r.cutToBps !== null && r.cutAt ? { fromBps: r.cutFromBps, toBps: r.cutToBps, effectiveAt: iso(r.cutAt), pending: r.cutPending === true } : null,
    },
    stake: {
      totalWei: r.stakeWei,
      heuWei: r.stakeHeuWei,
      esHeuWei: r.stakeEsheuWei,
      total: stakeHeu,
      weighted: r.splitStakeHeu,
      multiplierNow: ppmToNumber(stakeMultiplierPpm(ctx.curve, stakeHeu)),
      multiplierAfter: ppmToNumber(stakeMultiplierPpm(ctx.curve, stakeHeu + ctx.stakeHeu)),
    },
    availability: Object.fromEntries(
      windows.map((w) => {
        const b = ctx.buckets[w];
        return [
          w,
          { ratio: b.all > 0 ? r.online[w] / b.all : null, onlineBuckets: r.online[w], buckets: b.all, heartbeatBuckets: b.heartbeats, source: sourceOf(b.all, b.heartbeats) },
        ];
      }),
    ) as MarketRow["availability"],
    onTime: Object.fromEntries(windows.map((w) => [w, { ratio: r.jobs[w] > 0 ? r.onTime[w] / r.jobs[w] : null, completed: r.onTime[w], jobs: r.jobs[w] }])) as MarketRow["onTime"],
    latencyMs: r.latencyMs,
    points7d: { waifu: microToPoints(BigInt(r.waifuMicro7d)), llama: microToPoints(BigInt(r.llamaMicro7d)) },
    yield: yieldOf(est),
    yieldEsHeu: yieldOf(esEst),
    yieldUnavailable: est === null ? "no-bribe" : est.ok ? null : est.reason === "no-rate" ? "no-rate" : "inactive",
  };
}
