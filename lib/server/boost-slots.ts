import "server-only";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { boostSlots } from "@/lib/points";
import { rankedMiners, slotHolders } from "./boost-slot-ranking";
import { pool, prisma } from "./db";

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
  const [known, nfts] = await Promise.all([
    prisma().wallet.findUnique({ where: { address: wallet }, select: { address: true } }),
    prisma().walletNft.findUnique({ where: { wallet }, select: { nftCount: true } }),
  ]);
  if (!known) throw new AppError("not_found", `No miner has reported jobs for wallet ${wallet}.`);
  return nfts?.nftCount ?? 0;
}

export async function getBoostAssignment(wallet: string, now = new Date()): Promise<BoostAssignmentView> {
  const nftCount = await walletNftCount(wallet);
  const slots = boostSlots(nftCount);
  const [set, ranked] = await Promise.all([
    prisma().boostAssignment.findFirst({
      where: { wallet, effectiveFrom: { lte: now } },
      orderBy: { effectiveFrom: "desc" },
      select: { minerIds: true, effectiveFrom: true },
    }),
    rankedMiners(pool(), new Map([[wallet, nftCount]])),
  ]);
  const chosen = set?.minerIds ?? null;
  const holders = [...slotHolders(ranked.get(wallet)!, nftCount, chosen ?? [])];
  return { wallet, nftCount, slots, chosen, effectiveFrom: set?.effectiveFrom.toISOString() ?? null, holders };
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
  const rows = await prisma().node.findMany({ where: { walletAddress: wallet, minerId: { in: unique } }, select: { minerId: true } });
  const known = new Set(rows.map((r) => r.minerId));
  const foreign = unique.filter((id) => !known.has(id));
  if (foreign.length > 0) {
    throw new AppError("validation_failed", `Not miner IDs of wallet ${wallet}: ${foreign.join(", ")}.`, { minerIds: foreign });
  }
  await prisma().boostAssignment.create({ data: { wallet, minerIds: unique, effectiveFrom: now } });
  return getBoostAssignment(wallet, now);
}

/**
 * The assignment in force at `nowMs`, or null for a wallet with no reported job. Within one page
 * request (React's cache(), keyed by wallet and instant) the page and the wallet's GPU table share
 * one read; anywhere else it reads each time. Any other failure reaches the caller.
 */
export const boostAssignmentAt = cache((wallet: string, nowMs: number): Promise<BoostAssignmentView | null> =>
  getBoostAssignment(wallet, new Date(nowMs)).catch((err: unknown) => {
    if (err instanceof AppError && err.code === "not_found") return null;
    throw err;
  }),
);
