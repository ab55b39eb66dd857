import "server-only";
import type pg from "pg";
import { AppError } from "@/lib/errors";
import { joinSettlementBarrier } from "../epochs/epoch-points";
import { lockNodes, writeAdminEntries, type AdminEntry } from "../admin/write-entries";
import type { RescoreReport } from "./rescore";

/**
 * Writes a rescore report as adjustment entries dated `now` (they count in the open epoch; settled
 * epochs never change), one per miner ID and point type, under one audit-log action that names
 * who ran it, the schedule, the window and why. A window already adjusted under the same schedule
 * is refused, so running the command twice cannot double the change.
 */
export async function applyRescore(pool: pg.Pool, report: RescoreReport, opts: { actor: string; reason: string; now?: Date }): Promise<{ actionId: string; entries: number }> {
  const now = opts.now ?? new Date();
  if (opts.reason.trim().length < 10) throw new AppError("bad_request", "A rescore needs a reason of at least 10 characters (--reason).");
  const entries: AdminEntry[] = [];
  for (const m of report.miners) {
    if (m.waifuDeltaMicro !== 0n) entries.push({ minerId: m.minerId, wallet: m.wallet, pointType: "waifu", micro: Number(m.waifuDeltaMicro) });
    if (m.llamaDeltaMicro !== 0n) entries.push({ minerId: m.minerId, wallet: m.wallet, pointType: "llama", micro: Number(m.llamaDeltaMicro) });
  }
  if (entries.length === 0) throw new AppError("conflict", "Re-pricing this window changes nothing; no adjustment written.");
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const open = await joinSettlementBarrier(client);
    await lockNodes(client, { minerIds: [...new Set(entries.map((e) => e.minerId))] });
    const done = await client.query<{ id: string }>("SELECT id::text FROM admin_actions WHERE action = 'adjustment' AND target = $1 AND window_from = $2 AND window_to = $3", [
      report.scheduleId,
      report.from,
      report.to,
    ]);
    if (done.rows[0]) throw new AppError("conflict", `This window was already re-priced under ${report.scheduleId} (audit-log action ${done.rows[0].id}).`);
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO admin_actions (admin, action, target_kind, target, window_from, window_to, reason, waifu_micro, llama_micro, created_at)
       VALUES ($1, 'adjustment', 'schedule', $2, $3, $4, $5, $6, $7, $8) RETURNING id::text`,
      [opts.actor, report.scheduleId, report.from, report.to, opts.reason.trim(), report.waifuDeltaMicro.toString(), report.llamaDeltaMicro.toString(), now],
    );
    const actionId = rows[0]!.id;
    await writeAdminEntries(client, {
      kind: "adjustment",
      actionId,
      entries,
      now,
      open,
      note: `rescore under ${report.scheduleId} of jobs completed ${report.from.toISOString()} to ${report.to.toISOString()}: ${opts.reason.trim()}`,
    });
    await client.query("COMMIT");
    return { actionId, entries: entries.length };
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
