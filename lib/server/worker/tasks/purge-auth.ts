import "server-only";
import { purgeExpiredAuth } from "../../auth/siwe";
import type { WorkerTask } from "../task";

/** Deletes expired sign-in nonces and sessions every 10 minutes, so a flood of nonce requests leaves nothing behind. */
export function purgeAuthTask(): WorkerTask {
  return {
    name: "purge-auth",
    enabled: true,
    schedule: { every: { everyMs: 10 * 60_000 } },
    async run({ pool, logger }) {
      const purged = await purgeExpiredAuth(new Date(), pool);
      if (purged.nonces || purged.sessions) logger.info(purged, "expired nonces and sessions purged");
    },
  };
}
