import "server-only";
import type pg from "pg";
import { scheduleAt } from "@/lib/points";
import { addEpochPoints, type OpenEpochs } from "../epochs/epoch-points";
import { hourStart } from "../ingest/rollup-deltas";

export interface AdminEntry {
  minerId: string;
  wallet: string;
  pointType: "waifu" | "llama";
  /** Signed micro-points: negative for a slash, positive for a reversal. */
  micro: number;
}

/**
 * Locks the nodes rows of `minerIds` in id order (the order ingestion's upserts take them), so
 * two admin actions on the same miners, or an action and a batch, serialize instead of both
 * reading the same "points left".
 */
export async function lockNodes(client: pg.PoolClient, where: "miner_id" | "wallet", value: string | string[]): Promise<{ miner_id: string; wallet: string }[]> {
  const cond = Array.isArray(value) ? `${where} = ANY($1::text[])` : `${where} = $1`;
  const { rows } = await client.query<{ miner_id: string; wallet: string }>(`SELECT miner_id, wallet FROM nodes WHERE ${cond} ORDER BY miner_id FOR UPDATE`, [value]);
  return rows;
}

/**
 * Writes an admin action's ledger entries (one per miner ID and point type) at `now`, so they
 * fall in the open epoch, and moves the rollups a miner's points appear in: the node's totals and
 * miner_hourly / wallet_hourly at the hour of `now` (points only: job and success counts are
 * about jobs). hardware_hourly and wallet_model_daily describe GPU models and models: jobs only.
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

  const sums = (key: (e: AdminEntry) => string) => {
    const out = new Map<string, { waifu: number; llama: number }>();
    for (const e of entries) {
      const s = out.get(key(e)) ?? out.set(key(e), { waifu: 0, llama: 0 }).get(key(e))!;
      s[e.pointType] += e.micro;
    }
    const keys = [...out.keys()].sort();
    return { keys, waifu: keys.map((k) => out.get(k)!.waifu), llama: keys.map((k) => out.get(k)!.llama) };
  };
  const miners = sums((e) => e.minerId);
  const wallets = sums((e) => e.wallet);
  const hour = hourStart(opts.now);
  await client.query(
    `UPDATE nodes n SET total_waifu_micro = n.total_waifu_micro + d.wa, total_llama_micro = n.total_llama_micro + d.ll
       FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(id, wa, ll) WHERE n.miner_id = d.id`,
    [miners.keys, miners.waifu, miners.llama],
  );
  await addEpochPoints(
    client,
    opts.open,
    entries.map((e) => ({ minerId: e.minerId, wallet: e.wallet, pointType: e.pointType, occurredAt: opts.now, adjustment: true, micro: e.micro })),
  );
  await client.query(
    `INSERT INTO miner_hourly AS t (miner_id, hour, waifu_micro, llama_micro)
     SELECT id, $4, wa, ll FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(id, wa, ll)
     ON CONFLICT (miner_id, hour) DO UPDATE SET waifu_micro = t.waifu_micro + excluded.waifu_micro, llama_micro = t.llama_micro + excluded.llama_micro`,
    [miners.keys, miners.waifu, miners.llama, hour],
  );
  await client.query(
    `INSERT INTO wallet_hourly AS t (wallet, hour, waifu_micro, llama_micro)
     SELECT w, $4, wa, ll FROM unnest($1::text[], $2::bigint[], $3::bigint[]) AS d(w, wa, ll)
     ON CONFLICT (wallet, hour) DO UPDATE SET waifu_micro = t.waifu_micro + excluded.waifu_micro, llama_micro = t.llama_micro + excluded.llama_micro`,
    [wallets.keys, wallets.waifu, wallets.llama, hour],
  );
}
