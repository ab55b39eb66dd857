import "server-only";
import { bpsToRatio, type BribeState } from "@/lib/market/bribes";
import type { NodeSummary } from "@/components/staking/node-context";
import { WEIGHT_ONE_PPM, epochOf, splitWeight } from "@/lib/rewards";
import { readPool, readPrisma } from "../db";
import { marketNode } from "../generated/prisma/sql";
import { TOKEN_ESHEU, TOKEN_HEU } from "../chain/events";
import { esheuWeightPpmFor } from "../epochs/config";
import { bribeStates } from "./bribes";
import { countOf, heuOf, isoOf, pointsOf, ratioOf } from "./convert";
import { minerAvailability24h } from "./availability-24h";
import { windowStart } from "./windows";

// One node read live for its staking panel (after a stake the panel must show the new stake at
// once). The market's list is the snapshot in lib/server/market.

export const MARKET_WINDOW_DAYS = 7;

/** The staking panel's node: NodeSummary's live fields plus what the panel shows beside them. */
export interface MarketNode extends Pick<
  NodeSummary,
  "minerId" | "stakeHeu" | "splitStakeHeu" | "esHeuWeight" | "bribe" | "pendingBribe" | "recentCut" | "jobs7d" | "availability24h"
> {
  wallet: string;
  hardware: string | null;
  /** Jobs completed in time ÷ jobs received over the window; null without jobs. */
  onTime7d: number | null;
  waifuPoints7d: number;
  llamaPoints7d: number;
  latencyMs: number | null;
  lastSeenAt: string;
}

type Row = marketNode.Result;

function toNode(r: Row, b: BribeState | undefined, esheuWeightPpm: number): Omit<MarketNode, "availability24h"> {
  const iso = (ms: number) => new Date(ms).toISOString();
  return {
    minerId: r.miner_id,
    wallet: r.wallet,
    hardware: r.hardware,
    bribe: b?.currentBps == null ? null : bpsToRatio(b.currentBps),
    pendingBribe: b?.pending ? { bribe: bpsToRatio(b.pending.bps), effectiveAt: iso(b.pending.effectiveAt) } : null,
    recentCut: b?.recentCut
      ? { from: bpsToRatio(b.recentCut.fromBps), to: bpsToRatio(b.recentCut.toBps), effectiveAt: iso(b.recentCut.effectiveAt), pending: b.recentCut.pending }
      : null,
    stakeHeu: heuOf(r.stake_wei),
    splitStakeHeu: heuOf(splitWeight(BigInt(r.heu_wei), BigInt(r.esheu_wei), esheuWeightPpm).toString()),
    esHeuWeight: esheuWeightPpm / WEIGHT_ONE_PPM,
    jobs7d: countOf(r.jobs),
    onTime7d: ratioOf(r.ok, r.jobs),
    waifuPoints7d: pointsOf(r.waifu),
    llamaPoints7d: pointsOf(r.llama),
    latencyMs: r.latency_ms,
    lastSeenAt: isoOf(r.last_seen_at),
  };
}

/** One node with its stake, bribe and 7-day numbers, read now; null for a miner ID with no jobs. */
export async function getMarketNode(minerId: string, now = new Date()): Promise<MarketNode | null> {
  const from = windowStart(now, MARKET_WINDOW_DAYS * 24);
  const [rows, bribes, availability, esheuWeightPpm] = await Promise.all([
    readPrisma().$queryRawTyped(marketNode(from, minerId, TOKEN_HEU, TOKEN_ESHEU)),
    bribeStates([minerId], now),
    minerAvailability24h(minerId, now),
    esheuWeightPpmFor(readPool(), epochOf(now)),
  ]);
  if (!rows[0]) return null;
  const { ratio, onlineBuckets, buckets, heartbeatBuckets, source } = availability;
  return { ...toNode(rows[0], bribes.get(minerId), esheuWeightPpm), availability24h: { ratio, onlineBuckets, buckets, heartbeatBuckets, source } };
}
