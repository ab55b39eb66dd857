import "server-only";
import type pg from "pg";
import { watchAvailabilityGpus, watchIdleGpus } from "../generated/prisma/sql";
import { queryTyped } from "../typed-pg";

// The watched conditions (decision 0035): for each condition watch, every GPU it covers (the miner
// ID, or each GPU of the wallet) and whether its condition holds now. A GPU is idle when its last
// completed job (nodes.last_seen_at, as folded) is older than the watch's minutes; unavailable when
// its 24-hour availability in the market snapshot (the figure the market shows) is below the floor.

export interface ConditionState {
  watchId: string;
  kind: "gpu_idle" | "gpu_availability";
  subject: string;
  wallet: string;
  firing: boolean;
  title: string;
  detail: Record<string, unknown>;
}

const pct = (bp: number) => `${(bp / 100).toLocaleString("en-US", { maximumFractionDigits: 2 })} %`;

/** Each covered GPU of every gpu_idle and gpu_availability watch, as of `now`. */
export async function conditionStates(db: pg.PoolClient, now: Date): Promise<ConditionState[]> {
  const [idle, availability] = await Promise.all([queryTyped(db, watchIdleGpus()), queryTyped(db, watchAvailabilityGpus())]);
  return [
    ...idle.map((r): ConditionState => {
      const idleMs = now.getTime() - r.last_seen_at.getTime();
      return {
        watchId: r.watch_id,
        kind: "gpu_idle",
        subject: r.subject,
        wallet: r.wallet,
        firing: idleMs > r.threshold * 60_000,
        title: `${r.subject}: no completed job for ${r.threshold} minutes`,
        detail: { lastJobAt: r.last_seen_at.toISOString(), idleMinutes: r.threshold },
      };
    }),
    ...availability.map((r): ConditionState => ({
      watchId: r.watch_id,
      kind: "gpu_availability",
      subject: r.subject,
      wallet: r.wallet,
      // Whole numbers: online × 10,000 < floor (basis points) × buckets.
      firing: r.buckets > 0 && r.online * 10_000 < r.threshold * r.buckets,
      title: `${r.subject}: availability over 24 h below ${pct(r.threshold)}`,
      detail: {
        availabilityPercent: r.buckets > 0 ? (r.online / r.buckets) * 100 : null,
        onlineBuckets: r.online,
        buckets: r.buckets,
        floorPercent: r.threshold / 100,
        asOf: r.built_at.toISOString(),
      },
    })),
  ];
}
