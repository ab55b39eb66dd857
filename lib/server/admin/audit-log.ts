import "server-only";
import { AppError } from "@/lib/errors";
import { microToPoints } from "@/lib/points";
import type { AdminActionsQuery, AdminActionView, MinerSlash } from "@/lib/schemas/admin";
import { pool } from "../db";
import { ACTION_COLUMNS, actionView, type ActionRow } from "./views";

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** The audit log, newest first: who, when, what (target, window, fraction), why, points moved. */
export async function listAdminActions(q: AdminActionsQuery): Promise<Page<AdminActionView>> {
  const where = "($1::text IS NULL OR a.target = $1) AND ($2::text IS NULL OR a.action = $2)";
  const params = [q.target ?? null, q.action ?? null];
  const [rows, count] = await Promise.all([
    pool().query<ActionRow>(
      `SELECT ${ACTION_COLUMNS} FROM admin_actions a LEFT JOIN admin_actions r ON r.reverses = a.id
        WHERE ${where} ORDER BY a.created_at DESC, a.id DESC LIMIT $3 OFFSET $4`,
      [...params, q.pageSize, (q.page - 1) * q.pageSize],
    ),
    pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM admin_actions a WHERE ${where}`, params),
  ]);
  return { items: rows.rows.map(actionView), page: q.page, pageSize: q.pageSize, total: count.rows[0]!.n };
}

interface MinerSlashRow {
  id: string;
  action: "slash" | "reversal";
  created_at: Date;
  reason: string;
  target_kind: "miner" | "wallet";
  window_from: Date | null;
  window_to: Date | null;
  fraction_ppm: number | null;
  reverses: string | null;
  waifu: string;
  llama: string;
  reversed_at: Date | null;
}

/**
 * Public: every slash and reversal with an entry on this miner ID (including wallet-wide ones),
 * newest first, with this miner's own points moved. The admin's address is left out.
 */
export async function listMinerSlashes(minerId: string, page: number, pageSize: number): Promise<Page<MinerSlash> & { minerId: string }> {
  const node = await pool().query("SELECT 1 FROM nodes WHERE miner_id = $1", [minerId]);
  if (node.rowCount === 0) throw new AppError("not_found", `No miner ${minerId} has reported a job yet.`);
  const mine = `SELECT admin_action_id AS id, coalesce(sum(points_micro) FILTER (WHERE point_type = 'waifu'), 0) AS waifu,
                       coalesce(sum(points_micro) FILTER (WHERE point_type = 'llama'), 0) AS llama
                  FROM ledger_entries WHERE admin_action_id IS NOT NULL AND miner_id = $1 GROUP BY admin_action_id`;
  const [rows, count] = await Promise.all([
    pool().query<MinerSlashRow>(
      `WITH mine AS (${mine})
       SELECT a.id::text, a.action, a.created_at, a.reason, a.target_kind, a.window_from, a.window_to, a.fraction_ppm, a.reverses::text,
              m.waifu::text, m.llama::text, r.created_at AS reversed_at
         FROM mine m JOIN admin_actions a ON a.id = m.id LEFT JOIN admin_actions r ON r.reverses = a.id
        ORDER BY a.created_at DESC, a.id DESC LIMIT $2 OFFSET $3`,
      [minerId, pageSize, (page - 1) * pageSize],
    ),
    pool().query<{ n: number }>(`SELECT count(*)::int AS n FROM (${mine}) m`, [minerId]),
  ]);
  return {
    minerId,
    items: rows.rows.map((r) => ({
      id: Number(r.id),
      action: r.action,
      createdAt: r.created_at.toISOString(),
      reason: r.reason,
      targetKind: r.target_kind,
      windowFrom: r.window_from?.toISOString() ?? null,
      windowTo: r.window_to?.toISOString() ?? null,
      fraction: r.fraction_ppm === null ? null : r.fraction_ppm / 1_000_000,
      waifuPoints: microToPoints(BigInt(r.waifu)),
      llamaPoints: microToPoints(BigInt(r.llama)),
      reverses: r.reverses === null ? null : Number(r.reverses),
      reversed: r.reversed_at !== null,
      reversedAt: r.reversed_at?.toISOString() ?? null,
    })),
    page,
    pageSize,
    total: count.rows[0]!.n,
  };
}
