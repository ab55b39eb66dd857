import "server-only";
import { slashMicro } from "@/lib/anticheat/slash-window";
import { AppError } from "@/lib/errors";
import { microToPoints } from "@/lib/points";
import type { AdminActionResult, SlashBody } from "@/lib/schemas/admin";
import { withTransaction } from "../db";
import { joinSettlementBarrier } from "../epochs/epoch-points";
import { pointsLeft, type PointType } from "./points-left";
import type { AdminAction } from "../generated/prisma/client";
import { actionView } from "./views";
import { lockNodes, writeAdminEntries, type AdminEntry } from "./write-entries";

const fmtFraction = (ppm: number) => `${ppm / 10_000} %`;

/**
 * Slashes a miner ID, or every miner ID of a wallet, over [from, to): for each miner and point
 * type, a negative ledger entry taking `fraction` of the points still in that window, written at
 * `now` (the open epoch; settled epochs never change) with the audit-log row, all in one
 * transaction. A slash that would take nothing is refused.
 */
export async function createSlash(admin: string, body: SlashBody, now = new Date()): Promise<AdminActionResult> {
  if (body.to.getTime() > now.getTime()) {
    throw new AppError("validation_failed", "The window cannot end in the future.", [{ field: "to", reason: `to must not be after now (${now.toISOString()})` }]);
  }
  const targetKind = body.minerId !== undefined ? "miner" : "wallet";
  const target = (body.minerId ?? body.wallet)!;
  const fractionPpm = Math.round(body.fraction * 1_000_000);
  const window = { from: body.from.getTime(), to: body.to.getTime() };

  return withTransaction(async (client) => {
    const open = await joinSettlementBarrier(client);
    const nodes = await lockNodes(client, targetKind === "miner" ? { minerIds: [target] } : { wallet: target });
    if (nodes.length === 0) throw new AppError("not_found", `No ${targetKind === "miner" ? "miner ID" : "wallet"} ${target} has reported a job.`);
    const walletOf = new Map(nodes.map((n) => [n.miner_id, n.wallet]));
    const left = await pointsLeft(client, [...walletOf.keys()], window);

    const entries: AdminEntry[] = [];
    for (const [key, remaining] of left) {
      const [minerId, pointType] = key.split("\t") as [string, PointType];
      const micro = slashMicro(remaining, fractionPpm);
      if (micro !== 0) entries.push({ minerId, wallet: walletOf.get(minerId)!, pointType, micro });
    }
    if (entries.length === 0) {
      throw new AppError(
        "conflict",
        `Nothing to slash: ${target} has no points left in [${body.from.toISOString()}, ${body.to.toISOString()}) (none earned, or earlier slashes took them).`,
      );
    }
    const total = (pt: PointType) => entries.filter((e) => e.pointType === pt).reduce((a, e) => a + e.micro, 0);
    const inserted = await client.query<{ id: string }>(
      `INSERT INTO admin_actions (admin, action, target_kind, target, window_from, window_to, fraction_ppm, reason, waifu_micro, llama_micro, created_at)
       VALUES ($1, 'slash', $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id::text`,
      [admin, targetKind, target, body.from, body.to, fractionPpm, body.reason, total("waifu"), total("llama"), now],
    );
    const id = inserted.rows[0]!.id;
    const action = { id: BigInt(id), admin, action: "slash", targetKind, target, windowFrom: body.from, windowTo: body.to, fractionPpm, reverses: null, reason: body.reason };
    const note = `Slash #${id}: ${fmtFraction(fractionPpm)} of the points in [${body.from.toISOString()}, ${body.to.toISOString()}). ${body.reason}`;
    await writeAdminEntries(client, { kind: "slash", actionId: id, entries, note, now, open });
    return resultOf({ ...action, waifuMicro: BigInt(total("waifu")), llamaMicro: BigInt(total("llama")), createdAt: now }, entries);
  });
}

/**
 * The action just written, as the audit log shows it, with its entries: built from what was
 * inserted (the row is not committed yet, and nothing can have reversed it), not read back.
 */
export function resultOf(action: AdminAction, entries: readonly AdminEntry[]): AdminActionResult {
  return {
    ...actionView(action, null, new Set(entries.map((e) => e.minerId)).size),
    entries: [...entries]
      .sort((a, b) => (a.minerId === b.minerId ? a.pointType.localeCompare(b.pointType) : a.minerId < b.minerId ? -1 : 1))
      .map((e) => ({ minerId: e.minerId, pointType: e.pointType, points: microToPoints(e.micro) })),
  };
}
