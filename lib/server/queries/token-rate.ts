import "server-only";
import { epochEnd, epochOf, epochStart, openEpochRate, settledRate, type TokenRate } from "@/lib/rewards";
import type pg from "pg";
import { readPool } from "../db";
import { lastSettledEpoch, networkPointsBetween } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";
import { configFor } from "../epochs/config";

/**
 * HEU per point as the portal's own epochs set it: the open epoch's pools at its pace so far, else
 * the last settled epoch's pool ÷ points; null before any epoch has points (no yield can be priced).
 * Pages read the replica; a snapshot rebuild (which writes) passes the primary.
 */
export async function getTokenRate(now = new Date(), db: pg.Pool | pg.PoolClient = readPool()): Promise<TokenRate | null> {
  const epoch = epochOf(now);
  const [[open], [s]] = await Promise.all([queryTyped(db, networkPointsBetween(epochStart(epoch), epochEnd(epoch))), queryTyped(db, lastSettledEpoch())]);
  const w = BigInt(open?.waifu ?? 0);
  const l = BigInt(open?.llama ?? 0);
  if (w > 0n || l > 0n) {
    const config = await configFor(db, epoch).catch(() => null);
    const rate = config && openEpochRate({ epoch, startsAt: epochStart(epoch), now, config, waifuPointsMicro: w, llamaPointsMicro: l });
    if (rate) return rate;
  }
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
