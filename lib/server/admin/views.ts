import "server-only";
import { microToPoints } from "@/lib/points";
import type { AdminActionView } from "@/lib/schemas/admin";
import { prisma } from "../db";
import type { AdminAction, Prisma } from "../generated/prisma/client";

/** The reversal of an action, as the audit log shows who undid it. */
export type Reversal = Pick<AdminAction, "id" | "admin" | "createdAt" | "reason" | "reverses">;

/** What the audit log and a miner's slash list both show of an action, in API form. */
export function actionFacts(a: AdminAction) {
  return {
    id: Number(a.id),
    action: a.action as "slash" | "reversal",
    createdAt: a.createdAt.toISOString(),
    targetKind: a.targetKind as "miner" | "wallet",
    windowFrom: a.windowFrom?.toISOString() ?? null,
    windowTo: a.windowTo?.toISOString() ?? null,
    fraction: a.fractionPpm === null ? null : a.fractionPpm / 1_000_000,
    reverses: a.reverses === null ? null : Number(a.reverses),
  };
}

/** Each action's reversal (one at most: a unique index), by the reversed action's id. */
export async function reversalsOf(ids: readonly bigint[]): Promise<Map<bigint, Reversal>> {
  if (ids.length === 0) return new Map();
  const rows = await prisma().adminAction.findMany({
    where: { reverses: { in: [...ids] } },
    select: { id: true, admin: true, createdAt: true, reason: true, reverses: true },
  });
  return new Map(rows.map((r) => [r.reverses!, r]));
}

/** The audit log's page of actions matching `where`, newest first, with their reversals and how many miner IDs each moved. */
export async function actionViews(where: Prisma.AdminActionWhereInput, page: { skip: number; take: number }): Promise<AdminActionView[]> {
  const actions = await prisma().adminAction.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], ...page });
  const ids = actions.map((a) => a.id);
  const [reversals, moved] = await Promise.all([
    reversalsOf(ids),
    ids.length === 0 ? [] : prisma().ledgerEntry.groupBy({ by: ["adminActionId", "minerId"], where: { adminActionId: { in: ids } } }),
  ]);
  const minerCount = new Map<bigint, number>();
  for (const m of moved) minerCount.set(m.adminActionId!, (minerCount.get(m.adminActionId!) ?? 0) + 1);
  return actions.map((a) => actionView(a, reversals.get(a.id) ?? null, minerCount.get(a.id) ?? 0));
}

export function actionView(a: AdminAction, reversal: Reversal | null, minerCount: number): AdminActionView {
  const f = actionFacts(a);
  return {
    id: f.id,
    action: f.action,
    admin: a.admin,
    createdAt: f.createdAt,
    targetKind: f.targetKind,
    target: a.target,
    windowFrom: f.windowFrom,
    windowTo: f.windowTo,
    fraction: f.fraction,
    reason: a.reason,
    reverses: f.reverses,
    reversedBy: reversal && { id: Number(reversal.id), admin: reversal.admin, createdAt: reversal.createdAt.toISOString(), reason: reversal.reason },
    waifuPoints: microToPoints(a.waifuMicro),
    llamaPoints: microToPoints(a.llamaMicro),
    minerCount,
  };
}
