import "server-only";
import { bpsToRatio, type BribeState } from "@/lib/market/bribes";
import type { Availability24h } from "@/lib/schemas/activity";
import { WEIGHT_ONE_PPM, epochOf, splitWeight } from "@/lib/rewards";
import { readPool } from "../db";
import { TOKEN_ESHEU, TOKEN_HEU } from "../chain/events";
import { esheuWeightPpmFor } from "../epochs/config";
import { bribeStates } from "./bribes";
import { countOf, heuOf, isoOf, nodeLatencyMsSql, pointsOf, ratioOf } from "./convert";
import { minerAvailability24h } from "./availability-24h";
import { windowStart } from "./windows";

// One node read live for its staking panel (after a stake the panel must show the new stake at
// once). The market's list is the snapshot in lib/server/market.

export const MARKET_WINDOW_DAYS = 7;

export interface MarketNode {
  minerId: string;
  wallet: string;
  hardware: string | null;
  /** Bribe in force, 0–1; null while no bribe the operator set has taken effect. */
  bribe: number | null;
  /** A change waiting for the next epoch. */
  pendingBribe: { bribe: number; effectiveAt: string } | null;
  /** The bribe in force or pending is lower than one in force in the last 30 days. */
  recentCut: { from: number; to: number; effectiveAt: string; pending: boolean } | null;
  stakeHeu: number;
  /** The stake as the bribe split weighs it: HEU + esHEU × esHeuWeight. */
  splitStakeHeu: number;
  /** esHEU's weight in the bribe split (1.25 = 1.25×), from the reward configuration in force. */
  esHeuWeight: number;
  jobs7d: number;
  /** Jobs completed in time ÷ jobs received over the window; null without jobs. */
  onTime7d: number | null;
  waifuPoints7d: number;
  llamaPoints7d: number;
  latencyMs: number | null;
  lastSeenAt: string;
  /** Heartbeat-measured availability over the last 24 hours, with its sample. */
  availability24h: Availability24h;
}

interface Row {
  miner_id: string;
  wallet: string;
  hardware: string | null;
  stake_wei: string;
  heu_wei: string;
  esheu_wei: string;
  latency_ms: number | null;
  last_seen_at: Date;
  waifu: string | null;
  llama: string | null;
  jobs: string | null;
  ok: string | null;
}

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
  const [{ rows }, bribes, availability, esheuWeightPpm] = await Promise.all([
    readPool().query<Row>(
      `SELECT n.miner_id, n.wallet, n.hardware, coalesce(s.stake_wei, 0)::text AS stake_wei, ${nodeLatencyMsSql("n")} AS latency_ms, n.last_seen_at,
              p.heu::text AS heu_wei, p.esheu::text AS esheu_wei,
              w.waifu::text, w.llama::text, w.jobs::text, w.ok::text
         FROM nodes n LEFT JOIN node_stakes s USING (miner_id)
         CROSS JOIN LATERAL (
           SELECT coalesce(sum(amount_wei) FILTER (WHERE token = ${TOKEN_HEU}), 0) AS heu, coalesce(sum(amount_wei) FILTER (WHERE token = ${TOKEN_ESHEU}), 0) AS esheu
             FROM stake_positions p WHERE p.miner_id = n.miner_id) p
         LEFT JOIN LATERAL (
           SELECT sum(waifu_micro) AS waifu, sum(llama_micro) AS llama, sum(job_count) AS jobs, sum(success_count) AS ok
             FROM miner_hourly m WHERE m.miner_id = n.miner_id AND m.hour >= $1) w ON true
        WHERE n.miner_id = $2`,
      [from, minerId],
    ),
    bribeStates([minerId], now),
    minerAvailability24h(minerId, now),
    esheuWeightPpmFor(readPool(), epochOf(now)),
  ]);
  if (!rows[0]) return null;
  const { ratio, onlineBuckets, buckets, heartbeatBuckets, source } = availability;
  return { ...toNode(rows[0], bribes.get(minerId), esheuWeightPpm), availability24h: { ratio, onlineBuckets, buckets, heartbeatBuckets, source } };
}
