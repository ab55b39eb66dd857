import "server-only";
import { isIdle, pointsPerJob, withMedians, type FleetRow } from "@/lib/dashboard/fleet";
import type { Availability24h } from "@/lib/schemas/activity";
import type { WalletMiner } from "@/lib/schemas/wallets";
import { boostAssignmentAt } from "../boost-slots";
import { readPool } from "../db";
import { walletAvailability24h, type WalletAvailability } from "./availability-24h";
import { countOf, heuOf, isoOf, nodeLatencyMsSql, onTimeOf, pointsOf } from "./convert";
import { WINDOW_HOURS, windowStart } from "./windows";

// The fleet table reads every GPU of the wallet at once (2,500+ in the largest wallets): the
// median a GPU is compared with is over all of its model, whatever the page or filter, and the
// sort runs on figures computed here (lib/dashboard/fleet.ts). One index range of nodes and 24
// hourly rows per GPU: ~65 ms for 2,500 GPUs busy every hour (measured), no query per GPU.

interface MinerRow {
  miner_id: string;
  hardware: string | null;
  first_seen_at: Date;
  last_seen_at: Date;
  stake_wei: string;
  total_waifu_micro: string;
  total_llama_micro: string;
  image_count: string;
  text_count: string;
  latency_ms: number | null;
  waifu_24h: string | null;
  llama_24h: string | null;
  jobs_24h: string | null;
  successes_24h: string | null;
}

async function walletMinerRows(address: string, now: Date): Promise<MinerRow[]> {
  const { rows } = await readPool().query<MinerRow>(
    `SELECT n.miner_id, n.hardware, n.first_seen_at, n.last_seen_at, coalesce(s.stake_wei, 0)::text AS stake_wei, n.total_waifu_micro::text,
            n.total_llama_micro::text, n.image_count::text, n.text_count::text, ${nodeLatencyMsSql("n")} AS latency_ms,
            h.waifu::text AS waifu_24h, h.llama::text AS llama_24h, h.jobs::text AS jobs_24h, h.successes::text AS successes_24h
       FROM nodes n
       LEFT JOIN node_stakes s ON s.miner_id = n.miner_id
       LEFT JOIN LATERAL (
         SELECT sum(waifu_micro) AS waifu, sum(llama_micro) AS llama, sum(job_count) AS jobs, sum(success_count) AS successes
           FROM miner_hourly m WHERE m.miner_id = n.miner_id AND m.hour >= $2) h ON true
      WHERE n.wallet = $1`,
    [address, windowStart(now, WINDOW_HOURS["24h"])],
  );
  return rows;
}

function toFleetRow(row: MinerRow, boosted: ReadonlySet<string>, availability: Availability24h): FleetRow {
  const onTime24h = onTimeOf(row.successes_24h, row.jobs_24h);
  // Exact in micro-points until here; a GPU serves one kind of job, so the sum is its points.
  const micro24h = BigInt(row.waifu_24h ?? 0) + BigInt(row.llama_24h ?? 0);
  const points24h = pointsOf(micro24h.toString());
  return {
    minerId: row.miner_id,
    hardware: row.hardware,
    firstSeenAt: isoOf(row.first_seen_at),
    lastSeenAt: isoOf(row.last_seen_at),
    totalWaifuPoints: pointsOf(row.total_waifu_micro),
    totalLlamaPoints: pointsOf(row.total_llama_micro),
    totalImageCount: countOf(row.image_count),
    totalTextCount: countOf(row.text_count),
    last24HrsWaifuPoints: pointsOf(row.waifu_24h),
    last24HrsLlamaPoints: pointsOf(row.llama_24h),
    last24HrsAvailability: availability.ratio,
    availability24h: availability,
    onTime24h,
    latencyMs: row.latency_ms,
    stake: heuOf(row.stake_wei),
    hasBoostSlot: boosted.has(row.miner_id),
    pointType: countOf(row.text_count) > countOf(row.image_count) ? "llama" : "waifu",
    points24h,
    pointsPerJob24h: pointsPerJob(micro24h, onTime24h.jobs),
    idle: isIdle(availability),
  };
}

/**
 * Every GPU of the wallet with its figures over the last 24 hours and its standing against the
 * wallet's GPUs of the same model (vsMedian), unsorted. `availability` is walletAvailability24h's.
 */
export async function walletFleetMiners(address: string, now: Date, availability?: Promise<WalletAvailability>): Promise<WalletMiner[]> {
  const [rows, avail, boosted] = await Promise.all([walletMinerRows(address, now), availability ?? walletAvailability24h(address, now), boostedMinerIds(address, now)]);
  return withMedians(rows.map((r) => toFleetRow(r, boosted, avail.byMiner.get(r.miner_id) ?? avail.unseen)));
}

/**
 * The wallet's slot holders now: the owner's choice in force, then its earliest-registered miner
 * IDs for any free slot (the rule ingestion prices by). Empty for an unknown wallet.
 */
export async function boostedMinerIds(address: string, now = new Date()): Promise<Set<string>> {
  return new Set((await boostAssignmentAt(address, now.getTime()))?.holders ?? []);
}
