import "server-only";
import { microToPoints } from "@/lib/points";
import type { AdminActionView } from "@/lib/schemas/admin";

/** admin_actions columns as text where pg would hand back bigints, plus the reversal (if any). */
export const ACTION_COLUMNS = `a.id::text, a.admin, a.action, a.target_kind, a.target, a.window_from, a.window_to, a.fraction_ppm, a.reverses::text,
  a.reason, a.waifu_micro::text, a.llama_micro::text, a.created_at,
  r.id::text AS r_id, r.admin AS r_admin, r.created_at AS r_created_at, r.reason AS r_reason,
  (SELECT count(DISTINCT l.miner_id) FROM ledger_entries l WHERE l.admin_action_id = a.id)::int AS miner_count`;

export interface ActionRow {
  id: string;
  admin: string;
  action: "slash" | "reversal";
  target_kind: "miner" | "wallet";
  target: string;
  window_from: Date | null;
  window_to: Date | null;
  fraction_ppm: number | null;
  reverses: string | null;
  reason: string;
  waifu_micro: string;
  llama_micro: string;
  created_at: Date;
  r_id: string | null;
  r_admin: string | null;
  r_created_at: Date | null;
  r_reason: string | null;
  miner_count: number;
}

export function actionView(r: ActionRow): AdminActionView {
  return {
    id: Number(r.id),
    action: r.action,
    admin: r.admin,
    createdAt: r.created_at.toISOString(),
    targetKind: r.target_kind,
    target: r.target,
    windowFrom: r.window_from?.toISOString() ?? null,
    windowTo: r.window_to?.toISOString() ?? null,
    fraction: r.fraction_ppm === null ? null : r.fraction_ppm / 1_000_000,
    reason: r.reason,
    reverses: r.reverses === null ? null : Number(r.reverses),
    reversedBy: r.r_id === null ? null : { id: Number(r.r_id), admin: r.r_admin!, createdAt: r.r_created_at!.toISOString(), reason: r.r_reason! },
    waifuPoints: microToPoints(BigInt(r.waifu_micro)),
    llamaPoints: microToPoints(BigInt(r.llama_micro)),
    minerCount: r.miner_count,
  };
}
