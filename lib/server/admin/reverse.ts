import "server-only";
import { AppError } from "@/lib/errors";
import type { AdminActionResult } from "@/lib/schemas/admin";
import { withTransaction } from "../db";
import { joinSettlementBarrier } from "../epochs/epoch-points";
import { adminActionEntries, slashReversals, slashToReverse } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";
import { resultOf } from "./slash";
import { lockNodes, writeAdminEntries, type AdminEntry } from "./write-entries";

/**
 * Reverses slash `slashId`: an audit-log row (action 'reversal', reverses = the slash) and, for
 * each of the slash's entries, a positive entry of the same size at `now`, rollups moved alike.
 * One reversal per slash (a unique index backs the check against a concurrent second one).
 */
export async function reverseSlash(admin: string, slashId: string, reason: string, now = new Date()): Promise<AdminActionResult> {
  return withTransaction(async (client) => {
    const open = await joinSettlementBarrier(client);
    const [slash] = await queryTyped(client, slashToReverse(BigInt(slashId)));
    if (!slash) throw new AppError("not_found", `No admin action #${slashId}.`);
    if (slash.action !== "slash") throw new AppError("conflict", `Action #${slashId} is a ${slash.action}; only a slash can be reversed.`);
    const [earlier] = await queryTyped(client, slashReversals(BigInt(slashId)));
    if (earlier) throw new AppError("conflict", `Slash #${slashId} was already reversed by #${earlier.id} on ${earlier.created_at.toISOString()}.`);

    const rows = await queryTyped(client, adminActionEntries(BigInt(slashId)));
    await lockNodes(client, { minerIds: [...new Set(rows.map((r) => r.miner_id))] });
    const entries: AdminEntry[] = rows.map((r) => ({ minerId: r.miner_id, wallet: r.wallet, pointType: r.point_type, micro: -Number(r.micro) }));

    let id: string;
    try {
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO admin_actions (admin, action, target_kind, target, window_from, window_to, reverses, reason, waifu_micro, llama_micro, created_at)
         VALUES ($1, 'reversal', $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::text`,
        [
          admin,
          slash.target_kind,
          slash.target,
          slash.window_from,
          slash.window_to,
          slashId,
          reason,
          (-BigInt(slash.waifu_micro)).toString(),
          (-BigInt(slash.llama_micro)).toString(),
          now,
        ],
      );
      id = inserted.rows[0]!.id;
    } catch (err) {
      if ((err as { code?: string }).code === "23505") throw new AppError("conflict", `Slash #${slashId} was reversed by another admin just now.`);
      throw err;
    }
    await writeAdminEntries(client, { kind: "reversal", actionId: id, entries, note: `Reversal of slash #${slashId}. ${reason}`, now, open });
    const action = { id: BigInt(id), admin, action: "reversal", targetKind: slash.target_kind, target: slash.target, windowFrom: slash.window_from, windowTo: slash.window_to };
    return resultOf(
      { ...action, fractionPpm: null, reverses: BigInt(slashId), reason, waifuMicro: -BigInt(slash.waifu_micro), llamaMicro: -BigInt(slash.llama_micro), createdAt: now },
      entries,
    );
  });
}
