import "server-only";
import { serverEnv } from "@/lib/env";
import { foldOnce } from "../../rollups/fold";
import { passesFor } from "../chunk";
import type { WorkerTask } from "../task";

/** One-minute jobs, like the indexer's, so no job comes near graphile-worker's 4-hour unlock. */
const CHUNK_MS = 60_000;

/**
 * The folder (decision 0024): adds the rollup deltas ingestion and corrections wrote to the
 * rollups, a pass at a time, continuously; waits FOLD_POLL_MS when nothing is pending. A chunk cut
 * anywhere loses nothing: each pass commits on its own.
 */
export function foldTask(): WorkerTask {
  const pollMs = serverEnv().FOLD_POLL_MS;
  return {
    name: "fold",
    enabled: true,
    schedule: { every: { everyMs: 0 } },
    run: (ctx) =>
      passesFor(ctx, CHUNK_MS, pollMs, async ({ pool, logger }) => {
        const r = await foldOnce(pool);
        if (r.deltas > 0) logger.debug(r, "folded");
        return r.deltas > 0;
      }),
  };
}
