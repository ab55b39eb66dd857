import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { assignBoostSlots, boostSlots } from "@/lib/points";
import { pool } from "./db";

export interface BoostAssignmentView {
  wallet: string;
  nftCount: number;
  slots: number;
  /** The owner's choice in force, or null when slots follow registration order. */
  chosen: string[] | null;
  effectiveFrom: string | null;
  /** Who holds a slot now: the chosen IDs, then the earliest-registered others. */
  holders: string[];
}

async function walletNftCount(wallet: string): Promise<number> {
  const { rows } = await pool().query<{ nft_count: number }>("SELECT coalesce(n.nft_count, 0) AS nft_count FROM wallets w LEFT JOIN wallet_nfts n ON n.wallet = w.address WHERE w.address = $1", [wallet]);
  if (!rows[0]) throw new AppError("not_found", `No miner has reported jobs for wallet ${wallet}.`);
  return rows[0].nft_count;
}

export async function getBoostAssignment(wallet: string, now = new Date()): Promise<BoostAssignmentView> {
  const nftCount = await walletNftCount(wallet);
  const slots = boostSlots(nftCount);
  const [set, ranked] = await Promise.all([
    pool().query<{ miner_ids: string[]; effective_from: Date }>(
      "SELECT miner_ids, effective_from FROM boost_assignments WHERE wallet = $1 AND effective_from <= $2 ORDER BY effective_from DESC LIMIT 1",
      [wallet, now],
    ),
    pool().query<{ miner_id: string }>("SELECT miner_id FROM nodes WHERE wallet = $1 ORDER BY first_seen_at, miner_id LIMIT $2", [wallet, slots]),
  ]);
  const chosen = set.rows[0]?.miner_ids ?? null;
  const list = [...ranked.rows.map((r) => r.miner_id), ...(chosen ?? [])];
  const holders = slots > 0 ? [...assignBoostSlots(list, nftCount, chosen ?? [])] : [];
  return { wallet, nftCount, slots, chosen, effectiveFrom: set.rows[0]?.effective_from.toISOString() ?? null, holders };
}

/** Records the owner's choice; it prices jobs that complete from `now` on. Past jobs keep theirs. */
export async function setBoostAssignment(wallet: string, minerIds: string[], now = new Date()): Promise<BoostAssignmentView> {
  const nftCount = await walletNftCount(wallet);
  const slots = boostSlots(nftCount);
  const unique = [...new Set(minerIds.map((id) => id.toLowerCase()))];
  if (unique.length > slots) {
    throw new AppError("validation_failed", `This wallet holds ${nftCount} NFT(s), so ${slots} boost slot(s); ${unique.length} miner IDs were chosen.`, {
      slots,
      chosen: unique.length,
    });
  }
  const { rows } = await pool().query<{ miner_id: string }>("SELECT miner_id FROM nodes WHERE wallet = $1 AND miner_id = ANY($2::text[])", [wallet, unique]);
  const known = new Set(rows.map((r) => r.miner_id));
  const foreign = unique.filter((id) => !known.has(id));
  if (foreign.length > 0) {
    throw new AppError("validation_failed", `Not miner IDs of wallet ${wallet}: ${foreign.join(", ")}.`, { minerIds: foreign });
  }
  await pool().query("INSERT INTO boost_assignments (wallet, miner_ids, effective_from) VALUES ($1, $2, $3)", [wallet, unique, now]);
  return getBoostAssignment(wallet, now);
}

/**
 * The assignment in force at `nowMs`, or null for a wallet with no reported job. Within one page
 * request (React's cache(), keyed by wallet and instant) the page and the wallet's GPU table share
 * one read; anywhere else it reads each time. Any other failure reaches the caller.
 */
export const boostAssignmentAt = cache(
  (wallet: string, nowMs: number): Promise<BoostAssignmentView | null> =>
    getBoostAssignment(wallet, new Date(nowMs)).catch((err: unknown) => {
      if (err instanceof AppError && err.code === "not_found") return null;
      throw err;
    }),
);
