import "server-only";
import { epochEnd, epochOf, epochStart, openEpochRate, settledRate, type TokenRate } from "@/lib/rewards";
import type pg from "pg";
import { readPool } from "../db";
import { configFor } from "../epochs/config";

/**
 * HEU per point as the portal's own epochs set it: the open epoch's pools at its pace so far, else
 * the last settled epoch's pool ÷ points; null before any epoch has points (no yield can be priced).
 * Pages read the replica; a snapshot rebuild (which writes) passes the primary.
 */
export async function getTokenRate(now = new Date(), db: pg.Pool | pg.PoolClient = readPool()): Promise<TokenRate | null> {
  const epoch = epochOf(now);
  const [open, last] = await Promise.all([
    db.query<{ waifu: string | null; llama: string | null }>(
      "SELECT sum(waifu_micro)::text AS waifu, sum(llama_micro)::text AS llama FROM wallet_hourly WHERE hour >= $1 AND hour < $2",
      [epochStart(epoch), epochEnd(epoch)],
    ),
    db.query<{ number: number; waifu_pool_wei: string; llama_pool_wei: string; waifu_points_micro: string; llama_points_micro: string; settled_at: Date }>(
      `SELECT number, waifu_pool_wei::text, llama_pool_wei::text, waifu_points_micro::text, llama_points_micro::text, settled_at
         FROM epochs ORDER BY number DESC LIMIT 1`,
    ),
  ]);
  const w = BigInt(open.rows[0]?.waifu ?? 0);
  const l = BigInt(open.rows[0]?.llama ?? 0);
  if (w > 0n || l > 0n) {
    const config = await configFor(db, epoch).catch(() => null);
    const rate = config && openEpochRate({ epoch, startsAt: epochStart(epoch), now, config, waifuPointsMicro: w, llamaPointsMicro: l });
    if (rate) return rate;
  }
  const s = last.rows[0];
  if (!s) return null;
  return settledRate({
    epoch: s.number,
    waifuPoolWei: BigInt(s.waifu_pool_wei),
    llamaPoolWei: BigInt(s.llama_pool_wei),
    waifuPointsMicro: BigInt(s.waifu_points_micro),
    llamaPointsMicro: BigInt(s.llama_points_micro),
    settledAt: s.settled_at,
  });
}
