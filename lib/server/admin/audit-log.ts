import "server-only";
import { AppError } from "@/lib/errors";
import { microToPoints } from "@/lib/points";
import type { AdminActionsQuery, AdminActionView, MinerSlash } from "@/lib/schemas/admin";
import { prisma } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { actionFacts, actionViews, reversalsOf } from "./views";

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** The audit log, newest first: who, when, what (target, window, fraction), why, points moved. */
export async function listAdminActions(q: AdminActionsQuery): Promise<Page<AdminActionView>> {
  const where: Prisma.AdminActionWhereInput = { target: q.target, action: q.action };
  const [items, total] = await Promise.all([actionViews(where, { skip: (q.page - 1) * q.pageSize, take: q.pageSize }), prisma().adminAction.count({ where })]);
  return { items, page: q.page, pageSize: q.pageSize, total };
}

/**
 * Public: every slash and reversal with an entry on this miner ID (including wallet-wide ones),
 * newest first, with this miner's own points moved. The admin's address is left out.
 */
export async function listMinerSlashes(minerId: string, page: number, pageSize: number): Promise<Page<MinerSlash> & { minerId: string }> {
  const node = await prisma().node.findUnique({ where: { minerId }, select: { minerId: true } });
  if (!node) throw new AppError("not_found", `No miner ${minerId} has reported a job yet.`);
  // A miner's own points per action: few rows (one per action and point type), so the page is cut here.
  const sums = await prisma().ledgerEntry.groupBy({
    by: ["adminActionId", "pointType"],
    where: { minerId, adminActionId: { not: null } },
    _sum: { pointsMicro: true },
  });
  const moved = new Map<bigint, { waifu: bigint; llama: bigint }>();
  for (const s of sums) {
    const m = moved.get(s.adminActionId!) ?? { waifu: 0n, llama: 0n };
    m[s.pointType] += s._sum.pointsMicro ?? 0n;
    moved.set(s.adminActionId!, m);
  }
  const actions = await prisma().adminAction.findMany({
    where: { id: { in: [...moved.keys()] } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (page - 1) * pageSize,
    take: pageSize,
  });
  const reversals = await reversalsOf(actions.map((a) => a.id));
  return {
    minerId,
    items: actions.map((a) => {
      const f = actionFacts(a);
      const m = moved.get(a.id)!;
      const reversedAt = reversals.get(a.id)?.createdAt.toISOString() ?? null;
      return {
        id: f.id,
        action: f.action,
        createdAt: f.createdAt,
        reason: a.reason,
        targetKind: f.targetKind,
        windowFrom: f.windowFrom,
        windowTo: f.windowTo,
        fraction: f.fraction,
        waifuPoints: microToPoints(m.waifu),
        llamaPoints: microToPoints(m.llama),
        reverses: f.reverses,
        reversed: reversedAt !== null,
        reversedAt,
      };
    }),
    page,
    pageSize,
    total: moved.size,
  };
}
