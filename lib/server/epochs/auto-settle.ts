import "server-only";
import { serverEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { pool } from "../db";
import { settleDueEpochs } from "./settle";

const state = globalThis as unknown as { heuristSettler?: NodeJS.Timeout };

/**
 * Settles ended epochs from inside the server (the only writer allowed on the embedded database):
 * first `EPOCH_SETTLE_START_DELAY_S` after start (time for a history backfill to land), then every
 * 10 minutes, settling an epoch once `EPOCH_SETTLE_GRACE_HOURS` have passed since its end (for
 * late reports). Several servers may do this: a second settlement of an epoch is refused.
 * Off with EPOCH_SETTLEMENT=off (then run `npm run cli -- settle`).
 */
export function startAutoSettlement(): void {
  const env = serverEnv();
  if (env.EPOCH_SETTLEMENT === "off" || state.heuristSettler) return;
  const graceMs = env.EPOCH_SETTLE_GRACE_HOURS * 3_600_000;
  const logger = log().child({ component: "epochs" });
  const pass = async () => {
    try {
      await settleDueEpochs(pool(), new Date(), (r) => logger.info({ epoch: r.epoch, miners: r.miners, stakers: r.stakers }, "epoch settled"), graceMs);
    } catch (err) {
      logger.error({ err }, "settlement failed (will retry)");
    }
  };
  state.heuristSettler = setTimeout(function again() {
    void pass().finally(() => (state.heuristSettler = setTimeout(again, 10 * 60_000).unref()));
  }, env.EPOCH_SETTLE_START_DELAY_S * 1000).unref();
}
