import "server-only";
import { pool } from "../db";

export interface WalletFleet {
  online: number;
  idle: number;
}

/**
 * How many of a wallet's GPUs reported a job within `withinMs`: one pass over the wallet's index
 * range of nodes (2,500 rows at most in practice, ~1 ms), no ledger read.
 */
export async function walletFleet(address: string, now: Date, withinMs = 3_600_000): Promise<WalletFleet> {
  const { rows } = await pool().query<{ online: string; idle: string }>(
    `SELECT count(*) FILTER (WHERE last_seen_at >= $2)::text AS online, count(*) FILTER (WHERE last_seen_at < $2)::text AS idle
       FROM nodes WHERE wallet = $1`,
    [address, new Date(now.getTime() - withinMs)],
  );
  return { online: Number(rows[0]?.online ?? 0), idle: Number(rows[0]?.idle ?? 0) };
}
