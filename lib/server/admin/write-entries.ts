import "server-only";
import type pg from "pg";
import { scheduleAt } from "@/lib/points";
import type { OpenEpochs } from "../epochs/epoch-points";
import { lockMinerNodes, lockWalletNodes } from "../generated/prisma/sql";
import { insertDelta } from "../rollups/deltas";
import { queryTyped } from "../typed-pg";

export interface AdminEntry {
  minerId: string;
  wallet: string;
  pointType: "waifu" | "llama";
  /** Signed micro-points: negative for a slash, positive for a reversal. */
  micro: number;
}

/**
 * Locks the nodes rows of these miner IDs, or of a wallet, in id order, so two admin actions on the same miners
 * serialize instead of both reading the same "points left" (read from the ledger, which every
 * committed batch is in; the folder waits for these locks too).
 */
export async function lockNodes(client: pg.PoolClient, of: { minerIds: string[] } | { wallet: string }): Promise<lockMinerNodes.Result[]> {
  return "wallet" in of ? queryTyped(client, lockWalletNodes(of.wallet)) : queryTyped(client, lockMinerNodes(of.minerIds));
}

/**
 * Writes an admin action's ledger entries (one per miner ID and point type) at `now`, so they
 * fall in the open epoch, and their rollup deltas: the folder moves the node's totals, the
 * settlement bucket and miner_hourly / wallet_hourly at the hour of `now` (points only).
 * `open` is what `joinSettlementBarrier`, called first in the transaction, returned.
 */
export async function writeAdminEntries(
  client: pg.PoolClient,
  opts: { kind: "slash" | "reversal" | "adjustment"; actionId: string; entries: readonly AdminEntry[]; note: string; now: Date; open: OpenEpochs },
): Promise<void> {
  const entries = [...opts.entries].sort((a, b) => (a.minerId === b.minerId ? a.pointType.localeCompare(b.pointType) : a.minerId < b.minerId ? -1 : 1));
  if (entries.length === 0) return;
  const col = <T>(pick: (e: AdminEntry) => T) => entries.map(pick);
  await client.query(
    `INSERT INTO ledger_entries (kind, miner_id, wallet, point_type, occurred_at, schedule_id, base_micro, model_multiplier_ppm, nft_multiplier_ppm,
                                 stake_multiplier_ppm, nft_count, stake_heu, points_micro, note, admin_action_id)
     SELECT $1::"LedgerKind", m, w, pt, $5, $6, p, 1000000, 1000000, 1000000, 0, 0, p, $7, $8
       FROM unnest($2::text[], $3::text[], $4::"PointType"[], $9::bigint[]) AS t(m, w, pt, p)`,
    [opts.kind, col((e) => e.minerId), col((e) => e.wallet), col((e) => e.pointType), opts.now, scheduleAt(opts.now).id, opts.note, opts.actionId, col((e) => e.micro)],
  );

  // Points only: job and success counts are about jobs, and the model and GPU-model rollups hold jobs only.
  await insertDelta(
    client,
    opts.open,
    false,
    entries.map((e) => ({ minerId: e.minerId, wallet: e.wallet, pointType: e.pointType, occurredAt: opts.now, micro: e.micro })),
  );
}
