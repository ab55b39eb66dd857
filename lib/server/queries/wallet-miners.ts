import "server-only";
import type { Availability24h } from "@/lib/schemas/activity";
import type { WalletMiner, WalletMinerSort, WalletQuery } from "@/lib/schemas/wallets";
import { AppError } from "@/lib/errors";
import { getBoostAssignment } from "../boost-slots";
import { pool } from "../db";
import { countOf, heuOf, isoOf, onTimeOf, pointsOf } from "./convert";
import { WINDOW_HOURS, windowStart } from "./windows";

// Sort keys map to fixed SQL (never interpolated from input). miner_id breaks ties so pages never
// overlap or skip rows. The wallet's rows come from the (wallet, first_seen_at) index and sort in
// memory: ~1 ms for 2,500 GPUs, and no index on the totals that every ingest batch updates.
// Availability is not a column: its sort joins the wallet's figures (one array per request) and
// orders by online buckets, which every GPU of the window is measured over alike.
const SORT_SQL: Record<WalletMinerSort, string> = {
  availability24h: "online_24h",
  totalWaifuPoints: "total_waifu_micro",
  totalLlamaPoints: "total_llama_micro",
  lastSeenAt: "last_seen_at",
  firstSeenAt: "first_seen_at",
  minerId: "miner_id",
  hardware: "hardware",
};

function orderBy(sort: WalletMinerSort, order: "asc" | "desc", alias = ""): string {
  const dir = order === "asc" ? "ASC" : "DESC";
  const tie = sort === "minerId" ? "" : `, ${alias}miner_id ASC`;
  return `${alias}${SORT_SQL[sort]} ${dir} NULLS LAST${tie}`;
}

/** Substring match on the ID (stored lowercase) or hardware; position() needs no LIKE escaping. */
const FILTER_SQL = `($2::text IS NULL OR position($2 in miner_id) > 0 OR position($2 in lower(coalesce(hardware, ''))) > 0)`;

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
  latency_ewma_ms: number | null;
  waifu_24h: string | null;
  llama_24h: string | null;
  jobs_24h: string | null;
  successes_24h: string | null;
}

/**
 * One page of a wallet's GPUs; last-24h numbers are read for that page only (≤ 200 × 24 rows).
 * Sorting by availability needs every GPU's figure (walletAvailability24h's byMiner).
 */
export async function walletMinersPage(
  address: string,
  query: WalletQuery,
  now: Date,
  availability?: ReadonlyMap<string, Availability24h>,
): Promise<{ rows: MinerRow[]; total: number | null }> {
  const q = query.q ? query.q.toLowerCase() : null;
  const byAvailability = query.sort === "availability24h";
  if (byAvailability && !availability) throw new Error("sorting by availability needs the wallet's availability");
  const params: unknown[] = [address, q, query.pageSize, (query.page - 1) * query.pageSize, windowStart(now, WINDOW_HOURS["24h"])];
  if (byAvailability) params.push([...availability!.keys()], [...availability!.values()].map((a) => a.onlineBuckets));
  const page = pool().query<MinerRow>(
    `SELECT n.miner_id, n.hardware, n.first_seen_at, n.last_seen_at, coalesce(s.stake_wei, 0)::text AS stake_wei, n.total_waifu_micro::text,
            n.total_llama_micro::text, n.image_count::text, n.text_count::text, n.latency_ewma_ms,
            h.waifu::text AS waifu_24h, h.llama::text AS llama_24h, h.jobs::text AS jobs_24h, h.successes::text AS successes_24h
       FROM (SELECT nodes.*${byAvailability ? ", coalesce(a.online, 0) AS online_24h" : ""}
               FROM nodes${byAvailability ? " LEFT JOIN unnest($6::text[], $7::int[]) AS a(miner_id, online) USING (miner_id)" : ""}
              WHERE wallet = $1 AND ${FILTER_SQL}
              ORDER BY ${orderBy(query.sort, query.order)} LIMIT $3 OFFSET $4) n
       LEFT JOIN node_stakes s ON s.miner_id = n.miner_id
       LEFT JOIN LATERAL (
         SELECT sum(waifu_micro) AS waifu, sum(llama_micro) AS llama, sum(job_count) AS jobs, sum(success_count) AS successes
           FROM miner_hourly m WHERE m.miner_id = n.miner_id AND m.hour >= $5) h ON true
      ORDER BY ${orderBy(query.sort, query.order, "n.")}`,
    params,
  );
  // Without a filter the total is the wallet's GPU count, which the summary query already reads.
  const total = q
    ? pool()
        .query<{ n: string }>(`SELECT count(*)::text AS n FROM nodes WHERE wallet = $1 AND ${FILTER_SQL}`, [address, q])
        .then((r) => Number(r.rows[0]!.n))
    : Promise.resolve(null);
  const [{ rows }, count] = await Promise.all([page, total]);
  return { rows, total: count };
}

export function toWalletMiner(row: MinerRow, boosted: ReadonlySet<string>, availability: Availability24h): WalletMiner {
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
    onTime24h: onTimeOf(row.successes_24h, row.jobs_24h),
    latencyMs: row.latency_ewma_ms,
    stake: heuOf(row.stake_wei),
    hasBoostSlot: boosted.has(row.miner_id),
  };
}

/**
 * The wallet's slot holders now: the owner's choice in force, then its earliest-registered miner
 * IDs for any free slot (the rule ingestion prices by). Empty for an unknown wallet.
 */
export async function boostedMinerIds(address: string, now = new Date()): Promise<Set<string>> {
  const assignment = await getBoostAssignment(address, now).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  });
  return new Set(assignment?.holders ?? []);
}
