// What the move form's node picker says about a node of the market: the bribe a new stake gets,
// a recent cut, availability over 7 days and the yield for the amount being moved (or why none).
import { formatPercent, formatPoints, formatYieldPercent, shortId } from "@/lib/format";
import type { MarketRow } from "@/lib/schemas/market";
import { formatBps } from "./amount";

export interface NodeOptionText {
  minerId: string;
  short: string;
  gpu: string;
  /** The bribe a new stake earns (pending, else in force), "none" when there is none. */
  bribe: string;
  /** "cut" or "cut ahead" when the bribe was cut within 30 days (or a cut is pending). */
  cut: string | null;
  /** e.g. "cut from 17.5 % to 2 % on 2025-01-03". */
  cutDetail: string | null;
  availability7d: string;
  /** "3.3 %", or why the market cannot price one. */
  yield: string;
  hasYield: boolean;
  /** Everything above in one sentence: the option's accessible name. */
  label: string;
}

const WHY_NO_YIELD: Record<NonNullable<MarketRow["yieldUnavailable"]>, string> = {
  "no-bribe": "no bribe set",
  inactive: "inactive node",
  "no-rate": "no epoch to price it yet",
};

/** A stake in HEU as typed amounts read: 10,000, 2,500.5. */
export const formatStakeHeu = (heu: number) => formatPoints(heu, 4);

export const gpuName = (gpu: string | null) => (gpu ? gpu.replace(/^NVIDIA (GeForce )?/, "") : "unknown GPU");

export type StakeToken = "heu" | "esheu";

/**
 * `stakeHeu`: the stake the yields were estimated for (the API response's `stake`); `token`: the
 * token it is staked in (esHEU's yield is the row's yieldEsHeu: it weighs more in the bribe split).
 */
export function describeNodeOption(r: MarketRow, stakeHeu: number, token: StakeToken = "heu"): NodeOptionText {
  const b = r.bribe;
  const bribe = b.forStakeBps === null ? "none" : `${formatBps(b.forStakeBps)}${b.pending ? ` from epoch ${b.pending.epoch}` : ""}`;
  const cut = b.recentCut ? (b.recentCut.pending ? "cut ahead" : "cut") : null;
  const cutDetail = b.recentCut
    ? `cut from ${formatBps(b.recentCut.fromBps)} to ${formatBps(b.recentCut.toBps)} ${b.recentCut.pending ? "from" : "on"} ${b.recentCut.effectiveAt.slice(0, 10)}`
    : null;
  const a = r.availability["7d"];
  const availability7d = a.ratio === null ? "not measured" : formatPercent(a.ratio);
  const y = token === "esheu" ? r.yieldEsHeu : r.yield;
  const hasYield = y !== null;
  const yieldText = y ? formatYieldPercent(y.percentPerYear / 100) : r.yieldUnavailable ? WHY_NO_YIELD[r.yieldUnavailable] : "–";
  const gpu = gpuName(r.gpu);
  const label = [
    r.minerId,
    gpu,
    `bribe ${bribe}`,
    ...(cutDetail ? [cutDetail] : []),
    `availability 7 days ${availability7d}`,
    hasYield ? `yield ${yieldText} a year for ${formatStakeHeu(stakeHeu)} ${token === "esheu" ? "esHEU" : "HEU"}` : `no yield: ${yieldText}`,
  ].join(", ");
  return { minerId: r.minerId, short: shortId(r.minerId), gpu, bribe, cut, cutDetail, availability7d, yield: yieldText, hasYield, label };
}
