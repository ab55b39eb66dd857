import "server-only";
import { chainEnv } from "@/lib/env";
import type { WalletClaim, WalletClaims } from "@/lib/schemas/claims";
import { readPool, readPrisma } from "../db";
import { walletClaims } from "../generated/prisma/sql";
import { indexedHead } from "./chain-status";
import { weiToHeuString } from "./epochs";

const YEAR_MS = 365 * 86_400_000;

type Row = walletClaims.Result;

function statusOf(r: Row): WalletClaim["status"] {
  if (r.claimed_tx) return "claimed";
  if (!r.published_root) return "unpublished";
  return r.published_root === r.root ? "claimable" : "mismatch";
}

/** Every epoch leaf of `address` (lower-cased), newest first, with what the indexer saw of it on chain. */
export async function getWalletClaims(address: string): Promise<WalletClaims> {
  const db = readPool();
  const [rows, head] = await Promise.all([readPrisma().$queryRawTyped(walletClaims(address)), indexedHead(db)]);
  const chain = chainEnv();
  return {
    address,
    chainId: chain.chainId,
    distributor: chain.contracts?.rewardDistributor ?? null,
    indexedBlock: head.block,
    indexedAt: head.updatedAt?.toISOString() ?? null,
    claims: rows.map((r) => ({
      epoch: r.epoch,
      amountWei: r.amount_wei,
      amount: weiToHeuString(r.amount_wei),
      root: r.root,
      proof: r.proof,
      vestStart: r.vest_start.toISOString(),
      vestEnd: new Date(r.vest_start.getTime() + YEAR_MS).toISOString(),
      status: statusOf(r),
      publishedTx: r.published_tx,
      claimedTx: r.claimed_tx,
      claimedAt: r.claimed_at?.toISOString() ?? null,
      stakedInto: r.miner_id,
    })),
  };
}
