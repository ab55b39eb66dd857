import "server-only";
import type pg from "pg";
import { remainingInWindow, segmentBoundaries, type PastAction, type TimeWindow } from "@/lib/anticheat/slash-window";
import { minerAdminHistory, minerEarnedBuckets } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

export type PointType = "waifu" | "llama";

/**
 * Micro-points each of `minerIds` still holds in `window`, per point type: what it earned there
 * (every entry that is not an admin action, by when it occurred) less what earlier slashes of
 * overlapping windows took and reversals gave back (see lib/anticheat/slash-window.ts).
 * Keys are `minerId\tpointType`; miner IDs with nothing there are absent or 0.
 */
export async function pointsLeft(client: pg.PoolClient, minerIds: readonly string[], window: TimeWindow): Promise<Map<string, number>> {
  const history = await queryTyped(client, minerAdminHistory([...minerIds]));
  const past = new Map<string, PastAction[]>();
  for (const h of history) {
    const key = `${h.miner_id}\t${h.point_type}`;
    const action: PastAction = {
      id: Number(h.id),
      // Text in admin_actions: a rescore's 'adjustment' is allocated like a slash and never reversed.
      action: h.action as PastAction["action"],
      reverses: h.reverses === null ? null : Number(h.reverses),
      from: h.window_from.getTime(),
      to: h.window_to.getTime(),
      micro: Number(h.micro),
    };
    past.set(key, [...(past.get(key) ?? []), action]);
  }

  // One query over the finest cut (every window's ends); each miner's sums are then merged into
  // the segments of its own history, so a miner's answer never depends on another's slashes.
  const fine = segmentBoundaries(window, [...past.values()].flat());
  const cuts = fine.map((t) => new Date(t));
  const earned = await queryTyped(client, minerEarnedBuckets([...minerIds], cuts, cuts[0]!, cuts.at(-1)!));
  const fineSums = new Map<string, number[]>();
  for (const e of earned) {
    const key = `${e.miner_id}\t${e.point_type}`;
    const sums = fineSums.get(key) ?? fineSums.set(key, new Array<number>(fine.length - 1).fill(0)).get(key)!;
    sums[e.bucket - 1]! += Number(e.micro); // width_bucket is 1-based: bucket k covers [fine[k-1], fine[k])
  }

  const out = new Map<string, number>();
  for (const key of new Set([...fineSums.keys(), ...past.keys()])) {
    const mine = past.get(key) ?? [];
    const boundaries = segmentBoundaries(window, mine);
    const sums = new Array<number>(boundaries.length - 1).fill(0);
    (fineSums.get(key) ?? []).forEach((micro, j) => {
      const at = fine[j]!;
      const k = boundaries.findLastIndex((b) => b <= at);
      if (k >= 0 && k < sums.length) sums[k]! += micro;
    });
    out.set(key, remainingInWindow(boundaries, sums, mine, window));
  }
  return out;
}
