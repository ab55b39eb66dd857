import "server-only";
import { BUCKET_MS } from "@/lib/heartbeats/buckets";
import { availabilityPlan } from "@/lib/heartbeats/coverage";
import type { Availability24h } from "@/lib/schemas/activity";
import { ACTIVE_GPU_DAYS } from "@/lib/schemas/wallets";
import { availabilityOf, heartbeatsSince, type Availability } from "../heartbeats/availability";
import { readPool } from "../db";

// "Availability, 24 h" on the miner and wallet answers and pages: the router's heartbeats over the
// last 24 hours (lib/heartbeats/coverage.ts for history before they began). The window ends at the
// start of the current 5-minute bucket, as the market's does, so a bucket still filling never
// counts as missed.

const DAY_MS = 86_400_000;

export interface AvailabilityWindow {
  from: Date;
  to: Date;
}

export function availabilityWindow(now: Date): AvailabilityWindow {
  const to = new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS);
  return { from: new Date(to.getTime() - DAY_MS), to };
}

export function toAvailability24h(a: Pick<Availability, "buckets" | "online" | "heartbeatBuckets" | "source">): Availability24h {
  return { ratio: a.buckets === 0 ? null : a.online / a.buckets, onlineBuckets: a.online, buckets: a.buckets, heartbeatBuckets: a.heartbeatBuckets, source: a.source };
}

const windowIso = (w: AvailabilityWindow) => ({ from: w.from.toISOString(), to: w.to.toISOString() });

/** One node's availability over the last 24 hours. */
export async function minerAvailability24h(minerId: string, now: Date) {
  const w = availabilityWindow(now);
  const a = (await availabilityOf([minerId], w.from, w.to, await heartbeatsSince())).get(minerId)!;
  return { ...toAvailability24h(a), ...windowIso(w) };
}

export interface WalletAvailability {
  total: Availability24h & { from: string; to: string; gpus: number };
  byMiner: Map<string, Availability24h>;
  /** A GPU of the window never seen (one registered after the wallet's GPUs were read). */
  unseen: Availability24h;
}

/**
 * Every GPU of a wallet in one pass (one availabilityOf over all their IDs, never a query per
 * GPU), and the wallet's figure: the online buckets of its GPUs in service (a received job in the
 * last ACTIVE_GPU_DAYS days, or online in the window) ÷ their buckets. A GPU retired long ago
 * would otherwise hold the figure down for ever; one down since yesterday still counts.
 */
export async function walletAvailability24h(address: string, now: Date): Promise<WalletAvailability> {
  const w = availabilityWindow(now);
  const [{ rows }, since] = await Promise.all([
    readPool().query<{ miner_id: string; recent: boolean }>("SELECT miner_id, last_seen_at >= $2 AS recent FROM nodes WHERE wallet = $1", [
      address,
      new Date(w.to.getTime() - ACTIVE_GPU_DAYS * DAY_MS),
    ]),
    heartbeatsSince(),
  ]);
  const measured = await availabilityOf(
    rows.map((r) => r.miner_id),
    w.from,
    w.to,
    since,
  );
  // Every node of one window shares its plan: the same buckets and source.
  const plan = availabilityPlan(w.from, w.to, since);
  const byMiner = new Map<string, Availability24h>();
  let gpus = 0;
  let online = 0;
  let buckets = 0;
  let heartbeatBuckets = 0;
  for (const r of rows) {
    const a = measured.get(r.miner_id)!;
    byMiner.set(r.miner_id, toAvailability24h(a));
    if (!r.recent && a.online === 0) continue;
    gpus += 1;
    online += a.online;
    buckets += a.buckets;
    heartbeatBuckets += a.heartbeatBuckets;
  }
  return {
    total: { ...toAvailability24h({ buckets, online, heartbeatBuckets, source: buckets === 0 ? "none" : plan.source }), ...windowIso(w), gpus },
    byMiner,
    unseen: toAvailability24h({ ...plan, online: 0 }),
  };
}
