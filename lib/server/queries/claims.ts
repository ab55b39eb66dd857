import "server-only";
import { chainEnv } from "@/lib/env";
import type { WalletClaim, WalletClaims } from "@/lib/schemas/claims";
import { readPool } from "../db";
import { indexedHead } from "./chain-status";
import { weiToHeuString } from "./epochs";

const YEAR_MS = 365 * 86_400_000;

interface Row {
  epoch: number;
  amount_wei: string;
  proof: string[];
  root: string;
  vest_start: Date;
  published_root: string | null;
  published_tx: string | null;
  claimed_tx: string | null;
  claimed_at: Date | null;
  miner_id: string | null;
}

function statusOf(r: Row): WalletClaim["status"] {
  if (r.claimed_tx) return "claimed";
  if (!r.published_root) return "unpublished";
  return r.published_root === r.root ? "claimable" : "mismatch";
}

/** Every epoch leaf of `address` (lower-cased), newest first, with what the indexer saw of it on chain. */
export async function getWalletClaims(address: string): Promise<WalletClaims> {
  const db = readPool();
  const [{ rows }, head] = await Promise.all([
    db.query<Row>(
      `SELECT l.epoch, l.amount_wei::text, l.proof, r.root, r.vest_start, p.root AS published_root, p.tx_hash AS published_tx,
              c.tx_hash AS claimed_tx, c.at AS claimed_at, c.miner_id
         FROM reward_leaves l JOIN reward_roots r USING (epoch)
         LEFT JOIN reward_publications p USING (epoch)
         LEFT JOIN reward_claims c ON c.epoch = l.epoch AND c.account = l.account
        WHERE l.account = $1 ORDER BY l.epoch DESC`,
      [address],
    ),
    indexedHead(db),
  ]);
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
