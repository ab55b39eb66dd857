import "server-only";
import { bribeState, type BribeChangeInput, type BribeState } from "@/lib/market/bribes";
import type { BribeHistoryResponse } from "@/lib/schemas/staking";
import { readPrisma } from "../db";
import { bribeChanges } from "../generated/prisma/sql";
import { chainTime, indexedHead } from "./chain-status";
import { isoOf } from "./convert";

/** A node's bribe changes as read from `bribe_changes` (the market snapshot reads them on its own connection). */
export type BribeChangeRow = bribeChanges.Result;

/** Bribe changes by node, each as the market's rules take it. */
export function changesByNode(rows: readonly BribeChangeRow[]): Map<string, BribeChangeInput[]> {
  const out = new Map<string, BribeChangeInput[]>();
  for (const r of rows) {
    const list = out.get(r.miner_id) ?? [];
    list.push({
      bps: r.bps,
      effectiveEpoch: r.effective_epoch,
      effectiveAt: r.effective_at.getTime(),
      setAt: r.set_at.getTime(),
      blockNumber: r.block_number,
      logIndex: r.log_index,
    });
    out.set(r.miner_id, list);
  }
  return out;
}

async function changesOf(minerIds: readonly string[]): Promise<Map<string, BribeChangeInput[]>> {
  if (minerIds.length === 0) return new Map();
  return changesByNode(await readPrisma().$queryRawTyped(bribeChanges([...minerIds])));
}

/** Bribe in force, pending and recent cut for each of `minerIds` (nodes that never set one are absent). */
export async function bribeStates(minerIds: readonly string[], now = new Date()): Promise<Map<string, BribeState>> {
  const [head, changes] = await Promise.all([indexedHead(), changesOf(minerIds)]);
  const at = chainTime(head, now).getTime();
  return new Map([...changes].map(([id, list]) => [id, bribeState(list, at)]));
}

const isoMs = (ms: number | null) => (ms === null ? null : isoOf(new Date(ms)));

/** A node's full bribe history with the status of each change. */
export async function getBribeHistory(minerId: string, now = new Date()): Promise<BribeHistoryResponse> {
  const [head, changes] = await Promise.all([indexedHead(), changesOf([minerId])]);
  const asOf = chainTime(head, now);
  const s = bribeState(changes.get(minerId) ?? [], asOf.getTime());
  return {
    minerId,
    operator: minerId.split("-")[0]!,
    asOf: isoOf(asOf),
    currentBps: s.currentBps,
    currentSince: isoMs(s.currentSince),
    pending: s.pending ? { bps: s.pending.bps, effectiveEpoch: s.pending.effectiveEpoch, effectiveAt: isoMs(s.pending.effectiveAt)! } : null,
    recentCut: s.recentCut ? { ...s.recentCut, effectiveAt: isoMs(s.recentCut.effectiveAt)! } : null,
    history: s.history.map((h) => ({
      bps: h.bps,
      effectiveEpoch: h.effectiveEpoch,
      effectiveAt: isoMs(h.effectiveAt)!,
      setAt: isoMs(h.setAt)!,
      blockNumber: Number(h.blockNumber),
      status: h.status,
      inForceFrom: isoMs(h.inForceFrom),
      inForceUntil: isoMs(h.inForceUntil),
    })),
  };
}
