import "server-only";
import { microToPoints } from "@/lib/points";
import { pool } from "./db";

export interface NetworkSummary {
  activeGpus: number;
  wallets: number;
  jobs24h: number;
  waifuPoints24h: number;
  llamaPoints24h: number;
  byModel: { modelId: string; jobs: number; waifuPoints: number; llamaPoints: number }[];
  asOf: string;
}

/** Network totals for the overview, from the hourly rollups (24 hourly rows per GPU model and model id). */
export async function getNetworkSummary(now = new Date()): Promise<NetworkSummary> {
  const since = new Date(now.getTime() - 24 * 3_600_000);
  const [nodes, models] = await Promise.all([
    pool().query<{ active: string; wallets: string }>(
      `SELECT count(*) FILTER (WHERE last_seen_at > $1)::text AS active,
              count(DISTINCT wallet) FILTER (WHERE last_seen_at > $1)::text AS wallets
         FROM nodes`,
      [new Date(now.getTime() - 3_600_000)],
    ),
    pool().query<{ model_id: string; jobs: string; waifu: string; llama: string }>(
      `SELECT model_id, sum(job_count)::text AS jobs, sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama
         FROM hardware_hourly WHERE hour >= date_trunc('hour', $1::timestamptz)
        GROUP BY model_id ORDER BY sum(job_count) DESC`,
      [since],
    ),
  ]);
  const byModel = models.rows.map((r) => ({
    modelId: r.model_id,
    jobs: Number(r.jobs),
    waifuPoints: microToPoints(BigInt(r.waifu)),
    llamaPoints: microToPoints(BigInt(r.llama)),
  }));
  return {
    activeGpus: Number(nodes.rows[0]?.active ?? 0),
    wallets: Number(nodes.rows[0]?.wallets ?? 0),
    jobs24h: byModel.reduce((n, m) => n + m.jobs, 0),
    waifuPoints24h: byModel.reduce((n, m) => n + m.waifuPoints, 0),
    llamaPoints24h: byModel.reduce((n, m) => n + m.llamaPoints, 0),
    byModel,
    asOf: now.toISOString(),
  };
}
